package dev.migration.core.sink;

import dev.migration.core.dialect.SqlStatement;

/**
 * The one place every statement goes through: it either runs on a connection (online) or is
 * appended to a script (offline), so the offline script cannot drift from what runs.
 */
public interface StatementSink extends DatabaseReader {

	/** Opens a transaction block. */
	void begin();

	/**
	 * Runs or writes one statement.
	 * @param statement the statement
	 */
	void execute(SqlStatement statement);

	/** Commits the transaction block opened by {@link #begin()}. */
	void commit();

	/** Rolls back the transaction block opened by {@link #begin()}. */
	void rollback();

	/**
	 * Sends any statement an online sink holds back to travel with the next one, such as a
	 * final {@code RESET}; call it before the connection goes back to a pool.
	 */
	default void flush() {
	}

	/**
	 * Notes a line for the reader of the script; online sinks ignore it.
	 * @param text the note
	 */
	void comment(String text);

	/**
	 * Returns whether statements are written instead of run.
	 * @return whether this sink is offline
	 */
	boolean offline();

}
