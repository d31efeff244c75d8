package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code ALTER TABLE ... ALTER COLUMN ... SET / DROP NOT NULL}.
 *
 * @param table the table
 * @param column the column
 * @param nullable {@code true} to drop {@code NOT NULL}, {@code false} to set it
 */
public record AlterColumnNullability(QualifiedName table, String column, boolean nullable) implements Op {

	public AlterColumnNullability {
		Objects.requireNonNull(table, "table");
		Names.require("column", column);
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(new AlterColumnNullability(this.table, this.column, !this.nullable)));
	}

}
