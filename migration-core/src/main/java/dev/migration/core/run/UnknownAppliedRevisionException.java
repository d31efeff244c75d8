package dev.migration.core.run;

import java.util.List;
import java.util.Set;

import dev.migration.core.MigrationException;
import dev.migration.core.sql.SqlFileName;

/** Thrown when the database holds revisions that the code does not declare. */
public class UnknownAppliedRevisionException extends MigrationException {

	private static final long serialVersionUID = 1L;

	UnknownAppliedRevisionException(Set<String> unknown, String stateTable) {
		super(describe(unknown, stateTable));
	}

	private static String describe(Set<String> unknown, String stateTable) {
		List<String> repeatable = unknown.stream().filter((id) -> id.startsWith(SqlFileName.REPEATABLE_PREFIX)).toList();
		List<String> revisions = unknown.stream().filter((id) -> !repeatable.contains(id)).toList();
		StringBuilder message = new StringBuilder();
		if (!revisions.isEmpty()) {
			message.append("The database has revision(s) ").append(revisions).append(" applied, which this code does "
					+ "not declare: it was migrated by a newer version of the application. Deploy that version, "
					+ "downgrade the database with it, or set migrations.unknown-revision-policy=ignore to run this "
					+ "code anyway.");
		}
		if (!repeatable.isEmpty()) {
			message.append(message.isEmpty() ? "" : " ").append("The repeatable script(s) ").append(repeatable)
				.append(" ran on this database, but their files are gone from migrations.locations. Put the file back, ")
				.append("or, when what it made may stay or was dropped by hand, delete its row from ").append(stateTable)
				.append(" (revision = '<id>'), or set migrations.unknown-revision-policy=ignore.");
		}
		return message.toString();
	}

}
