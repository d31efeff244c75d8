package dev.migration.core.op;

import java.util.Objects;

import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code ALTER TABLE ... DROP CONSTRAINT}.
 *
 * @param table the table
 * @param name the constraint name
 * @param ifExists whether a missing constraint is ignored
 * @param cascade whether dependent objects are dropped too
 */
public record DropConstraint(QualifiedName table, String name, boolean ifExists, boolean cascade) implements Op {

	public DropConstraint {
		Objects.requireNonNull(table, "table");
		Names.require("constraint", name);
	}

}
