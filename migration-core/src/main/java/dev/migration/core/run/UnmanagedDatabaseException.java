package dev.migration.core.run;

import dev.migration.core.MigrationException;

/**
 * Thrown before a first upgrade of a database that holds tables but no migration history,
 * unless a baseline is set: the history may be elsewhere, or the tables predate migrations.
 */
public class UnmanagedDatabaseException extends MigrationException {

	private static final long serialVersionUID = 1L;

	UnmanagedDatabaseException(String message) {
		super(message);
	}

}
