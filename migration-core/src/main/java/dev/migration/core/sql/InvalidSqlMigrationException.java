package dev.migration.core.sql;

import dev.migration.core.MigrationException;

/** Thrown when a SQL migration file cannot be used as it is; the message names the file and line. */
public class InvalidSqlMigrationException extends MigrationException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param file the file, as found in its location
	 * @param line the line the problem is on, or 0 for the whole file
	 * @param problem what is wrong and what to do
	 */
	public InvalidSqlMigrationException(String file, int line, String problem) {
		super("SQL migration " + file + ((line > 0) ? " (line " + line + ")" : "") + ": " + problem + ".");
	}

}
