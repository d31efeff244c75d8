package dev.migration.core.lint.parse;

/**
 * A name as a statement writes it, optionally qualified by a schema: unquoted parts lower-cased
 * as PostgreSQL folds them, quoted ones with their case, a Flyway placeholder as written
 * (lower-cased).
 *
 * @param schema the schema, or {@code null} when the name is not qualified
 * @param name the name
 */
public record TableName(String schema, String name) {

	/**
	 * Returns a name without a schema.
	 * @param name the name
	 * @return the unqualified name
	 */
	public static TableName of(String name) {
		return new TableName(null, name);
	}

	@Override
	public String toString() {
		return (this.schema != null) ? this.schema + "." + this.name : this.name;
	}

}
