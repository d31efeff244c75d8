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

	/** Whether the tables are known to exist, so no read needs to ask first. */
	private final boolean created;

	public HistoryReader(JdbcTemplate jdbc, HistoryStatements statements) {
		this(jdbc, statements, false);
	}

	private HistoryReader(JdbcTemplate jdbc, HistoryStatements statements, boolean created) {
		this.jdbc = jdbc;
		this.statements = statements;
		this.created = created;
	}

	/**
	 * Returns a reader for a connection that has just created the tables (a run holding the
	 * lock): its reads do not ask first whether they exist.
	 * @param jdbc the connection
	 * @param statements the history's SQL
	 * @return the reader
	 */
	public static HistoryReader afterCreate(JdbcTemplate jdbc, HistoryStatements statements) {
		return new HistoryReader(jdbc, statements, true);
	}

	/**
	 * Returns the applied revisions, oldest first.
	 * @return the state rows
	 */
	public List<AppliedRevision> applied() {
		return (this.created || exists()) ? readState() : List.of();
	}

	/**
	 * Returns the applied revisions, oldest first, in one round trip: reads the table and
	 * takes its absence for an empty history. For the start of a run, outside a transaction;
	 * elsewhere (health checks asking every few seconds) {@link #applied()} keeps a database
	 * never migrated free of errors in its server log.
	 * @return the state rows
	 */
	public List<AppliedRevision> appliedInOneRoundTrip() {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// a failed query would abort the caller's transaction
			return applied();
		}
		try {
			return readState();
		}
		catch (BadSqlGrammarException ex) {
			if (UNDEFINED_TABLE.equals(ex.getSQLException().getSQLState())) {
				return List.of();
			}
			throw ex;
		}
	}

	private List<AppliedRevision> readState() {
		return this.jdbc.query(this.statements.selectState(), (row, index) -> new AppliedRevision(
				row.getString("revision"), row.getString("checksum"), row.getObject("applied_at", OffsetDateTime.class)));
	}

	/**
	 * Returns every log entry, oldest first.
	 * @return the log
	 */
	public List<HistoryEntry> log() {
		if (!this.created && !exists()) {
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
				Action.of(row.getString("action")),
				(row.getString("direction") != null) ? Action.of(row.getString("direction")) : null,
				Outcome.of(row.getString("outcome")), row.getString("checksum"),
				row.getString("applied_by"), row.getString("client"), row.getString("host"),
				row.getObject("applied_at", OffsetDateTime.class), row.getLong("duration_ms"), row.getInt("retries"),
				row.getInt("statements"), row.getString("error"));
	}

}
