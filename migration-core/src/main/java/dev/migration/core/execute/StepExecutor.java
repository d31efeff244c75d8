package dev.migration.core.execute;

import java.time.Duration;
import java.util.Objects;

import dev.migration.core.Migration;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.dialect.Dialect;
import dev.migration.core.dialect.SqlStatement;
import dev.migration.core.op.EmittingOperations;
import dev.migration.core.op.Op;
import dev.migration.core.sink.StatementSink;

/**
 * Runs one revision's upgrade or downgrade through a {@link StatementSink}: renders each op
 * as it is recorded, opens the transaction and sets the lock timeout before the first
 * statement, records the step, and commits or rolls back. Online and offline runs share
 * this path.
 *
 * <p>A revision runs in one transaction unless it is declared non-transactional or its first
 * statement cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY}); a statement that
 * cannot run in a transaction after others already ran in one fails the step, which is then
 * rolled back, so nothing is half-applied. Statements whose lock wait holds up no reads or
 * writes get the longer, non-blocking lock timeout.
 */
public final class StepExecutor {

	private final Dialect dialect;

	private final StatementSink sink;

	private final ExecutionSettings settings;

	public StepExecutor(Dialect dialect, StatementSink sink, ExecutionSettings settings) {
		this.dialect = Objects.requireNonNull(dialect, "dialect");
		this.sink = Objects.requireNonNull(sink, "sink");
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/**
	 * Returns an executor that runs with other lock timeouts.
	 * @param other the settings
	 * @return the executor
	 */
	public StepExecutor withSettings(ExecutionSettings other) {
		return new StepExecutor(this.dialect, this.sink, other);
	}

	/**
	 * Returns how statements wait for locks.
	 * @return the settings
	 */
	public ExecutionSettings settings() {
		return this.settings;
	}

	/**
	 * Runs one revision in one direction without recording it.
	 * @param revision the revision
	 * @param direction upgrade or downgrade
	 * @return what the step did
	 * @throws StepFailedException when it fails, after rolling back what it can
	 */
	public StepResult run(DeclaredRevision revision, Direction direction) {
		return run(revision, direction, StepRecorder.NONE, 0);
	}

	/**
	 * Runs one revision in one direction and records it.
	 * @param revision the revision
	 * @param direction upgrade or downgrade
	 * @param recorder supplies the statements that record the step
	 * @param skip how many leading statements to skip because an earlier, non-transactional
	 * attempt already ran them
	 * @return what the step did
	 * @throws StepFailedException when it fails, after rolling back what it can
	 */
	public StepResult run(DeclaredRevision revision, Direction direction, StepRecorder recorder, int skip) {
		this.sink.comment(StepHeaders.header(revision, direction));
		Step step = new Step(revision, direction, skip);
		try {
			Migration migration = revision.migration();
			EmittingOperations operations = new EmittingOperations(step::emit, this.sink, this.sink.offline());
			if (direction == Direction.UPGRADE) {
				migration.upgrade(operations);
			}
			else {
				migration.downgrade(operations);
			}
			return step.finish(recorder);
		}
		catch (RuntimeException ex) {
			throw step.fail(ex);
		}
	}

	/** The state of one running step: whether it began, in which mode, with which timeout. */
	private final class Step {

		private final DeclaredRevision revision;

		private final Direction direction;

		private final int skip;

		private boolean started;

		private boolean inTransaction;

		private Duration timeout;

		private int seen;

		private int statements;

		/** Statements made permanent by a commit point, kept even if a later part fails. */
		private int committed;

		Step(DeclaredRevision revision, Direction direction, int skip) {
			this.revision = revision;
			this.direction = direction;
			this.skip = skip;
		}

		void emit(Op op) {
			boolean cleanedUp = false;
			for (SqlStatement statement : StepExecutor.this.dialect.render(op)) {
				if (statement.isCommitPoint()) {
					commitPoint();
					continue;
				}
				if (this.seen++ < this.skip) {
					StepExecutor.this.sink.comment("skipped, an earlier attempt ran it: " + firstLine(statement));
					continue;
				}
				prepareFor(statement);
				if (!cleanedUp) {
					cleanedUp = true;
					cleanUpLeftovers(op);
				}
				StepExecutor.this.sink.execute(statement);
				this.statements++;
			}
		}

		/**
		 * Ends the current transaction so what follows runs in a new one: VALIDATE after ADD
		 * CONSTRAINT ... NOT VALID must not hold the first transaction's lock while it scans.
		 */
		private void commitPoint() {
			if (this.inTransaction) {
				StepExecutor.this.sink.commit();
			}
			this.committed = this.statements;
			this.started = false;
			this.inTransaction = false;
			this.timeout = null;
		}

		/** Removes what a failed earlier attempt left in the way, such as an INVALID index. */
		private void cleanUpLeftovers(Op op) {
			if (!StepExecutor.this.sink.offline()) {
				StepExecutor.this.dialect.leftoversBefore(op, StepExecutor.this.sink)
					.forEach(StepExecutor.this.sink::execute);
			}
		}

		private void prepareFor(SqlStatement statement) {
			if (!this.started) {
				this.started = true;
				this.inTransaction = this.revision.transactional() && statement.transactional();
				if (this.inTransaction) {
					StepExecutor.this.sink.begin();
				}
			}
			else if (this.inTransaction && !statement.transactional()) {
				throw new TransactionModeException(this.revision, statement);
			}
			Duration wanted = StepExecutor.this.settings.timeoutFor(statement.blocksTraffic());
			if (!wanted.equals(this.timeout)) {
				StepExecutor.this.sink.execute(StepExecutor.this.dialect.setLockTimeout(wanted, this.inTransaction));
				this.timeout = wanted;
			}
		}

		StepResult finish(StepRecorder recorder) {
			StepResult result = new StepResult(this.revision, this.direction, this.inTransaction, this.statements,
					Math.min(this.seen, this.skip));
			if (this.started && !this.inTransaction) {
				StepExecutor.this.sink.execute(StepExecutor.this.dialect.resetLockTimeout());
			}
			recorder.record(result).forEach(StepExecutor.this.sink::execute);
			if (this.inTransaction) {
				StepExecutor.this.sink.commit();
			}
			return result;
		}

		StepFailedException fail(RuntimeException cause) {
			String kept = keep();
			String what = this.direction.word() + " of revision '" + this.revision.id() + "'"
					+ (this.revision.message().isEmpty() ? "" : " (" + this.revision.message() + ")");
			int statementsKept = this.inTransaction ? this.committed : this.statements;
			return new StepFailedException(this.revision.id(), this.direction, statementsKept == 0 && this.inTransaction,
					statementsKept, "The " + what + " failed: " + cause.getMessage() + "\n" + kept, cause);
		}

		private String keep() {
			if (this.inTransaction) {
				rollbackQuietly();
				if (this.committed == 0) {
					return "Its transaction was rolled back, so nothing of this revision was applied. "
							+ "Fix the revision and run again.";
				}
				return "Its last transaction was rolled back; the " + this.committed + " statement(s) committed before "
						+ "it were kept, and a new run resumes after them if the revision is unchanged.";
			}
			resetTimeoutQuietly();
			if (this.statements == 0) {
				return "No statement of it had run. Fix the revision and run again.";
			}
			return this.statements + " statement(s) of it ran outside a transaction and were kept; a new run "
					+ "resumes after them if the revision is unchanged.";
		}

		private void rollbackQuietly() {
			try {
				StepExecutor.this.sink.rollback();
			}
			catch (RuntimeException ex) {
				// the connection is likely broken, which also ends the transaction; keep the first failure
			}
		}

		private void resetTimeoutQuietly() {
			try {
				if (this.started) {
					StepExecutor.this.sink.execute(StepExecutor.this.dialect.resetLockTimeout());
				}
			}
			catch (RuntimeException ex) {
				// the session is unusable or gone; its settings go with it
			}
		}

		private static String firstLine(SqlStatement statement) {
			String sql = statement.sql();
			int end = sql.indexOf('\n');
			return (end < 0) ? sql : sql.substring(0, end) + " ...";
		}

	}

}
