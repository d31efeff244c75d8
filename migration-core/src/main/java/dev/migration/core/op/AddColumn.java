package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.schema.Column;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code ALTER TABLE ... ADD COLUMN}.
 *
 * @param table the table
 * @param column the new column
 * @param ifNotExists whether an existing column of that name is left alone
 */
public record AddColumn(QualifiedName table, Column column, boolean ifNotExists) implements Op {

	public AddColumn {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(column, "column");
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(new DropColumn(this.table, this.column.name(), false, false)));
	}

}
