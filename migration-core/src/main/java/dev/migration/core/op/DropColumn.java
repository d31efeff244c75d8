package dev.migration.core.op;

import java.util.Objects;

import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code ALTER TABLE ... DROP COLUMN}; it has no reverse, since the values are gone.
 *
 * @param table the table
 * @param column the column
 * @param ifExists whether a missing column is ignored
 * @param cascade whether dependent objects are dropped too
 */
public record DropColumn(QualifiedName table, String column, boolean ifExists, boolean cascade) implements Op {

	public DropColumn {
		Objects.requireNonNull(table, "table");
		Names.require("column", column);
	}

}
