package dev.migration.core.run;

import java.util.List;
import java.util.Set;

import dev.migration.core.run.ChecksumMismatchException.ChecksumMismatch;

/**
 * What validation found: applied revisions the code does not know, and applied revisions
 * whose code changed.
 *
 * @param unknown applied revision ids no migration declares
 * @param changed applied revisions whose checksum differs from their code's
 */
public record ValidationReport(Set<String> unknown, List<ChecksumMismatch> changed) {

	public ValidationReport {
		unknown = Set.copyOf(unknown);
		changed = List.copyOf(changed);
	}

	/**
	 * Returns whether nothing was found.
	 * @return whether the database matches the code
	 */
	public boolean isClean() {
		return this.unknown.isEmpty() && this.changed.isEmpty();
	}

}
