package dev.migration.core.op;

import java.time.Duration;
import java.util.Objects;

import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * Names the two columns a rename keeps in step, and what is built from them: the trigger (and
 * its function) that copies writes both ways, and the backfill of the new column.
 *
 * @param table the table
 * @param column the old column
 * @param newName the new column
 */
public record ColumnSync(QualifiedName table, String column, String newName) {

	public ColumnSync {
		Objects.requireNonNull(table, "table");
		Names.require("column", column);
		Names.require("column", newName);
	}

	/**
	 * Returns the name of the trigger and of its function.
	 * @return the name
	 */
	public String name() {
		String name = this.table.name() + "_sync_" + this.column + "_" + this.newName;
		// PostgreSQL's limit is 63 bytes
		return (name.length() <= 63) ? name : name.substring(0, 54) + "_" + Integer.toHexString(name.hashCode());
	}

	/**
	 * Returns the backfill that copies the old column into the new one along {@code key}.
	 * @param key the unique, not-null key to walk
	 * @return the backfill
	 */
	public Backfill backfill(String key) {
		// always quoted: this text is also the backfill's progress name, so it must not depend on a dialect
		return new Backfill(this.table, key, quoted(this.newName) + " = " + quoted(this.column),
				quoted(this.newName) + " IS NULL", 1_000, Duration.ofMillis(100), Duration.ofMillis(10));
	}

	private static String quoted(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

}
