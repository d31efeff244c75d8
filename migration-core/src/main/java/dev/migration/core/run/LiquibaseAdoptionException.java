package dev.migration.core.run;

import dev.migration.core.MigrationException;

/** Thrown when a database that Liquibase updated cannot be taken over as it is; nothing was changed. */
public class LiquibaseAdoptionException extends MigrationException {

	private static final long serialVersionUID = 1L;

	LiquibaseAdoptionException(String message) {
		super(message);
	}

}
