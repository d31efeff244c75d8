package dev.migration.core.lint.parse;

/** One action of an {@code ALTER TABLE} statement. */
public sealed interface AlterAction {

	/**
	 * {@code ADD [COLUMN] [IF NOT EXISTS]}.
	 *
	 * @param column the column with its type, default and inline constraints
	 * @param ifNotExists whether it says {@code IF NOT EXISTS}
	 */
	record AddColumn(Column column, boolean ifNotExists) implements AlterAction {
	}

	/**
	 * {@code DROP [COLUMN] [IF EXISTS] name [CASCADE]}.
	 *
	 * @param column the column
	 * @param ifExists whether it says {@code IF EXISTS}
	 * @param cascade whether it says {@code CASCADE}
	 */
	record DropColumn(String column, boolean ifExists, boolean cascade) implements AlterAction {
	}

	/**
	 * {@code ALTER [COLUMN] c [SET DATA] TYPE type [COLLATE c] [USING expr]}.
	 *
	 * @param column the column
	 * @param type the new type as written
	 * @param usingSql the {@code USING} expression, or {@code null}
	 */
	record AlterColumnType(String column, String type, String usingSql) implements AlterAction {
	}

	/**
	 * {@code ALTER [COLUMN] c SET DEFAULT expr}.
	 *
	 * @param column the column
	 * @param defaultSql the expression as written
	 */
	record SetDefault(String column, String defaultSql) implements AlterAction {
	}

	/**
	 * {@code ALTER [COLUMN] c DROP DEFAULT}.
	 *
	 * @param column the column
	 */
	record DropDefault(String column) implements AlterAction {
	}

	/**
	 * {@code ALTER [COLUMN] c SET NOT NULL}.
	 *
	 * @param column the column
	 */
	record SetNotNull(String column) implements AlterAction {
	}

	/**
	 * {@code ALTER [COLUMN] c DROP NOT NULL}.
	 *
	 * @param column the column
	 */
	record DropNotNull(String column) implements AlterAction {
	}

	/**
	 * A change to a column's identity or generation: {@code ADD GENERATED ... AS IDENTITY},
	 * {@code SET GENERATED ...}, {@code RESTART}, sequence options, {@code DROP IDENTITY},
	 * {@code DROP EXPRESSION}.
	 *
	 * @param column the column
	 * @param change the change as written, such as {@code ADD GENERATED ALWAYS AS IDENTITY}
	 */
	record ChangeIdentity(String column, String change) implements AlterAction {
	}

	/**
	 * A column option: {@code SET STATISTICS n}, {@code SET STORAGE s}, {@code SET COMPRESSION m},
	 * {@code SET (...)} or {@code RESET (...)}.
	 *
	 * @param column the column
	 * @param option {@code STATISTICS}, {@code STORAGE}, {@code COMPRESSION}, {@code SET} or {@code RESET}
	 * @param value the value as written
	 */
	record SetColumnOption(String column, String option, String value) implements AlterAction {
	}

	/**
	 * {@code ADD table_constraint [NOT VALID]}, with or without {@code USING INDEX}.
	 *
	 * @param constraint the constraint
	 */
	record AddConstraint(Constraint constraint) implements AlterAction {
	}

	/**
	 * {@code ALTER CONSTRAINT name [DEFERRABLE ...]}.
	 *
	 * @param name the constraint
	 * @param change what changes, as written
	 */
	record AlterConstraint(String name, String change) implements AlterAction {
	}

	/**
	 * {@code VALIDATE CONSTRAINT name}.
	 *
	 * @param name the constraint
	 */
	record ValidateConstraint(String name) implements AlterAction {
	}

	/**
	 * {@code DROP CONSTRAINT [IF EXISTS] name [CASCADE]}.
	 *
	 * @param name the constraint
	 * @param ifExists whether it says {@code IF EXISTS}
	 * @param cascade whether it says {@code CASCADE}
	 */
	record DropConstraint(String name, boolean ifExists, boolean cascade) implements AlterAction {
	}

	/**
	 * {@code RENAME [COLUMN] a TO b}.
	 *
	 * @param column the column
	 * @param newName its new name
	 */
	record RenameColumn(String column, String newName) implements AlterAction {
	}

	/**
	 * {@code RENAME TO name}.
	 *
	 * @param newName the table's new name
	 */
	record RenameTable(String newName) implements AlterAction {
	}

	/**
	 * {@code RENAME CONSTRAINT a TO b}.
	 *
	 * @param name the constraint
	 * @param newName its new name
	 */
	record RenameConstraint(String name, String newName) implements AlterAction {
	}

	/**
	 * {@code SET SCHEMA s}.
	 *
	 * @param schema the new schema
	 */
	record SetSchema(String schema) implements AlterAction {
	}

	/**
	 * {@code SET TABLESPACE t}, which rewrites the table into the new tablespace.
	 *
	 * @param tablespace the tablespace
	 */
	record SetTablespace(String tablespace) implements AlterAction {
	}

	/**
	 * {@code SET LOGGED} or {@code SET UNLOGGED}, which rewrites the table.
	 *
	 * @param logged whether the table becomes logged
	 */
	record SetLogged(boolean logged) implements AlterAction {
	}

	/**
	 * {@code SET ACCESS METHOD m}, which rewrites the table.
	 *
	 * @param method the access method
	 */
	record SetAccessMethod(String method) implements AlterAction {
	}

	/**
	 * {@code ATTACH PARTITION p {FOR VALUES ... | DEFAULT}}.
	 *
	 * @param partition the table attached
	 * @param bound its bound as written, such as {@code FOR VALUES IN (1)} or {@code DEFAULT}
	 */
	record AttachPartition(TableName partition, String bound) implements AlterAction {
	}

	/**
	 * {@code DETACH PARTITION p [CONCURRENTLY | FINALIZE]}.
	 *
	 * @param partition the table detached
	 * @param concurrently whether it says {@code CONCURRENTLY}
	 * @param finalizing whether it says {@code FINALIZE} (completing an interrupted concurrent detach)
	 */
	record DetachPartition(TableName partition, boolean concurrently, boolean finalizing) implements AlterAction {
	}

	/**
	 * An action that changes neither columns nor constraints nor storage: triggers, rules and
	 * row level security enabled or disabled, owner, storage parameters, replica identity,
	 * clustering, inheritance, typed table.
	 *
	 * @param kind the action's leading words in upper case, such as {@code ENABLE TRIGGER},
	 * {@code OWNER TO}, {@code SET}, {@code RESET}, {@code REPLICA IDENTITY}, {@code CLUSTER ON},
	 * {@code INHERIT}, {@code NO INHERIT}
	 * @param sql the action as written
	 */
	record OtherAction(String kind, String sql) implements AlterAction {
	}

}
