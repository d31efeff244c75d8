package dev.migration.core.op;

import java.util.Objects;

import dev.migration.core.schema.QualifiedName;

/**
 * {@code DROP TABLE}; it has no reverse, since the rows are gone.
 *
 * @param table the table
 * @param ifExists whether a missing table is ignored
 * @param cascade whether dependent objects (views, foreign keys) are dropped too
 */
public record DropTable(QualifiedName table, boolean ifExists, boolean cascade) implements Op {

	public DropTable {
		Objects.requireNonNull(table, "table");
	}

}
