package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code ALTER TABLE ... RENAME COLUMN}.
 *
 * @param table the table
 * @param column the current column name
 * @param newName the new column name
 */
public record RenameColumn(QualifiedName table, String column, String newName) implements Op {

	public RenameColumn {
		Objects.requireNonNull(table, "table");
		Names.require("column", column);
		Names.require("column", newName);
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(new RenameColumn(this.table, this.newName, this.column)));
	}

}
