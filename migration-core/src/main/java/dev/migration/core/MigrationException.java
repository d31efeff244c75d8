package dev.migration.core;

/**
 * Root of the small unchecked exception tree this project throws; every message names the
 * revision, table or setting involved and says what to do.
 */
public class MigrationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public MigrationException(String message) {
		super(message);
	}

	public MigrationException(String message, Throwable cause) {
		super(message, cause);
	}

}
