package dev.migration.core.snapshot;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What changed in the live schema since the last successful run stored its snapshot: the
 * changes made by hand (or by anything but the migrations).
 *
 * @param since when the stored snapshot was taken
 * @param diff the stored snapshot compared with the live schema; empty when nothing changed
 */
public record Drift(OffsetDateTime since, SchemaDiff diff) {

	public Drift {
		Objects.requireNonNull(diff, "diff");
	}

	/**
	 * Returns whether the live schema is still the one the last run left.
	 * @return whether nothing changed
	 */
	public boolean isEmpty() {
		return this.diff.isEmpty();
	}

	/**
	 * Describes the changes, one per line, such as {@code index ix_x: unexpected in the database}.
	 * @return the lines
	 */
	public String describe() {
		return this.diff.describe("in the database");
	}

}
