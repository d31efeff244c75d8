package dev.migration.core.run;

import dev.migration.core.Stage;

/**
 * Which stages an upgrade applies: only what start-up needs, or everything an operator has
 * released.
 */
public enum RunScope {

	/**
	 * {@link Stage#STARTUP Start-up} revisions that wait for no background or contract
	 * revision: the run before the application is ready.
	 */
	STARTUP,

	/**
	 * Every revision, {@link Stage#CONTRACT contract} revisions only once released: the
	 * background run, command mode and a triggered run.
	 */
	RELEASED

}
