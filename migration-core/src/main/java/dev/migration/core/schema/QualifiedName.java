package dev.migration.core.schema;

/**
 * A name of a table, view, sequence or type, optionally in a schema.
 *
 * @param schema the schema, or {@code null} for the search path
 * @param name the object name
 */
public record QualifiedName(String schema, String name) {

	public QualifiedName {
		if (schema != null) {
			Names.require("schema", schema);
		}
		Names.require("object", name);
	}

	/**
	 * Parses {@code "name"} or {@code "schema.name"}; the first dot separates the schema.
	 * @param text the name as written in a migration
	 * @return the name
	 */
	public static QualifiedName parse(String text) {
		Names.require("object", text);
		int dot = text.indexOf('.');
		return (dot < 0) ? new QualifiedName(null, text)
				: new QualifiedName(text.substring(0, dot), text.substring(dot + 1));
	}

	/**
	 * Returns a name with the same schema and another object name.
	 * @param other the other object name
	 * @return the sibling name
	 */
	public QualifiedName sibling(String other) {
		return new QualifiedName(this.schema, other);
	}

	@Override
	public String toString() {
		return (this.schema != null) ? this.schema + "." + this.name : this.name;
	}

}
