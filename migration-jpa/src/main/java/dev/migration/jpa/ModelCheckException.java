package dev.migration.jpa;

import dev.migration.core.MigrationException;

/**
 * Thrown when the model check cannot build one of the schemas it compares: Hibernate fails on the
 * entities, or the revisions fail to upgrade an empty database.
 */
public class ModelCheckException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public ModelCheckException(String message, Throwable cause) {
		super(message, cause);
	}

}
