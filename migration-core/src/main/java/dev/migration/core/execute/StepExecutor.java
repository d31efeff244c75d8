package dev.migration.core.execute;

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
 * statement, and commits or rolls back at the end. Online and offline runs share this path.
 *
 * <p>A revision runs in one transaction unless it is declared non-transactional or its first
 * statement cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY}); a statement that
 * cannot run in a transaction after others already ran in one fails the step, which is then
 * rolled back, so nothing is half-applied.
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
	 * Runs one revision in one direction.
	 * @param revision the revision
	 * @param direction upgrade or downgrade
	 * @throws StepFailedException when it fails, after rolling back what it can
	 */
	public void run(DeclaredRevision revision, Direction direction) {
		this.sink.comment(StepHeaders.header(revision, direction));
		Step step = new Step(revision, direction);
		try {
			Migration migration = revision.migration();
			EmittingOperations operations = new EmittingOperations(step::emit, this.sink, this.sink.offline());
			if (direction == Direction.UPGRADE) {
				migration.upgrade(operations);
			}
			else {
				migration.downgrade(operations);
			}
			step.finish();
		}
		catch (RuntimeException ex) {
			throw step.fail(ex);
		}
	}

	/** The state of one running step: whether it began, and in which mode. */
	private final class Step {

		private final DeclaredRevision revision;

		private final Direction direction;

		private boolean started;

		private boolean inTransaction;

		private int statements;

		Step(DeclaredRevision revision, Direction direction) {
			this.revision = revision;
			this.direction = direction;
		}

		void emit(Op op) {
			for (SqlStatement statement : StepExecutor.this.dialect.render(op)) {
				prepareFor(statement);
				StepExecutor.this.sink.execute(statement);
				this.statements++;
			}
		}

		private void prepareFor(SqlStatement statement) {
			if (!this.started) {
				this.started = true;
				this.inTransaction = this.revision.transactional() && statement.transactional();
				if (this.inTransaction) {
					StepExecutor.this.sink.begin();
				}
				StepExecutor.this.sink.execute(StepExecutor.this.dialect
					.setLockTimeout(StepExecutor.this.settings.lockTimeout(), this.inTransaction));
			}
			else if (this.inTransaction && !statement.transactional()) {
				throw new TransactionModeException(this.revision, statement);
			}
		}

		void finish() {
			if (this.inTransaction) {
				StepExecutor.this.sink.commit();
			}
			else if (this.started) {
				StepExecutor.this.sink.execute(StepExecutor.this.dialect.resetLockTimeout());
			}
		}

		StepFailedException fail(RuntimeException cause) {
			String kept = keep();
			String what = this.direction.word() + " of revision '" + this.revision.id() + "'"
					+ (this.revision.message().isEmpty() ? "" : " (" + this.revision.message() + ")");
			return new StepFailedException(this.revision.id(), this.direction,
					"The " + what + " failed: " + cause.getMessage() + "\n" + kept, cause);
		}

		private String keep() {
			if (this.inTransaction) {
				rollbackQuietly();
				return "Its transaction was rolled back, so nothing of this revision was applied. "
						+ "Fix the revision and run again.";
			}
			if (this.statements == 0) {
				return "No statement of it had run. Fix the revision and run again.";
			}
			return this.statements + " statement(s) of it ran outside a transaction and were kept. Check the "
					+ "schema, make the revision safe to re-run (IF [NOT] EXISTS), and run again.";
		}

		private void rollbackQuietly() {
			try {
				StepExecutor.this.sink.rollback();
			}
			catch (RuntimeException ex) {
				// the connection is likely broken, which also ends the transaction; keep the first failure
			}
		}

	}

}
