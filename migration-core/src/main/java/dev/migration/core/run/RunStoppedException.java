package dev.migration.core.run;

import dev.migration.core.MigrationException;

/**
 * Thrown when the thread of a run is interrupted, as at the application's shutdown: the run
 * stops between two steps, so what it applied is complete and recorded.
 */
public class RunStoppedException extends MigrationException {

	private static final long serialVersionUID = 1L;

	RunStoppedException(String nextRevision) {
		super("The run was stopped before revision '" + nextRevision + "' because its thread was interrupted (the "
				+ "application is shutting down). Every step before it is complete and recorded; the next run "
				+ "continues with it.");
	}

}
