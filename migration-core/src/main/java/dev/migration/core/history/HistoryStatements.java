package dev.migration.core.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.migration.core.dialect.Dialect;
import dev.migration.core.dialect.SqlStatement;

/**
 * The SQL that creates and writes the history tables. Each step's writes run in the step's
 * own transaction and state how many rows they must change, so a history that drifted (a
 * state row missing or already there) stops the step before it commits.
 */
public final class HistoryStatements {

	private static final String LOG_COLUMNS = "(revision, message, action, direction, outcome, checksum, host, "
			+ "duration_ms, retries, statements, error)";

	/** The database measures the step's transaction when no duration is passed (offline scripts). */
	private static final String LOG_VALUES = "?, ?, ?, ?, ?, ?, coalesce(?::bigint, "
			+ "(extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint), ?, ?, ?";

	/** The ids of repeatable scripts, as a LIKE pattern: {@code R__<description>}. */
	private static final String REPEATABLE_PATTERN = "R\\_\\_%";

	private final String log;

	private final String state;

	private final String schema;

	private final String logName;

	/** The quoted log table name as a string literal, for catalog lookups. */
	private final String logLiteral;

	public HistoryStatements(Dialect dialect, HistoryTable table) {
		this.schema = (table.schema() != null) ? dialect.quote(table.schema()) : null;
		this.log = qualified(dialect, table.schema(), table.log().name());
		this.state = qualified(dialect, table.schema(), table.state().name());
		this.logName = table.log().name();
		this.logLiteral = dialect.literal(this.log);
	}

	/**
	 * Returns the statements that create the schema and both tables when missing.
	 * @return the statements
	 */
	public List<SqlStatement> create() {
		List<SqlStatement> statements = new ArrayList<>();
		if (this.schema != null) {
			statements.add(SqlStatement.of("CREATE SCHEMA IF NOT EXISTS " + this.schema));
		}
		statements.add(SqlStatement.of("CREATE TABLE IF NOT EXISTS " + this.log + " (\n"
				+ "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
				+ "    revision text NOT NULL,\n"
				+ "    message text NOT NULL,\n"
				+ "    action text NOT NULL CHECK (action IN ('upgrade', 'downgrade', 'stamp')),\n"
				+ "    direction text CHECK (direction IN ('upgrade', 'downgrade')),\n"
				+ "    outcome text NOT NULL CHECK (outcome IN ('success', 'failed')),\n"
				+ "    checksum text,\n"
				+ "    applied_by text NOT NULL DEFAULT current_user,\n"
				+ "    client text DEFAULT concat_ws(' ', nullif(current_setting('application_name'), ''), "
				+ "host(inet_client_addr())),\n"
				+ "    host text,\n"
				+ "    applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),\n"
				+ "    duration_ms bigint NOT NULL,\n"
				+ "    retries integer NOT NULL DEFAULT 0,\n"
				+ "    statements integer NOT NULL DEFAULT 0,\n"
				+ "    error text\n)"));
		statements.add(SqlStatement.of("CREATE TABLE IF NOT EXISTS " + this.state + " (\n"
				+ "    revision text PRIMARY KEY,\n"
				+ "    checksum text,\n"
				+ "    applied_at timestamptz NOT NULL DEFAULT clock_timestamp()\n)"));
		return statements;
	}

	/**
	 * Returns the statement that gives a log table made before the {@code direction} column
	 * that column, taking no lock when it is there: run online, before the first write.
	 * @return the statement
	 */
	public SqlStatement addDirectionToOlderLog() {
		return SqlStatement.of("DO $history$ BEGIN\n"
				+ "    IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass("
				+ this.logLiteral + ") AND attname = 'direction' AND NOT attisdropped) THEN\n"
				+ "        ALTER TABLE " + this.log + " ADD COLUMN direction text "
				+ "CHECK (direction IN ('upgrade', 'downgrade'));\n"
				+ "    END IF;\nEND $history$");
	}

	/**
	 * Marks a revision applied and logs it; the state insert must add exactly one row (a
	 * revision already marked applied fails on the key).
	 * @param record the step
	 * @return the statements, to run in the step's transaction
	 */
	public List<SqlStatement> recordApplied(StepRecord record) {
		// a single-row INSERT adds exactly one row or fails (a revision marked twice fails on the key)
		return List.of(statement("INSERT INTO %STATE% (revision, checksum) VALUES (?, ?)",
				Arrays.asList(record.revision(), record.checksum()), null), recordLogOnly(record));
	}

	/**
	 * Marks a repeatable revision applied with its new checksum, whether or not it ran before,
	 * and logs it; the upsert changes exactly one row.
	 * @param record the step
	 * @return the statements, to run in the step's transaction
	 */
	public List<SqlStatement> recordRepeated(StepRecord record) {
		return List.of(statement("INSERT INTO %STATE% (revision, checksum) VALUES (?, ?)\n"
				+ "ON CONFLICT (revision) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = clock_timestamp()",
				Arrays.asList(record.revision(), record.checksum()), 1), recordLogOnly(record));
	}

