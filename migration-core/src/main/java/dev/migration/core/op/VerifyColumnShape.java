package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * Fails, before a contract step drops a column, when the column's NOT NULL, default,
 * constraints or indexes differ from what the step declares, so the derived downgrade can
 * never restore less than there was. A missing column passes: the drop reports it.
 *
 * @param table the table
 * @param column the column about to be dropped
 * @param shape what the step declares the column has
 */
public record VerifyColumnShape(QualifiedName table, String column, ColumnShape shape) implements Op {

	public VerifyColumnShape {
		Objects.requireNonNull(table, "table");
		Names.require("column", column);
		Objects.requireNonNull(shape, "shape");
	}

	@Override
	public Optional<List<Op>> reverse() {
		// a check changes nothing, so it has nothing to undo
		return Optional.of(List.of());
	}

}
