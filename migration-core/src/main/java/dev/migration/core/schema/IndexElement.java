package dev.migration.core.schema;

import dev.migration.core.MigrationException;

/**
 * One key of an index: a column or an expression, with its sort order and operator class.
 *
 * @param column the column name, or {@code null} for an expression
 * @param expression the expression, or {@code null} for a column
 * @param descending whether the key sorts descending
 * @param operatorClass the operator class (such as {@code text_pattern_ops}), or {@code null}
 */
public record IndexElement(String column, String expression, boolean descending, String operatorClass) {

	public IndexElement {
		if ((column == null) == (expression == null)) {
			throw new MigrationException("An index key is either a column or an expression.");
		}
		if (column != null) {
			Names.require("index column", column);
		}
		else {
			expression = Names.requireSql("index expression", expression);
		}
		if (operatorClass != null) {
			Names.require("operator class", operatorClass);
		}
	}

	/**
	 * An ascending column key.
	 * @param name the column
	 * @return the key
	 */
	public static IndexElement column(String name) {
		return new IndexElement(name, null, false, null);
	}

	/**
	 * An ascending expression key, such as {@code lower(email)}.
	 * @param sql the expression
	 * @return the key
	 */
	public static IndexElement expression(String sql) {
		return new IndexElement(null, sql, false, null);
	}

	/**
	 * Returns this key sorted descending.
	 * @return the key
	 */
	public IndexElement desc() {
		return new IndexElement(this.column, this.expression, true, this.operatorClass);
	}

	/**
	 * Returns this key with an operator class.
	 * @param name the operator class
	 * @return the key
	 */
	public IndexElement withOperatorClass(String name) {
		return new IndexElement(this.column, this.expression, this.descending, name);
	}

}
