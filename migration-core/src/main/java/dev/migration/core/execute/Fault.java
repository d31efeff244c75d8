package dev.migration.core.execute;

import java.util.Locale;

import dev.migration.core.sink.StatementFailedException;

/**
 * Whose fault a failed step is, read from the SQLSTATE PostgreSQL reported, so the message
 * tells the user to fix the revision only when the revision is what failed.
 */
public enum Fault {

	/** The revision's SQL or data: the statement is wrong for this database. */
	REVISION("Fix the revision and run again."),

	/** A statement waited longer than the lock timeout for a lock another session held. */
	LOCK_TIMEOUT("This is not a fault of the revision: another session held a lock the statement needed for longer "
			+ "than migrations.lock-timeout allows. Run again once that session's transaction ends (end it if it is "
			+ "stuck), or raise migrations.lock-timeout or migrations.lock-retries."),

	/** The connection or the server went away: terminated, restarted, failed over, network. */
	CONNECTION("This is not a fault of the revision: the connection to the database was lost (the session was "
			+ "terminated, or the server restarted, failed over or could not be reached). Run again: the next run "
			+ "continues after what was committed."),

	/** The statement was canceled: a statement_timeout of the migration user, or pg_cancel_backend. */
	CANCELED("This is not a fault of the revision: the statement was canceled, by the statement_timeout set for the "
			+ "migration user or database, or by pg_cancel_backend. Raise statement_timeout for the migration user "
			+ "(ALTER ROLE ... SET statement_timeout = 0) and run again."),

	/** A deadlock or serialization failure with another session, which a rerun usually clears. */
	CONFLICT("This is not a fault of the revision: it collided with another session (a deadlock or a "
			+ "serialization failure). Run again."),

	/** The server ran out of something: disk, memory, connections. */
	RESOURCES("This is not a fault of the revision: the database server ran out of a resource (disk space, memory "
			+ "or connections). Free it and run again.");

	private final String advice;

	Fault(String advice) {
		this.advice = advice;
	}

	/**
	 * Returns what the user should do.
	 * @return the advice, one or two sentences
	 */
	public String advice() {
		return this.advice;
	}

	/**
	 * Returns the fault of a failure, from the first SQLSTATE among its causes.
	 * @param failure the failure
	 * @return the fault; {@link #REVISION} when no SQLSTATE says otherwise
	 */
	public static Fault of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof StatementFailedException statement && statement.sqlState() != null) {
				return ofSqlState(statement.sqlState());
			}
			if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
				return ofSqlState(sql.getSQLState());
			}
		}
		return REVISION;
	}

	static Fault ofSqlState(String sqlState) {
		String state = sqlState.toUpperCase(Locale.ROOT);
		if (state.equals(StepFailedException.LOCK_NOT_AVAILABLE)) {
			return LOCK_TIMEOUT;
		}
		if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
			return CONNECTION;
		}
		if (state.equals("57014")) {
			return CANCELED;
		}
		if (state.equals("40001") || state.equals("40P01")) {
			return CONFLICT;
		}
		return (state.startsWith("53") || state.startsWith("58")) ? RESOURCES : REVISION;
	}

}
