package dev.migration.core.dialect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.migration.core.MigrationException;

/**
 * One SQL statement ready for the sink: its text split around bind parameters, the bound
 * values, and whether it may run inside a transaction.
 *
 * @param fragments the text between parameters; one more than there are parameters
 * @param parameters the bound values, possibly {@code null}
 * @param transactional whether the statement may run inside a transaction block
 * @param blocksTraffic whether its lock, while it waits, queues the application's reads and
 * writes; statements that do not ({@code CREATE INDEX CONCURRENTLY}, {@code VALIDATE
 * CONSTRAINT}) may wait longer
 * @param expectedRows how many rows it must change, checked online, or {@code null} for no check
 * @param kind a change, a setting, or a commit point between two transactions of one step
 */
public record SqlStatement(List<String> fragments, List<Object> parameters, boolean transactional,
		boolean blocksTraffic, Integer expectedRows, Kind kind) {

	/** A commit point: no SQL of its own; the step commits here and opens a new transaction. */
	public static final SqlStatement COMMIT_POINT = new SqlStatement(List.of(""), List.of(), true, true, null,
			Kind.COMMIT_POINT);

	public SqlStatement {
		fragments = List.copyOf(fragments);
		// List.copyOf would reject NULL values
		parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
		if (fragments.size() != parameters.size() + 1) {
			throw new MigrationException("A statement with " + parameters.size() + " parameters needs "
					+ (parameters.size() + 1) + " text fragments, not " + fragments.size() + ".");
		}
	}

	/**
	 * A statement that may block traffic while it waits, with no row count to check.
	 * @param fragments the text between parameters
	 * @param parameters the bound values
	 * @param transactional whether it may run inside a transaction block
	 */
	public SqlStatement(List<String> fragments, List<Object> parameters, boolean transactional) {
		this(fragments, parameters, transactional, true, null, Kind.CHANGE);
	}

	/**
	 * A statement without parameters that may run in a transaction.
	 * @param sql the statement
	 * @return the statement
	 */
	public static SqlStatement of(String sql) {
		return new SqlStatement(List.of(sql), List.of(), true);
	}

	/**
	 * A statement that only changes a setting, such as {@code SET LOCAL lock_timeout}.
	 * @param sql the statement
	 * @return the statement
	 */
	public static SqlStatement setting(String sql) {
		return new SqlStatement(List.of(sql), List.of(), true, true, null, Kind.SETTING);
	}

	/**
	 * A {@code COPY ... FROM stdin} with its data, as {@link PostgresScanner#split} returns it.
	 * @param sql the command, its semicolon, the data lines and the {@code \.} line
	 * @return the statement
	 */
	public static SqlStatement copyIn(String sql) {
		return new SqlStatement(List.of(sql), List.of(), true, true, null, Kind.COPY_IN);
	}

	/**
	 * A statement without parameters that must run outside a transaction block.
	 * @param sql the statement
	 * @return the statement
	 */
	public static SqlStatement nonTransactional(String sql) {
		return new SqlStatement(List.of(sql), List.of(), false);
	}

	/**
	 * Returns this statement marked as one whose lock wait does not hold up the application's
	 * reads and writes, so it may use the longer lock timeout.
	 * @return the statement
	 */
	public SqlStatement nonBlocking() {
		return new SqlStatement(this.fragments, this.parameters, this.transactional, false, this.expectedRows,
				this.kind);
	}

	/**
	 * Returns this statement with the number of rows it must change.
	 * @param rows the expected row count
	 * @return the statement
	 */
	public SqlStatement expectingRows(int rows) {
		return new SqlStatement(this.fragments, this.parameters, this.transactional, this.blocksTraffic, rows,
				this.kind);
	}

	/**
	 * Returns whether it only changes a session or transaction setting and returns nothing,
	 * so an online sink may send it together with the next statement.
	 * @return whether this is a setting
	 */
	public boolean setting() {
		return this.kind == Kind.SETTING;
	}

	/**
	 * Returns whether this is a {@code COPY ... FROM stdin} carrying its data.
	 * @return whether this copies data in
	 */
	public boolean isCopyIn() {
		return this.kind == Kind.COPY_IN;
	}

	/**
	 * Returns whether this is the point where a step commits and opens a new transaction.
	 * @return whether this is a commit point
	 */
	public boolean isCommitPoint() {
		return this.kind == Kind.COMMIT_POINT;
	}

	/**
	 * Returns the text with a {@code ?} for each parameter, as JDBC expects.
	 * @return the SQL
	 */
	public String sql() {
		return String.join("?", this.fragments);
	}

	/**
	 * Returns whether values are bound to this statement.
	 * @return whether there are parameters
	 */
	public boolean hasParameters() {
		return !this.parameters.isEmpty();
	}

	/** What a statement is to the executor. */
	public enum Kind {

		/** A statement that changes the schema or data. */
		CHANGE,

		/** A statement that only changes a session or transaction setting. */
		SETTING,

		/** Where a step commits its transaction and opens the next one; it has no SQL. */
		COMMIT_POINT,

		/**
		 * {@code COPY ... FROM stdin;} with its data lines and the {@code \.} line, sent
		 * through the driver's copy protocol online and as written to a psql script.
		 */
		COPY_IN

	}

}
