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
 */
public record SqlStatement(List<String> fragments, List<Object> parameters, boolean transactional) {

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
	 * A statement without parameters that may run in a transaction.
	 * @param sql the statement
	 * @return the statement
	 */
	public static SqlStatement of(String sql) {
		return new SqlStatement(List.of(sql), List.of(), true);
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

}
