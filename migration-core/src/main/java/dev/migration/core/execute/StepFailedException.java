package dev.migration.core.execute;

import dev.migration.core.MigrationException;

/** Thrown when a revision's upgrade or downgrade fails; says what was kept and what to do. */
public class StepFailedException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final String revision;

	private final Direction direction;

	StepFailedException(String revision, Direction direction, String message, Throwable cause) {
		super(message, cause);
		this.revision = revision;
		this.direction = direction;
	}

	/**
	 * Returns the id of the revision that failed.
	 * @return the revision id
	 */
	public String revision() {
		return this.revision;
	}

	/**
	 * Returns whether the failure happened while upgrading or downgrading.
	 * @return the direction
	 */
	public Direction direction() {
		return this.direction;
	}

}
