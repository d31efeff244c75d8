package dev.migration.core.run;

import java.util.List;

import dev.migration.core.MigrationException;

/** Thrown when applied revisions' code changed since they ran. */
public class ChecksumMismatchException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final transient List<ChecksumMismatch> mismatches;

	ChecksumMismatchException(List<ChecksumMismatch> mismatches) {
		super(describe(mismatches));
		this.mismatches = List.copyOf(mismatches);
	}

	/**
	 * Returns the revisions whose code changed.
	 * @return the mismatches
	 */
	public List<ChecksumMismatch> mismatches() {
		return this.mismatches;
	}

	static String describe(List<ChecksumMismatch> mismatches) {
		StringBuilder message = new StringBuilder("The code of applied revision(s) changed since they ran:");
		mismatches.forEach((mismatch) -> message.append("\n  ").append(mismatch.revision())
			.append((mismatch.file() != null) ? " (" + mismatch.file() + ")" : "")
			.append(": applied with checksum ").append(mismatch.applied())
			.append(", code now has ").append(mismatch.code()));
		return message.append("\nRestore the revision's code, or, if the change is intended and the database already "
				+ "matches it, record the code's checksum with --migrations.command=repair (every changed revision, or "
				+ "--migrations.target=<revision> for one; nothing else is marked or run), or let runs go on "
				+ "warning with migrations.checksum-policy=warn.").toString();
	}

	/**
	 * An applied revision whose rendered SQL differs from what ran.
	 *
	 * @param revision the revision id
	 * @param applied the checksum stored when it ran
	 * @param code the checksum of its code now
	 * @param file the SQL file of the revision, or {@code null} for a Java revision
	 */
	public record ChecksumMismatch(String revision, String applied, String code, String file) {

	}

}
