package dev.migration.core.lint.parse;

import java.util.List;

/**
 * A constraint of a table, written on its own or inline in a column definition.
 *
 * @param name its name, or {@code null} when PostgreSQL is left to name it
 * @param kind what it is
 * @param columns the key (or referencing) columns; empty inline, where the column is the key,
 * and for a check or an exclusion
 * @param expression the condition of a check, the elements of an exclusion, or {@code null}
 * @param references the referenced table of a foreign key, or {@code null}
 * @param referencedColumns the referenced columns of a foreign key; empty when it names none
 * (its primary key)
 * @param usingIndex the existing index a primary key or unique constraint takes over
 * ({@code USING INDEX}), or {@code null}
 * @param notValid whether it is added {@code NOT VALID}, existing rows left unchecked
 * @param sql its text as written, comments left out
 */
public record Constraint(String name, Kind kind, List<String> columns, String expression, TableName references,
		List<String> referencedColumns, String usingIndex, boolean notValid, String sql) {

	/** What a constraint is. */
	public enum Kind {

		PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUDE

	}

	public Constraint {
		columns = List.copyOf(columns);
		referencedColumns = List.copyOf(referencedColumns);
	}

}
