package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.QualifiedName;
import dev.migration.core.schema.TableConstraint;

/**
 * Adds a foreign key without a long lock: {@code NOT VALID} first, so only new rows are
 * checked, then {@code VALIDATE} in a transaction of its own, which scans existing rows while
 * reads and writes go on.
 *
 * @param table the referencing table
 * @param foreignKey the foreign key; it must be named
 */
public record AddForeignKeyOnline(QualifiedName table, TableConstraint.ForeignKey foreignKey) implements Op {

	public AddForeignKeyOnline {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(foreignKey, "foreignKey");
		if (foreignKey.name() == null) {
			throw new MigrationException("The online foreign key on " + table + " needs a name, since it is validated "
					+ "in a second step.");
		}
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(new DropConstraint(this.table, this.foreignKey.name(), false, false)));
	}

}
