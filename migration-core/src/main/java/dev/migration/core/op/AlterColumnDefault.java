package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.schema.DefaultValue;
import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code ALTER TABLE ... ALTER COLUMN ... SET / DROP DEFAULT}, reversible when the previous
 * default is given.
 *
 * @param table the table
 * @param column the column
 * @param value the new default, {@link DefaultValue#NONE} to drop it
 * @param previous the default before the change, or {@code null} when unknown
 */
public record AlterColumnDefault(QualifiedName table, String column, DefaultValue value, DefaultValue previous)
		implements Op {

	public AlterColumnDefault {
		Objects.requireNonNull(table, "table");
		Names.require("column", column);
		Objects.requireNonNull(value, "value");
	}

	@Override
	public Optional<List<Op>> reverse() {
		if (this.previous == null) {
			return Optional.empty();
		}
		return Optional.of(List.of(new AlterColumnDefault(this.table, this.column, this.previous, this.value)));
	}

}
