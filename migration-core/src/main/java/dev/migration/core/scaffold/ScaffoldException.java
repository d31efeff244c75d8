package dev.migration.core.scaffold;

import dev.migration.core.MigrationException;

/**
 * Thrown when {@code revision} or {@code merge} cannot write a new revision; the message says
 * which setting, file or revision is at fault and what to do.
 */
public class ScaffoldException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public ScaffoldException(String message) {
		super(message);
	}

	public ScaffoldException(String message, Throwable cause) {
		super(message, cause);
	}

}
