package dev.migration.core.catalog;

import dev.migration.core.MigrationException;

/** Thrown when a migration class does not declare a usable revision. */
public class InvalidMigrationException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public InvalidMigrationException(String message) {
		super(message);
	}

	public InvalidMigrationException(String message, Throwable cause) {
		super(message, cause);
	}

}
