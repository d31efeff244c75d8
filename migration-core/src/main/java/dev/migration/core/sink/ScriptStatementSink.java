package dev.migration.core.sink;

import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.RowMapper;

import dev.migration.core.dialect.Dialect;
import dev.migration.core.dialect.SqlStatement;

/** Appends statements to an SQL script for psql, values inlined as safe literals. */
public final class ScriptStatementSink implements StatementSink {

	private final Dialect dialect;

	private final StringBuilder script = new StringBuilder();

	public ScriptStatementSink(Dialect dialect) {
		this.dialect = Objects.requireNonNull(dialect, "dialect");
	}

	@Override
	public void begin() {
		this.script.append("BEGIN;\n");
	}

	@Override
	public void execute(SqlStatement statement) {
		String sql = this.dialect.inline(statement).stripTrailing();
		if (statement.isCopyIn()) {
			// psql wants the \. line to end as the data lines do, and reads no semicolon after it; a literal
			// carriage return in COPY text data is a line end anyway
			this.script.append(sql.replace("\r\n", "\n").replace('\r', '\n')).append('\n');
			return;
		}
		this.script.append(sql).append(terminator(sql)).append('\n');
	}

	@Override
	public void commit() {
		this.script.append("COMMIT;\n");
	}

	@Override
	public void rollback() {
		this.script.append("ROLLBACK;\n");
	}

	@Override
	public void comment(String text) {
		text.lines().forEach((line) -> this.script.append("-- ").append(line).append('\n'));
	}

	@Override
	public boolean offline() {
		return true;
	}

	@Override
	public <T> List<T> query(String sql, RowMapper<T> mapper, List<Object> args) {
		throw new IllegalStateException("An offline script cannot read the database: " + sql);
	}

	/**
	 * Returns the script written so far.
	 * @return the SQL script
	 */
	public String script() {
		return this.script.toString();
	}

	/**
	 * Adds a blank line between sections of the script.
	 */
	public void blankLine() {
		this.script.append('\n');
	}

	private static String terminator(String sql) {
		if (sql.endsWith(";") || sql.lines().allMatch((line) -> line.startsWith("--"))) {
			// a statement of comments only, as an online-only step is in the script, needs no semicolon
			return "";
		}
		String lastLine = sql.substring(sql.lastIndexOf('\n') + 1);
		// a trailing "--" comment would swallow a semicolon on the same line
		return lastLine.contains("--") ? "\n;" : ";";
	}

}
