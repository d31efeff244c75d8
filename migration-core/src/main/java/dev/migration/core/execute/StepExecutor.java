package dev.migration.core.execute;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.Recordings;
import dev.migration.core.dialect.Dialect;
import dev.migration.core.dialect.ResumeCheck;
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
 *
 * <p>A step that commits in parts (commit points, a non-transactional revision) records each
 * part in its {@link StepJournal} inside the transaction that makes it permanent; a statement
 * that cannot run in a transaction is recorded as started before it and as finished after it,
 * and the dialect reads the catalog to settle the gap between. A rerun skips every statement
 * recorded as finished whose text is unchanged, so an attempt killed anywhere, or a revision
 * fixed after its failed statement, continues where the database stands.
 */
public final class StepExecutor {

	private final Dialect dialect;

	private final StatementSink sink;

	private final ExecutionSettings settings;

	private final Recordings recordings;

	/**
	 * Creates an executor that calls each migration's code afresh.
	 * @param dialect renders the ops
	 * @param sink runs or writes the statements
	 * @param settings the lock timeouts
	 */
	public StepExecutor(Dialect dialect, StatementSink sink, ExecutionSettings settings) {
		this(dialect, sink, settings, new Recordings());
	}

	/**
	 * Creates an executor that replays the recorded ops of each revision, calling its code only
	 * when it depends on the database.
	 * @param dialect renders the ops
	 * @param sink runs or writes the statements
	 * @param settings the lock timeouts
	 * @param recordings the recordings shared by every use of the revisions
	 */
	public StepExecutor(Dialect dialect, StatementSink sink, ExecutionSettings settings, Recordings recordings) {
		this.dialect = Objects.requireNonNull(dialect, "dialect");
		this.sink = Objects.requireNonNull(sink, "sink");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.recordings = Objects.requireNonNull(recordings, "recordings");
	}

	/**
	 * Returns an executor that runs with other lock timeouts.
	 * @param other the settings
	 * @return the executor
	 */
	public StepExecutor withSettings(ExecutionSettings other) {
		return new StepExecutor(this.dialect, this.sink, other, this.recordings);
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
		return run(revision, direction, StepRecorder.NONE, StepJournal.NONE);
	}

	/**
	 * Runs one revision in one direction and records it.
	 * @param revision the revision
	 * @param direction upgrade or downgrade
	 * @param recorder supplies the statements that record the finished step
	 * @param journal records the parts of the step that become permanent, and knows what
	 * earlier attempts made permanent
	 * @return what the step did
	 * @throws StepFailedException when it fails, after rolling back what it can
	 */
	public StepResult run(DeclaredRevision revision, Direction direction, StepRecorder recorder,
			StepJournal journal) {
		this.sink.comment(StepHeaders.header(revision, direction));
		Step step = new Step(revision, direction, journal);
		try {
			EmittingOperations operations = new EmittingOperations(step::emit, this.sink, this.sink.offline());
			Optional<List<Op>> recorded = (direction == Direction.UPGRADE) ? this.recordings.upgrade(revision)
					: this.recordings.downgrade(revision);
			if (recorded.isPresent()) {
				recorded.get().forEach(operations::replay);
			}
			else {
				call(revision.migration(), direction, operations);
			}
			return step.finish(recorder);
		}
		catch (RuntimeException ex) {
			throw step.fail(ex);
		}
	}

	/** Code that depends on the database runs here, reading it through the step's connection. */
	private static void call(Migration migration, Direction direction, Operations operations) {
		if (direction == Direction.UPGRADE) {
			migration.upgrade(operations);
		}
		else {
			migration.downgrade(operations);
		}
	}

	/** The state of one running step: whether it began, in which mode, with which timeout. */
	private final class Step {

		private final DeclaredRevision revision;

		private final Direction direction;

		private final StepJournal journal;

		private final PriorProgress prior;

		/** Online runs only: an offline script has nothing to resume, so it carries no progress rows. */
		private final boolean journaled;

		private boolean started;

		private boolean inTransaction;

		private Duration timeout;

		private int seen;

		private int statements;

		private int skipped;

		/** Statements this attempt made permanent and recorded, kept even if a later part fails. */
		private int kept;

		/** Statements of the open transaction, recorded when it commits. */
		private final List<StatementMark> uncommitted = new ArrayList<>();

		Step(DeclaredRevision revision, Direction direction, StepJournal journal) {
			this.revision = revision;
			this.direction = direction;
			this.journal = journal;
			this.prior = journal.prior();
			this.journaled = journal != StepJournal.NONE && !StepExecutor.this.sink.offline();
		}

