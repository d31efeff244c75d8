package dev.migration.core.run;

import dev.migration.core.MigrationException;

/**
 * Thrown when a release names a revision the code does not declare, so a typo never passes
 * for a release.
 */
public class InvalidReleaseException extends MigrationException {

	private static final long serialVersionUID = 1L;

	InvalidReleaseException(String message) {
		super(message);
	}

}
