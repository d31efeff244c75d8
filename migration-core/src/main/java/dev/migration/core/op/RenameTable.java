package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code ALTER TABLE ... RENAME TO}.
 *
 * @param table the table
 * @param newName the new name, in the same schema
 */
public record RenameTable(QualifiedName table, String newName) implements Op {

	public RenameTable {
		Objects.requireNonNull(table, "table");
		Names.require("table", newName);
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(new RenameTable(this.table.sibling(this.newName), this.table.name())));
	}

}
