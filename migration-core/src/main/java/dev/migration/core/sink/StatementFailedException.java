package dev.migration.core.sink;

import java.sql.SQLException;

import dev.migration.core.MigrationException;

/** Thrown when the database rejects a statement; keeps the SQL and the SQLSTATE. */
public class StatementFailedException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final String sql;

	private final String sqlState;

	public StatementFailedException(String sql, SQLException cause) {
		super(cause.getMessage() + " [SQLSTATE " + cause.getSQLState() + "] in statement:\n" + sql, cause);
		this.sql = sql;
		this.sqlState = cause.getSQLState();
	}

	/**
	 * Returns the statement that failed.
	 * @return the SQL
	 */
	public String sql() {
		return this.sql;
	}

	/**
	 * Returns the SQLSTATE the database reported, such as {@code 55P03} for a lock timeout.
	 * @return the SQLSTATE, or {@code null}
	 */
	public String sqlState() {
		return this.sqlState;
	}

}
