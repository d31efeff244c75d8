package dev.migration.core.sink;

import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.core.MigrationException;
import dev.migration.core.SecretText;

/**
 * Thrown when the database rejects a statement; keeps the SQL and the SQLSTATE. Its message
 * shows the statement's first lines only; the whole statement goes to the DEBUG log.
 */
public class StatementFailedException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private static final Logger logger = LoggerFactory.getLogger(StatementFailedException.class);

	/** Enough to find the statement in the migration; a generated block can run to pages. */
	private static final int BRIEF_LINES = 6;

	private static final int BRIEF_CHARACTERS = 480;

	private final String sql;

	private final String sqlState;

	public StatementFailedException(String sql, SQLException cause) {
		// the message goes to logs, the endpoint and the history: a password in the statement stays here
		super(SecretText.mask(cause.getMessage() + " [SQLSTATE " + cause.getSQLState() + "] in statement:\n"
				+ brief(sql)), cause);
		this.sql = sql;
		this.sqlState = cause.getSQLState();
		logger.debug("The statement that failed with SQLSTATE {}:\n{}", this.sqlState, SecretText.mask(sql));
	}

	/**
	 * Returns the first lines of a statement, saying how much was left out.
	 * @param sql the statement
	 * @return the statement, or its beginning
	 */
	static String brief(String sql) {
		String[] lines = sql.split("\n", -1);
		StringBuilder brief = new StringBuilder();
		int shown = 0;
		while (shown < lines.length && shown < BRIEF_LINES
				&& brief.length() + lines[shown].length() <= BRIEF_CHARACTERS) {
			brief.append((shown > 0) ? "\n" : "").append(lines[shown]);
			shown++;
		}
		if (shown == lines.length) {
			return brief.toString();
		}
		if (shown == 0) {
			brief.append(lines[0], 0, BRIEF_CHARACTERS);
		}
		return brief + "\n... (" + (sql.length() - brief.length()) + " more characters; the whole statement is in the "
				+ "DEBUG log of " + StatementFailedException.class.getName() + ")";
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
