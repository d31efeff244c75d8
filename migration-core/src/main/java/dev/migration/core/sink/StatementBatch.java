package dev.migration.core.sink;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migration.core.dialect.Dialect;
import dev.migration.core.dialect.SqlStatement;

/**
 * Statements of an open transaction held back and sent together in one round trip, values
 * inlined as the offline script writes them. Inside a transaction nothing is visible to
 * others before the commit anyway, so sending later changes nothing but the wait.
 */
final class StatementBatch {

	private static final Pattern FAILED_ENTRY = Pattern.compile("Batch entry (\\d+) ");

	/** Keeps one send well inside the driver's pipelining limits. */
	static final int MAX_STATEMENTS = 64;

	private final Dialect dialect;

	private final List<SqlStatement> statements = new ArrayList<>();

	private final List<String> leadingSettings = new ArrayList<>();

	StatementBatch(Dialect dialect) {
		this.dialect = dialect;
	}

	/**
	 * Holds a statement back; returns whether the batch is full and should be sent.
	 * @param statement the statement
	 * @return whether to send now
	 */
	boolean add(SqlStatement statement) {
		this.statements.add(statement);
		return this.statements.size() >= MAX_STATEMENTS;
	}

	/**
	 * Sends settings that were waiting before the transaction began ahead of the batch.
	 * @param settings the settings
	 */
	void lead(List<String> settings) {
		this.leadingSettings.addAll(settings);
	}

	/**
	 * Returns whether the COMMIT may travel with the held statements: only when no row count
	 * needs checking first, since after the COMMIT a wrong count could no longer be undone.
	 * @return whether the commit can join the batch
	 */
	boolean canCarryCommit() {
		return this.statements.stream().allMatch((statement) -> statement.expectedRows() == null);
	}

	/**
	 * Sends the held statements and COMMIT in one round trip; a failing statement stops the
	 * batch before the COMMIT, leaving the transaction to be rolled back.
	 * @param connection the connection, in a transaction
	 */
	void sendWithCommit(Connection connection) {
		this.statements.add(SqlStatement.of("COMMIT"));
		send(connection);
	}

	boolean isEmpty() {
		return this.statements.isEmpty() && this.leadingSettings.isEmpty();
	}

	void discard() {
		this.statements.clear();
		this.leadingSettings.clear();
	}

	/**
	 * Sends every held statement in one round trip and checks the row counts.
	 * @param connection the connection, in a transaction
	 */
	void send(Connection connection) {
		List<String> settings = List.copyOf(this.leadingSettings);
		List<SqlStatement> held = List.copyOf(this.statements);
		discard();
		if (held.isEmpty() && settings.isEmpty()) {
			return;
		}
		try (Statement jdbc = connection.createStatement()) {
			for (String setting : settings) {
				jdbc.addBatch(setting);
			}
			for (SqlStatement statement : held) {
				jdbc.addBatch(this.dialect.inline(statement));
			}
			check(held, jdbc.executeBatch(), settings.size());
		}
		catch (BatchUpdateException ex) {
			throw failure(held, settings, ex);
		}
		catch (SQLException ex) {
			throw new StatementFailedException(describe(held), ex);
		}
	}

	private static void check(List<SqlStatement> held, int[] counts, int offset) {
		for (int i = 0; i < held.size(); i++) {
			Integer expected = held.get(i).expectedRows();
			if (expected != null && counts[offset + i] != expected) {
				throw new UnexpectedRowCountException(held.get(i).sql(), expected, counts[offset + i]);
			}
		}
	}

	/** Names the statement that failed, so the message points at the right line of the migration. */
	private static StatementFailedException failure(List<SqlStatement> held, List<String> settings,
			BatchUpdateException ex) {
		int failed = failedEntry(ex);
		String sql;
		if (failed >= 0 && failed < settings.size()) {
			sql = settings.get(failed);
		}
		else if (failed >= settings.size() && failed - settings.size() < held.size()) {
			sql = held.get(failed - settings.size()).sql();
		}
		else {
			sql = String.join(";\n", held.stream().map(SqlStatement::sql).toList());
		}
		SQLException cause = (ex.getNextException() != null) ? ex.getNextException() : ex;
		return new StatementFailedException(sql, cause);
	}

	/**
	 * Returns the index of the failed entry, or -1. Inside a transaction the PostgreSQL driver
	 * reports every entry as failed, since all were rolled back, and names the failed one only
	 * in its message ("Batch entry 4 ... was aborted").
	 */
	private static int failedEntry(BatchUpdateException ex) {
		Matcher entry = FAILED_ENTRY.matcher(String.valueOf(ex.getMessage()));
		if (entry.find()) {
			return Integer.parseInt(entry.group(1));
		}
		int[] counts = ex.getUpdateCounts();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] == Statement.EXECUTE_FAILED) {
				return (i == 0 && counts.length > 1) ? -1 : i;
			}
		}
		return counts.length;
	}

	private static String describe(List<SqlStatement> held) {
		return held.isEmpty() ? "(settings)" : held.get(held.size() - 1).sql();
	}

}
