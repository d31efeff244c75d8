package dev.migration.core.run;

import dev.migration.core.execute.Direction;

/**
 * A step that committed part of its work and then stopped: the next run in its direction
 * continues it.
 *
 * @param revision the revision
 * @param direction the direction it was going
 * @param statementsDone how many of its statements are committed
 */
public record UnfinishedStep(String revision, Direction direction, int statementsDone) {

	/**
	 * Describes the step for a message.
	 * @return the description
	 */
	public String describe() {
		return "the " + this.direction.word() + " of " + this.revision + " stopped after " + this.statementsDone
				+ " committed statement(s); the next " + this.direction.word() + " continues it";
	}

}
