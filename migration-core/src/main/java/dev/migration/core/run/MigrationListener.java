package dev.migration.core.run;

import java.time.Duration;

import dev.migration.core.execute.Direction;

/** Hears about each step of a run, for metrics and monitoring; every method defaults to nothing. */
public interface MigrationListener {

	/** A listener that ignores everything. */
	MigrationListener NONE = new MigrationListener() {
	};

	/**
	 * Called after a step committed.
	 * @param step the completed step
	 */
	default void stepCompleted(AppliedStep step) {
	}

	/**
	 * Called when a step failed for good, after its last retry.
	 * @param revision the revision id
	 * @param direction upgrade or downgrade
	 * @param failure what went wrong
	 */
	default void stepFailed(String revision, Direction direction, RuntimeException failure) {
	}

	/**
	 * Called before a step is retried after a lock timeout.
	 * @param revision the revision id
	 * @param direction upgrade or downgrade
	 * @param attempt the attempt about to start, from 2
	 * @param pause the pause before it
	 */
	default void stepRetrying(String revision, Direction direction, int attempt, Duration pause) {
	}

	/**
	 * Called at a steady interval while a backfill of this run makes progress.
	 * @param pace rows done, rate and time left
	 */
	default void backfillProgressed(BackfillPace pace) {
	}

}
