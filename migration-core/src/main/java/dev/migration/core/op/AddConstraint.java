package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.schema.QualifiedName;
import dev.migration.core.schema.TableConstraint;

/**
 * {@code ALTER TABLE ... ADD CONSTRAINT}; reversible when the constraint is named.
 *
 * @param table the table
 * @param constraint the constraint
 */
public record AddConstraint(QualifiedName table, TableConstraint constraint) implements Op {

	public AddConstraint {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(constraint, "constraint");
	}

	@Override
	public Optional<List<Op>> reverse() {
		if (this.constraint.name() == null) {
			return Optional.empty();
		}
		return Optional.of(List.of(new DropConstraint(this.table, this.constraint.name(), false, false)));
	}

}
