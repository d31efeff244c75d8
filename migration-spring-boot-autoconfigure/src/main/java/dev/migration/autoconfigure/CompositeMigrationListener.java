package dev.migration.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.migration.core.execute.Direction;
import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.BackfillPace;
import dev.migration.core.run.MigrationListener;

/**
 * Hands every event of a run to each listener bean, in order.
 *
 * @param listeners the listeners
 */
record CompositeMigrationListener(List<MigrationListener> listeners) implements MigrationListener {

	CompositeMigrationListener {
		listeners = List.copyOf(listeners);
	}

	@Override
	public void stepCompleted(AppliedStep step) {
		this.listeners.forEach((listener) -> listener.stepCompleted(step));
	}

	@Override
	public void stepFailed(String revision, Direction direction, RuntimeException failure) {
		this.listeners.forEach((listener) -> listener.stepFailed(revision, direction, failure));
	}

	@Override
	public void stepRetrying(String revision, Direction direction, int attempt, Duration pause) {
		this.listeners.forEach((listener) -> listener.stepRetrying(revision, direction, attempt, pause));
	}

	@Override
	public void backfillProgressed(BackfillPace pace) {
		this.listeners.forEach((listener) -> listener.backfillProgressed(pace));
	}

}
