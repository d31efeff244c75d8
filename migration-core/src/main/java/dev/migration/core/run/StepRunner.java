package dev.migration.core.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.core.MigrationException;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.dialect.SqlStatement;
import dev.migration.core.execute.Direction;
import dev.migration.core.execute.PriorProgress;
import dev.migration.core.execute.StepExecutor;
import dev.migration.core.execute.StepFailedException;
import dev.migration.core.execute.StepResult;
import dev.migration.core.history.Action;
import dev.migration.core.history.HistoryStatements;
import dev.migration.core.history.Outcome;
import dev.migration.core.history.ProgressStatements;
import dev.migration.core.history.StepRecord;
import dev.migration.core.sink.StatementSink;

/**
 * Runs one step online: retries it with exponential backoff and jitter when a statement hit
 * the lock timeout, records it in the history inside its transaction, and records a failed
 * non-transactional step so the next run can resume after what it kept. Every attempt but the
 * last waits only the short probe timeout for a lock, so an attempt stuck behind a long
 * transaction holds the application's queries up for milliseconds, not for the lock timeout;
 * the last attempt waits the full lock timeout (GitLab's lock retries work the same way).
 */
final class StepRunner {

	private static final Logger logger = LoggerFactory.getLogger(StepRunner.class);

	private static final long LONGEST_PAUSE_MILLIS = 30_000;

	private final StepExecutor executor;

	private final StatementSink sink;

	private final HistoryStatements history;

	private final ProgressStatements progress;

	private final RunSettings settings;

	private final String host;

	private final MigrationListener listener;

	private final Function<Duration, BlockerWatch> watches;

	StepRunner(StepExecutor executor, StatementSink sink, HistoryStatements history, ProgressStatements progress,
			RunSettings settings, String host, MigrationListener listener, Function<Duration, BlockerWatch> watches) {
		this.executor = executor;
		this.sink = sink;
		this.history = history;
		this.progress = progress;
		this.settings = settings;
		this.host = host;
		this.listener = listener;
		this.watches = watches;
	}

	/**
	 * Runs a step until it succeeds, fails for another reason than a lock timeout, or runs
	 * out of retries.
	 * @param revision the revision
	 * @param direction upgrade or downgrade
	 * @param checksum the revision's checksum, or {@code null}
	 * @param progress what earlier attempts made permanent
	 * @return the completed step
	 */
	AppliedStep run(DeclaredRevision revision, Direction direction, String checksum, PriorProgress progress) {
		PriorProgress prior = progress;
		for (int retries = 0;; retries++) {
			long start = System.nanoTime();
			boolean last = retries >= this.settings.lockRetries();
			StepExecutor attempt = last ? this.executor : this.executor.withSettings(this.executor.settings().probing());
			try {
				AppliedStep step = attempt(attempt, revision, direction, checksum, prior, retries, last);
				this.listener.stepCompleted(step);
				return step;
			}
			catch (StepFailedException ex) {
				if (!ex.isLockTimeout() || last) {
					recordFailure(revision, direction, checksum, retries, ex, millisSince(start));
					this.listener.stepFailed(revision.id(), direction, ex);
					throw ex;
				}
				Duration pause = pause(retries + 1);
				this.listener.stepRetrying(revision.id(), direction, retries + 2, pause);
				logger.warn("Revision {} hit the lock timeout of {} (attempt {} of {}); retrying in {} ms", revision.id(),
						attempt.settings().lockTimeout(), retries + 1, this.settings.lockRetries() + 1,
						pause.toMillis());
				sleep(pause);
				// the attempt may have committed parts before its timeout; the database says which
				prior = ProgressJournal.read(this.sink, this.progress, revision.id(), direction);
			}
		}
	}

	/** Runs one attempt; the last one is watched, so its lock timeout can name the session in the way. */
	private AppliedStep attempt(StepExecutor attempt, DeclaredRevision revision, Direction direction, String checksum,
			PriorProgress prior, int retries, boolean last) {
		long start = System.nanoTime();
		ProgressJournal journal = new ProgressJournal(this.progress, revision.id(), direction, prior);
		if (!last) {
			return completed(attempt.run(revision, direction, (done) -> record(done, checksum, retries, start), journal),
					retries, millisSince(start));
		}
		Duration timeout = attempt.settings().lockTimeout();
		try (BlockerWatch watch = this.watches.apply(timeout)) {
			try {
				return completed(attempt.run(revision, direction, (done) -> record(done, checksum, retries, start),
						journal), retries, millisSince(start));
			}
			catch (StepFailedException ex) {
				throw ex.isLockTimeout() ? ex.withDetail(describeWait(retries, timeout, watch)) : ex;
			}
		}
	}

	private static String describeWait(int retries, Duration timeout, BlockerWatch watch) {
		String waited = "It tried " + (retries + 1) + " time(s); the last attempt waited " + timeout + " for its lock";
		if (!watch.blockers().isEmpty()) {
			return waited + ", blocked by " + String.join("; ", watch.blockers()) + ".";
		}
		return waited + ((watch.blind() != null) ? "; the session in the way could not be read: " + watch.blind() + "."
				: ", and no session was seen blocking it.");
	}

	private List<SqlStatement> record(StepResult result, String checksum, int retries, long start) {
		// a transaction's statements travel together at its commit, so only the database can time them
		Long millis = result.transactional() ? null : millisSince(start);
		List<SqlStatement> statements = new ArrayList<>(
				HistoryRecords.success(this.history, result, checksum, this.host, millis, retries));
		statements.add(this.progress.clear(result.revision().id()));
		return statements;
	}

	private AppliedStep completed(StepResult result, int retries, long millis) {
		DeclaredRevision revision = result.revision();
		logger.info("{} {}{} in {} ms{}", (result.direction() == Direction.UPGRADE) ? "Upgraded to" : "Downgraded",
				revision.id(), revision.message().isEmpty() ? "" : " (" + revision.message() + ")", millis,
				(retries > 0) ? " after " + retries + " lock-timeout retries" : "");
		return new AppliedStep(revision.id(), revision.message(), result.direction(), millis, retries,
				result.statements() + result.skipped(), result.transactional());
	}

	/** Logs a failure that left statements behind, so a later run can resume after them. */
	private void recordFailure(DeclaredRevision revision, Direction direction, String checksum, int retries,
			StepFailedException failure, long millis) {
		int statementsKept = failure.statementsRun();
		if (failure.rolledBack() || statementsKept == 0) {
			return;
		}
		Action action = (direction == Direction.UPGRADE) ? Action.UPGRADE : Action.DOWNGRADE;
		StepRecord record = new StepRecord(revision.id(), revision.message(), action, action, Outcome.FAILED, checksum,
				this.host, millis, retries, statementsKept, failure.getMessage());
		try {
			this.sink.execute(this.history.recordLogOnly(record));
		}
		catch (MigrationException ex) {
			failure.addSuppressed(ex);
		}
	}

	private Duration pause(int attempt) {
		long base = this.settings.retryBackoff().toMillis();
		long exponential = Math.min(LONGEST_PAUSE_MILLIS, base << Math.min(attempt - 1, 16));
		// jitter spreads retries of instances that timed out together
		long jitter = (base > 0) ? ThreadLocalRandom.current().nextLong(base + 1) : 0;
		return Duration.ofMillis(exponential + jitter);
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationException("Interrupted while waiting to retry a migration step.", ex);
		}
	}

}
