package dev.migration.core.schema;

import java.util.Objects;

import dev.migration.core.MigrationException;

/**
 * A column definition, as created by {@code createTable} or {@code addColumn}.
 *
 * @param name the column name
 * @param type the data type
 * @param nullable whether {@code NULL} is allowed
 * @param defaultValue the default, {@link DefaultValue#NONE} for none
 * @param identity how an identity column generates values, or {@code null} for none
 * @param generatedAs the expression of a stored generated column, or {@code null}
 * @param primaryKey whether this column alone is the primary key
 * @param unique whether this column carries a unique constraint
 * @param collation the collation, or {@code null} for the default
 * @param comment the column comment, or {@code null}
 */
public record Column(String name, ColumnType type, boolean nullable, DefaultValue defaultValue, Identity identity,
		String generatedAs, boolean primaryKey, boolean unique, String collation, String comment) {

	public Column {
		Names.require("column", name);
		Objects.requireNonNull(type, () -> "column " + name + " needs a type");
		defaultValue = (defaultValue != null) ? defaultValue : DefaultValue.NONE;
		if (collation != null) {
			Names.require("collation", collation);
		}
		if (generatedAs != null) {
			generatedAs = Names.requireSql("generated column expression", generatedAs);
		}
		int generators = ((identity != null) ? 1 : 0) + ((generatedAs != null) ? 1 : 0)
				+ ((defaultValue instanceof DefaultValue.None) ? 0 : 1);
		if (generators > 1) {
			throw new MigrationException("Column " + name
					+ " may have only one of a default, an identity and a generated expression.");
		}
	}

	/**
	 * A nullable column without default.
	 * @param name the column name
	 * @param type the data type
	 * @return the column
	 */
	public static Column of(String name, ColumnType type) {
		return new Column(name, type, true, DefaultValue.NONE, null, null, false, false, null, null);
	}

	/**
	 * Returns whether the column must hold a value in every row: {@code NOT NULL} or part of
	 * the primary key.
	 * @return whether the column is required
	 */
	public boolean required() {
		return !this.nullable || this.primaryKey;
	}

}
