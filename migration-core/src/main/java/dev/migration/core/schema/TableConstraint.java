package dev.migration.core.schema;

import java.util.List;

import dev.migration.core.MigrationException;

/** A table constraint: primary key, unique, check or foreign key. */
public sealed interface TableConstraint {

	/**
	 * Returns the constraint name, or {@code null} to let PostgreSQL choose one.
	 * @return the name
	 */
	String name();

	/**
	 * A primary key, built on its columns or on an existing unique index.
	 *
	 * @param name the constraint name, or {@code null}
	 * @param columns the key columns (empty when {@code usingIndex} is set)
	 * @param usingIndex an existing unique index to promote, or {@code null}
	 */
	record PrimaryKey(String name, List<String> columns, String usingIndex) implements TableConstraint {

		public PrimaryKey {
			columns = keyColumns("primary key", name, columns, usingIndex);
		}

	}

	/**
	 * A unique constraint, built on its columns or on an existing unique index.
	 *
	 * @param name the constraint name, or {@code null}
	 * @param columns the key columns (empty when {@code usingIndex} is set)
	 * @param usingIndex an existing unique index to promote, or {@code null}
	 * @param nullsNotDistinct whether NULLs count as equal (PostgreSQL 15+)
	 */
	record Unique(String name, List<String> columns, String usingIndex, boolean nullsNotDistinct)
			implements TableConstraint {

		public Unique {
			columns = keyColumns("unique constraint", name, columns, usingIndex);
			if (usingIndex != null && nullsNotDistinct) {
				throw new MigrationException("The unique constraint " + describe(name) + " takes NULLS NOT DISTINCT "
						+ "from its index " + usingIndex + "; build that index with NULLS NOT DISTINCT instead.");
			}
		}

	}

	/**
	 * A check constraint.
	 *
	 * @param name the constraint name, or {@code null}
	 * @param expression the boolean expression
	 * @param notValid whether existing rows are left unchecked until {@code VALIDATE}
	 */
	record Check(String name, String expression, boolean notValid) implements TableConstraint {

		public Check {
			optionalName(name);
			expression = Names.requireSql("check expression", expression);
		}

	}

	/**
	 * A foreign key.
	 *
	 * @param name the constraint name, or {@code null}
	 * @param columns the referencing columns
	 * @param referencedTable the referenced table
	 * @param referencedColumns the referenced columns (empty for its primary key)
	 * @param onDelete the action on delete, or {@code null} for the default
	 * @param onUpdate the action on update, or {@code null} for the default
	 * @param deferrable whether the check may be deferred to commit
	 * @param initiallyDeferred whether the check is deferred to commit by default
	 * @param notValid whether existing rows are left unchecked until {@code VALIDATE}
	 */
	record ForeignKey(String name, List<String> columns, QualifiedName referencedTable, List<String> referencedColumns,
			ReferentialAction onDelete, ReferentialAction onUpdate, boolean deferrable, boolean initiallyDeferred,
			boolean notValid) implements TableConstraint {

		public ForeignKey {
			optionalName(name);
			columns = Names.requireAll("foreign key column", columns);
			if (referencedTable == null) {
				throw new MigrationException("Foreign key " + describe(name) + " needs a referenced table.");
			}
			referencedColumns = List.copyOf(referencedColumns);
			referencedColumns.forEach((column) -> Names.require("referenced column", column));
			if (!referencedColumns.isEmpty() && referencedColumns.size() != columns.size()) {
				throw new MigrationException("Foreign key " + describe(name) + " has " + columns.size()
						+ " columns but references " + referencedColumns.size() + ".");
			}
			if (initiallyDeferred && !deferrable) {
				throw new MigrationException("Foreign key " + describe(name)
						+ " cannot be initially deferred without being deferrable.");
			}
		}

	}

	private static List<String> keyColumns(String kind, String name, List<String> columns, String usingIndex) {
		optionalName(name);
		if (usingIndex != null) {
			Names.require("index", usingIndex);
			if (!columns.isEmpty()) {
				throw new MigrationException("The " + kind + " " + describe(name)
						+ " takes either columns or an existing index, not both.");
			}
			return List.of();
		}
		return Names.requireAll(kind + " column", columns);
	}

	private static void optionalName(String name) {
		if (name != null) {
			Names.require("constraint", name);
		}
	}

	private static String describe(String name) {
		return (name != null) ? "'" + name + "'" : "(unnamed)";
	}

}