		void emit(Op op) {
			for (SqlStatement statement : StepExecutor.this.dialect.render(op)) {
				if (statement.isCommitPoint()) {
					commitPoint();
					continue;
				}
				if (statement.setting()) {
					// a setting lasts as long as its session: every attempt makes it, none records it
					StepExecutor.this.sink.execute(statement);
					continue;
				}
				StatementMark mark = StatementMark.of(this.seen++, StepExecutor.this.dialect.inline(statement));
				// a session setting an earlier attempt made is gone with its session: it runs again
				if (this.prior.done(mark) && !StepExecutor.this.dialect.changesSession(statement)) {
					skip(statement);
					continue;
				}
				prepareFor(statement);
				if (this.inTransaction) {
					StepExecutor.this.sink.execute(statement);
					this.statements++;
					this.uncommitted.add(mark);
				}
				else if (this.journaled && statement.transactional()
						&& !StepExecutor.this.dialect.managesTransactions(statement)) {
					runInOwnTransaction(statement, mark);
				}
				else {
					runOutsideTransaction(statement, mark);
				}
			}
		}

		private void skip(SqlStatement statement) {
			StepExecutor.this.sink.comment("skipped, an earlier attempt ran it: " + firstLine(statement));
			this.skipped++;
		}

		/** A statement of a non-transactional step that may run in a transaction gets one, with its record. */
		private void runInOwnTransaction(SqlStatement statement, StatementMark mark) {
			StepExecutor.this.sink.begin();
			try {
				StepExecutor.this.sink.execute(statement);
				execute(this.journal.done(List.of(mark)));
				StepExecutor.this.sink.commit();
			}
			catch (RuntimeException ex) {
				rollbackQuietly();
				throw ex;
			}
			this.statements++;
			this.kept++;
		}

		private void runOutsideTransaction(SqlStatement statement, StatementMark mark) {
			if (!StepExecutor.this.sink.offline()) {
				ResumeCheck check = StepExecutor.this.dialect.resumeCheck(statement, this.prior.startedOnly(mark),
						StepExecutor.this.sink);
				if (check.alreadyDone()) {
					execute(this.journal.done(List.of(mark)));
					skip(statement);
					return;
				}
				execute(check.cleanUp());
			}
			execute(this.journal.starting(mark));
			StepExecutor.this.sink.execute(statement);
			this.statements++;
			execute(this.journal.done(List.of(mark)));
			if (this.journaled) {
				this.kept++;
			}
		}

		private void execute(List<SqlStatement> statements) {
			statements.forEach(StepExecutor.this.sink::execute);
		}

		/**
		 * Ends the current transaction so what follows runs in a new one: VALIDATE after ADD
		 * CONSTRAINT ... NOT VALID must not hold the first transaction's lock while it scans.
		 */
		private void commitPoint() {
			if (this.inTransaction) {
				if (!this.uncommitted.isEmpty()) {
					execute(this.journal.done(this.uncommitted));
				}
				StepExecutor.this.sink.commit();
				this.kept += this.uncommitted.size();
				this.uncommitted.clear();
			}
			this.started = false;
			this.inTransaction = false;
			this.timeout = null;
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
					this.skipped);
			if (this.started && !this.inTransaction) {
				StepExecutor.this.sink.execute(StepExecutor.this.dialect.resetLockTimeout());
			}
			List<SqlStatement> record = recorder.record(result);
			// the state row and the log row of a step that ended outside a transaction still go together
			boolean ownTransaction = !this.inTransaction && this.journaled && !record.isEmpty();
			if (ownTransaction) {
				StepExecutor.this.sink.begin();
			}
			execute(record);
			if (this.inTransaction || ownTransaction) {
				StepExecutor.this.sink.commit();
			}
			return result;
		}

		StepFailedException fail(RuntimeException cause) {
			String kept = keep();
			Fault fault = Fault.of(cause);
			String what = this.direction.word() + " of revision '" + this.revision.id() + "'"
					+ (this.revision.message().isEmpty() ? "" : " (" + this.revision.message() + ")");
			int permanent = this.kept + this.skipped;
			return new StepFailedException(this.revision.id(), this.direction, permanent == 0 && this.inTransaction,
					this.kept, fault, "The " + what + " failed: " + cause.getMessage() + "\n" + kept + " " + fault.advice(),
					cause);
		}

		/** Ends what the attempt left open and says what of the revision remains. */
		private String keep() {
			if (this.inTransaction) {
				rollbackQuietly();
			}
			else {
				resetTimeoutQuietly();
			}
			int permanent = this.kept + this.skipped;
			if (permanent > 0) {
				return (this.inTransaction ? "Its last transaction was rolled back; " : "") + permanent
						+ " statement(s) of it committed before are recorded as done, so the next run continues after "
						+ "them, also when you fix a statement that had not run yet.";
			}
			if (this.inTransaction) {
				return "Its transaction was rolled back, so nothing of this revision was applied.";
			}
			if (this.statements == 0) {
				return "No statement of it had run.";
			}
			return this.statements + " statement(s) of it ran outside a transaction and were kept.";
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
