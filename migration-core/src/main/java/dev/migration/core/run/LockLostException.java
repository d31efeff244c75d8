package dev.migration.core.run;

import dev.migration.core.MigrationException;
import dev.migration.core.history.HistoryTable;

/**
 * Thrown when a run finds, before a step, that it no longer holds the migration lock: it stops
 * there, between two steps, so nothing is half-done and no second runner works beside it.
 */
public class LockLostException extends MigrationException {

	private static final long serialVersionUID = 1L;

	LockLostException(HistoryTable table, String why, Throwable cause) {
		super("The migration run lost its lock on " + table + ": " + why + ". It stopped before its next step; "
				+ "every step before is complete and recorded. Run again: the new run takes the lock and continues.",
				cause);
	}

}
