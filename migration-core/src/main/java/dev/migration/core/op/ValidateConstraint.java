package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code ALTER TABLE ... VALIDATE CONSTRAINT}: checks the rows a {@code NOT VALID} constraint
 * skipped, without blocking writes. Undoing it needs nothing.
 *
 * @param table the table
 * @param name the constraint name
 */
public record ValidateConstraint(QualifiedName table, String name) implements Op {

	public ValidateConstraint {
		Objects.requireNonNull(table, "table");
		Names.require("constraint", name);
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of());
	}

}
