package dev.migration.core.trace;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.migration.core.dialect.Dialect;
import dev.migration.core.dialect.SqlStatement;
import dev.migration.core.sink.StatementFailedException;
import dev.migration.core.sink.StatementSink;

/**
 * Runs a step's statements through a {@link StatementTracer}, so that a revision traced goes
 * through the same executor, transactions and commit points as one applied.
 *
 * <p>Values are inlined by the dialect, as the offline script shows them; settings such as
 * the lock timeout run untraced, since they take no lock; reads of the database (a backfill's
 * next batch, code that asks what is there) run on the traced session, between statements.
 */
public final class TracingStatementSink implements StatementSink {

	private final StatementTracer.RevisionRun run;

	private final Dialect dialect;

	private final JdbcTemplate reads;

	/**
	 * Starts the trace of one revision.
	 * @param tracer the tracer, on the scratch database
	 * @param revision a name for the report
	 * @param dialect renders values as literals
	 */
	public TracingStatementSink(StatementTracer tracer, String revision, Dialect dialect) {
		this.run = Objects.requireNonNull(tracer, "tracer").start(revision);
		this.dialect = Objects.requireNonNull(dialect, "dialect");
		this.reads = new JdbcTemplate(new SingleConnectionDataSource(tracer.session(), true));
	}

	/**
	 * Ends the trace, rolling back what a failure left open.
	 * @return what PostgreSQL did
	 */
	public TraceReport finish() {
		run(() -> {
			this.run.abandon();
			return true;
		}, "ROLLBACK");
		return this.run.report();
	}

	@Override
	public void begin() {
		run(() -> {
			this.run.openTransaction();
			return true;
		}, "BEGIN");
	}

	@Override
	public void execute(SqlStatement statement) {
		String sql = this.dialect.inline(statement);
		if (statement.setting()) {
			this.reads.execute(sql);
			return;
		}
		run(() -> statement.transactional() ? this.run.transactional(sql) : this.run.nonTransactional(sql), sql);
	}

	@Override
	public void commit() {
		run(() -> this.run.close(true) == null, "COMMIT");
	}

	@Override
	public void rollback() {
		run(() -> this.run.close(false) == null, "ROLLBACK");
	}

	@Override
	public void comment(String text) {
		// the report names each statement itself
	}

	@Override
	public boolean offline() {
		return false;
	}

	@Override
	public <T> List<T> query(String sql, RowMapper<T> mapper, List<Object> args) {
		return this.reads.query(sql, mapper, args.toArray());
	}

	/** Runs a traced action; a statement that failed stops the step as it would stop a run. */
	private void run(TracedAction action, String sql) {
		try {
			if (!action.run()) {
				throw new StatementFailedException(sql, new SQLException(this.run.lastError()));
			}
		}
		catch (SQLException ex) {
			throw new StatementFailedException(sql, ex);
		}
	}

	/** One call into the tracer; {@code false} when the statement failed. */
	@FunctionalInterface
	private interface TracedAction {

		boolean run() throws SQLException;

	}

}
