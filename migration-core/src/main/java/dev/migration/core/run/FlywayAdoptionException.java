package dev.migration.core.run;

import dev.migration.core.MigrationException;

/** Thrown when a database that Flyway migrated cannot be taken over as it is. */
public class FlywayAdoptionException extends MigrationException {

	private static final long serialVersionUID = 1L;

	FlywayAdoptionException(String message) {
		super(message);
	}

}
