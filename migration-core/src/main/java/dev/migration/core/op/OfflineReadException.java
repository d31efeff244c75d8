package dev.migration.core.op;

import dev.migration.core.MigrationException;

/** Thrown when a migration reads the database while the offline script is written. */
public class OfflineReadException extends MigrationException {

	private static final long serialVersionUID = 1L;

	OfflineReadException(String sql) {
		super("The migration reads the database ('" + sql + "'), which is impossible while writing the offline "
				+ "script. Wrap the step that reads in op.onlineOnly(description, online -> ...), which the script "
				+ "shows as a comment, or run this revision online.");
	}

}
