package dev.migration.core.dialect;

import java.time.Duration;
import java.util.List;

import dev.migration.core.op.Op;
import dev.migration.core.schema.QualifiedName;
import dev.migration.core.sink.DatabaseReader;

/**
 * Turns operations into the SQL of one database. PostgreSQL first; the seam admits others
 * (MySQL, MariaDB, H2), which override rendering where their syntax differs.
 */
public interface Dialect {

	/**
	 * Renders one operation to the statements that perform it, in order.
	 * @param op the operation
	 * @return the statements
	 */
	List<SqlStatement> render(Op op);

	/**
	 * Quotes an identifier where needed, always safely.
	 * @param identifier the identifier
	 * @return the identifier as SQL
	 */
	String quote(String identifier);

	/**
	 * Quotes a possibly schema-qualified name, each part where needed.
	 * @param name the name
	 * @return the name as SQL
	 */
	String quote(QualifiedName name);

	/**
	 * Renders a value as a safe SQL literal, for the offline script.
	 * @param value the value
	 * @return the literal
	 */
	String literal(Object value);

	/**
	 * Returns the statement's text with every parameter replaced by its literal.
	 * @param statement the statement
	 * @return the SQL with values inlined
	 */
	default String inline(SqlStatement statement) {
		StringBuilder sql = new StringBuilder(statement.fragments().get(0));
		for (int i = 0; i < statement.parameters().size(); i++) {
			sql.append(literal(statement.parameters().get(i))).append(statement.fragments().get(i + 1));
		}
		return sql.toString();
	}

	/**
	 * Decides how to run a statement that runs outside a transaction, from what the database
	 * holds now: a concurrent index build whose INVALID leftover (from a killed or failed
	 * attempt, whoever wrote it) must be dropped first, or a statement an interrupted attempt
	 * started whose effect is already complete. Called only online, just before the statement.
	 * @param statement the statement about to run outside a transaction
	 * @param startedBefore whether an earlier attempt of this step started this very statement
	 * without recording that it finished
	 * @param reader reads the database
	 * @return what to do
	 */
	default ResumeCheck resumeCheck(SqlStatement statement, boolean startedBefore, DatabaseReader reader) {
		return ResumeCheck.RUN;
	}

	/**
	 * Returns whether a statement changes the session rather than the database, such as
	 * {@code SET search_path}: a rerun runs it again even where an earlier attempt ran it,
	 * because the earlier session is gone.
	 * @param statement the statement
	 * @return whether it only sets up the session
	 */
	default boolean changesSession(SqlStatement statement) {
		return false;
	}

	/**
	 * Returns whether a statement may end transactions itself, such as a block or procedure
	 * that commits, so it must not be wrapped in one.
	 * @param statement the statement
	 * @return whether it may commit inside
	 */
	default boolean managesTransactions(SqlStatement statement) {
		return false;
	}

	/**
	 * Returns the statements that prepare a migration session on a server of the given
	 * version, run once when a run opens its connection.
	 * @param majorVersion the server's major version, such as 17
	 * @return the statements
	 */
	default List<SqlStatement> prepareSession(int majorVersion) {
		return List.of();
	}

	/**
	 * Returns the statements that undo {@link #prepareSession(int)} before the connection
	 * goes back to its pool.
	 * @param majorVersion the server's major version, such as 17
	 * @return the statements
	 */
	default List<SqlStatement> resetSession(int majorVersion) {
		return List.of();
	}

	/**
	 * Returns the statements that let this session's commits return before they are flushed
	 * to disk. A run uses them for all but its last step: a crash can then lose only whole
	 * steps, each with its history row, and the last step's flush makes all of them durable.
	 * @return the statements, none where the database has no such setting
	 */
	default List<SqlStatement> deferCommitFlush() {
		return List.of();
	}

	/**
	 * Returns the statements that make this session's commits wait for the flush again.
	 * @return the statements
	 */
	default List<SqlStatement> restoreCommitFlush() {
		return List.of();
	}

	/**
	 * The statement that bounds how long each later statement may wait for a lock.
	 * @param timeout the longest wait
	 * @param transactionLocal whether it ends with the current transaction
	 * @return the statement
	 */
	SqlStatement setLockTimeout(Duration timeout, boolean transactionLocal);

	/**
	 * The statement that restores the session's lock timeout after a non-transactional step.
	 * @return the statement
	 */
	SqlStatement resetLockTimeout();

}
