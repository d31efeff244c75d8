package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code COMMENT ON COLUMN}; reversible when the previous comment is given.
 *
 * @param table the table
 * @param column the column
 * @param comment the comment, or {@code null} to remove it
 * @param previous the comment before, {@code ""} for none, or {@code null} when unknown
 */
public record CommentOnColumn(QualifiedName table, String column, String comment, String previous) implements Op {

	public CommentOnColumn {
		Objects.requireNonNull(table, "table");
		Names.require("column", column);
	}

	@Override
	public Optional<List<Op>> reverse() {
		if (this.previous == null) {
			return Optional.empty();
		}
		String before = this.previous.isEmpty() ? null : this.previous;
		return Optional.of(List.of(
				new CommentOnColumn(this.table, this.column, before, (this.comment != null) ? this.comment : "")));
	}

}