	/**
	 * Records the checksum of an applied revision's code as it is now, and logs it as a stamp;
	 * exactly one state row must change.
	 * @param record the stamp, holding the new checksum
	 * @return the statements, to run in one transaction
	 */
	public List<SqlStatement> recordChecksum(StepRecord record) {
		return List.of(statement("UPDATE %STATE% SET checksum = ? WHERE revision = ?",
				Arrays.asList(record.checksum(), record.revision()), 1), recordLogOnly(record));
	}

	/**
	 * Removes the state row of a revision a squash now stands for, logging nothing: the
	 * squash's own stamp, in the same transaction, says what happened.
	 * @param revision the replaced revision
	 * @return the statement, which must remove exactly one row
	 */
	public SqlStatement forgetReplaced(String revision) {
		return statement("DELETE FROM %STATE% WHERE revision = ?", List.of(revision), 1);
	}

	/**
	 * Marks a revision reverted and logs it; exactly one state row must be removed, and every
	 * repeatable script is due again.
	 * @param record the step
	 * @return the statements, to run in the step's transaction
	 */
	public List<SqlStatement> recordReverted(StepRecord record) {
		// a reverted revision may take with it what a repeatable script made (a view on a dropped
		// table): forgetting their checksums makes the next upgrade to the heads run them again
		return List.of(statement("DELETE FROM %STATE% WHERE revision = ?", List.of(record.revision()), 1),
				statement("UPDATE %STATE% SET checksum = NULL WHERE revision LIKE ?",
						List.of(REPEATABLE_PATTERN), null),
				recordLogOnly(record));
	}

	/**
	 * Logs a step without changing the state, as for a failed step.
	 * @param record the step
	 * @return the statement
	 */
	public SqlStatement recordLogOnly(StepRecord record) {
		String sql = "INSERT INTO %LOG% " + LOG_COLUMNS + "\nVALUES (?, " + LOG_VALUES + ")";
		List<Object> parameters = new ArrayList<>(List.of(record.revision()));
		parameters.addAll(logValues(record));
		return statement(sql, parameters, null);
	}

	/**
	 * Returns the query that reads the state, oldest first.
	 * @return the SQL
	 */
	public String selectState() {
		return "SELECT revision, checksum, applied_at FROM " + this.state + " ORDER BY applied_at, revision";
	}

	/**
	 * Returns the query that reads the log, oldest first.
	 * @return the SQL
	 */
	public String selectLog() {
		return "SELECT id, revision, message, action, direction, outcome, checksum, applied_by, client, host, applied_at, "
				+ "duration_ms, retries, statements, error FROM " + this.log + " ORDER BY id";
	}

	/**
	 * Returns the query that tells whether any step was logged after a moment, with the moment bound.
	 * @return the SQL
	 */
	public String selectLoggedSince() {
		return "SELECT EXISTS (SELECT 1 FROM " + this.log + " WHERE applied_at > ?)";
	}

	/**
	 * Returns the query whose single value is non-null when the state table exists.
	 * @return the SQL, with the quoted state table name bound as its parameter
	 */
	public String selectStateExists() {
		return "SELECT to_regclass(?)";
	}

	/**
	 * Returns the quoted, qualified state table name to bind to {@link #selectStateExists()}.
	 * @return the name
	 */
	public String stateTableName() {
		return this.state;
	}

	/**
	 * Returns the quoted, qualified log table name.
	 * @return the name
	 */
	public String logTableName() {
		return this.log;
	}

	/**
	 * Returns the log table's name, for messages.
	 * @return the unquoted name
	 */
	public String logName() {
		return this.logName;
	}

	private static List<Object> logValues(StepRecord record) {
		return Arrays.asList(record.message(), record.action().value(), record.direction().value(),
				record.outcome().value(), record.checksum(),
				record.host(), record.durationMs(), record.retries(), record.statements(), record.error());
	}

	/**
	 * Splits the template at its placeholders before the table names go in, so a name that
	 * holds a question mark cannot shift the parameters.
	 */
	private SqlStatement statement(String template, List<Object> parameters, Integer expectedRows) {
		List<String> fragments = Arrays.stream(template.split("\\?", -1))
			.map((fragment) -> fragment.replace("%STATE%", this.state).replace("%LOG%", this.log))
			.toList();
		SqlStatement statement = new SqlStatement(fragments, parameters, true);
		return (expectedRows != null) ? statement.expectingRows(expectedRows) : statement;
	}

	private static String qualified(Dialect dialect, String schema, String name) {
		return (schema != null) ? dialect.quote(schema) + "." + dialect.quote(name) : dialect.quote(name);
	}

}
