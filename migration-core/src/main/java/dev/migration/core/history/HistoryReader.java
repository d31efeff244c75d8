package dev.migration.core.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Reads the history tables; an absent table reads as an empty history. */
public final class HistoryReader {

	/** PostgreSQL's SQLSTATE for a table that does not exist. */
	private static final String UNDEFINED_TABLE = "42P01";

	private final JdbcTemplate jdbc;

	private final HistoryStatements statements;

	public HistoryReader(JdbcTemplate jdbc, HistoryStatements statements) {
		this.jdbc = jdbc;
		this.statements = statements;
	}

	/**
	 * Returns the applied revisions, oldest first.
	 * @return the state rows
	 */
	public List<AppliedRevision> applied() {
		if (TransactionSynchronizationManager.isActualTransactionActive() && !exists()) {
			// a failed query would abort the caller's transaction: ask first there
			return List.of();
		}
		try {
			return this.jdbc.query(this.statements.selectState(), (row, index) -> new AppliedRevision(
					row.getString("revision"), row.getString("checksum"),
					row.getObject("applied_at", OffsetDateTime.class)));
		}
		catch (BadSqlGrammarException ex) {
			// asking first would cost every start a round trip; only a database never migrated lacks the table
			if (UNDEFINED_TABLE.equals(ex.getSQLException().getSQLState())) {
				return List.of();
			}
			throw ex;
		}
	}

	/**
	 * Returns every log entry, oldest first.
	 * @return the log
	 */
	public List<HistoryEntry> log() {
		if (!exists()) {
			return List.of();
		}
		return this.jdbc.query(this.statements.selectLog(), (row, index) -> entry(row));
	}

	/**
	 * Returns whether the history tables exist, even when they hold no applied revision.
	 * @return whether this database has a history of ours
	 */
	public boolean exists() {
		return this.jdbc.queryForObject(this.statements.selectStateExists(), String.class,
				this.statements.stateTableName()) != null;
	}

	private static HistoryEntry entry(ResultSet row) throws SQLException {
		return new HistoryEntry(row.getLong("id"), row.getString("revision"), row.getString("message"),
				Action.of(row.getString("action")), Outcome.of(row.getString("outcome")), row.getString("checksum"),
				row.getString("applied_by"), row.getString("client"), row.getString("host"),
				row.getObject("applied_at", OffsetDateTime.class), row.getLong("duration_ms"), row.getInt("retries"),
				row.getInt("statements"), row.getString("error"));
	}

}
