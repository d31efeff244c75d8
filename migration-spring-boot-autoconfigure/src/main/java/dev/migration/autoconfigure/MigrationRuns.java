package dev.migration.autoconfigure;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;

import dev.migration.core.history.Action;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.Release;
import dev.migration.core.run.RunScope;
import dev.migration.core.run.RunResult;

/**
 * The runs of this application: starts one at a time, refuses a second while one is in
 * progress here or on another instance, and remembers how the last one ended for the
 * endpoint and the health indicator.
 */
public class MigrationRuns {

	private final Migrator migrator;

	private final ApplicationEventPublisher events;

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicReference<LastRun> lastRun = new AtomicReference<>();

	public MigrationRuns(Migrator migrator, ApplicationEventPublisher events) {
		this.migrator = Objects.requireNonNull(migrator, "migrator");
		this.events = Objects.requireNonNull(events, "events");
	}

	/**
	 * Returns the engine.
	 * @return the migrator
	 */
	public Migrator migrator() {
		return this.migrator;
	}

	/**
	 * Applies pending revisions up to {@code target}, contract revisions only once released.
	 * @param target the target
	 * @return what was applied and what waits for a release
	 * @throws RunInProgressException when a run is already in progress
	 */
	public RunResult upgrade(String target) {
		return run(Action.UPGRADE, (migrator) -> migrator.upgrade(target));
	}

	/**
	 * Applies pending revisions up to {@code target}, releasing the given contract revisions
	 * for this run on top of {@code migrations.release}.
	 * @param target the target
	 * @param release the contract revisions to release
	 * @return what was applied and what still waits
	 * @throws RunInProgressException when a run is already in progress
	 */
	public RunResult upgrade(String target, Release release) {
		Migrator released = this.migrator.withRelease(release);
		return run(Action.UPGRADE, (migrator) -> released.upgrade(target));
	}

	/**
	 * Applies the start-up revisions up to {@code target} that wait for no background or
	 * contract revision: the run before the application is ready. Unlike the other runs it
	 * waits for another instance's run ({@code migrations.lock-wait}), as instances that
	 * start together must, and takes no lock when nothing is to apply.
	 * @param target the target
	 * @return what was applied and what waits for the background run or a release
	 * @throws RunInProgressException when a run is already in progress in this application
	 */
	public RunResult upgradeStartup(String target) {
		return run(Action.UPGRADE, (migrator) -> migrator.upgrade(target, RunScope.STARTUP), false);
	}

	/**
	 * Reverts revisions down to {@code target}.
	 * @param target the target
	 * @return what was reverted
	 */
	public RunResult downgrade(String target) {
		return run(Action.DOWNGRADE, (migrator) -> migrator.downgrade(target));
	}

	/**
	 * Marks the database as being at {@code target} without running migrations.
	 * @param target the target
	 * @return what was marked
	 */
	public RunResult stamp(String target) {
		return run(Action.STAMP, (migrator) -> migrator.stamp(target));
	}

	/**
	 * Returns whether a run is in progress in this application.
	 * @return whether this instance is running migrations
	 */
	public boolean isRunningHere() {
		return this.running.get();
	}

	/**
	 * Returns whether a run is in progress here or on another instance.
	 * @return whether any run holds the migration lock
	 */
	public boolean isRunning() {
		return this.running.get() || this.migrator.runInProgress();
	}

	/**
	 * Returns how the last run of this application ended, if there was one.
	 * @return the last run
	 */
	public Optional<LastRun> lastRun() {
		return Optional.ofNullable(this.lastRun.get());
	}

	private RunResult run(Action action, Function<Migrator, RunResult> work) {
		return run(action, work, true);
	}

	private RunResult run(Action action, Function<Migrator, RunResult> work, boolean refuseWhileLocked) {
		if (!this.running.compareAndSet(false, true)) {
			throw new RunInProgressException("A migration run is already in progress in this application.");
		}
		try {
			if (refuseWhileLocked && this.migrator.runInProgress()) {
				throw new RunInProgressException("Another instance is running migrations on this database; "
						+ "check /actuator/migrations again when it is done.");
			}
			RunResult result = work.apply(this.migrator);
			this.lastRun.set(new LastRun(action, Instant.now(), result, null));
			this.events.publishEvent(new MigrationRunFinishedEvent(this, result, null));
			return result;
		}
		catch (RunInProgressException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			this.lastRun.set(new LastRun(action, Instant.now(), null, ex.getMessage()));
			this.events.publishEvent(new MigrationRunFinishedEvent(this, null, ex));
			throw ex;
		}
		finally {
			this.running.set(false);
		}
	}

	/**
	 * How a run of this application ended.
	 *
	 * @param action upgrade, downgrade or stamp
	 * @param finishedAt when it ended
	 * @param result what it did, or {@code null} when it failed
	 * @param failure why it failed, or {@code null}
	 */
	public record LastRun(Action action, Instant finishedAt, RunResult result, String failure) {

		/**
		 * Returns whether the run failed.
		 * @return whether there was a failure
		 */
		public boolean failed() {
			return this.failure != null;
		}

	}

}
