package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code ALTER TABLE ... ALTER COLUMN ... TYPE}, reversible when the previous type is given.
 *
 * @param table the table
 * @param column the column
 * @param type the new type
 * @param using the conversion expression, or {@code null} for the implicit cast
 * @param previousType the type before the change, or {@code null} when unknown
 * @param previousUsing the conversion back, or {@code null} for the implicit cast
 */
public record AlterColumnType(QualifiedName table, String column, ColumnType type, String using,
		ColumnType previousType, String previousUsing) implements Op {

	public AlterColumnType {
		Objects.requireNonNull(table, "table");
		Names.require("column", column);
		Objects.requireNonNull(type, "type");
		using = (using != null) ? Names.requireSql("USING expression", using) : null;
		previousUsing = (previousUsing != null) ? Names.requireSql("USING expression", previousUsing) : null;
	}

	@Override
	public Optional<List<Op>> reverse() {
		if (this.previousType == null) {
			return Optional.empty();
		}
		return Optional.of(List.of(
				new AlterColumnType(this.table, this.column, this.previousType, this.previousUsing, this.type, this.using)));
	}

}
