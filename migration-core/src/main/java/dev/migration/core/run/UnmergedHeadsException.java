package dev.migration.core.run;

import dev.migration.core.MigrationException;

/** An upgrade refused because the revisions have several heads and {@code migrations.unmerged-heads} is {@code fail}. */
public class UnmergedHeadsException extends MigrationException {

	/**
	 * Creates the exception.
	 * @param message what the heads are and what to do
	 */
	public UnmergedHeadsException(String message) {
		super(message);
	}

}
