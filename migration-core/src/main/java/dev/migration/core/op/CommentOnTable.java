package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.schema.QualifiedName;

/**
 * {@code COMMENT ON TABLE}; reversible when the previous comment is given.
 *
 * @param table the table
 * @param comment the comment, or {@code null} to remove it
 * @param previous the comment before, {@code ""} for none, or {@code null} when unknown
 */
public record CommentOnTable(QualifiedName table, String comment, String previous) implements Op {

	public CommentOnTable {
		Objects.requireNonNull(table, "table");
	}

	@Override
	public Optional<List<Op>> reverse() {
		if (this.previous == null) {
			return Optional.empty();
		}
		String before = this.previous.isEmpty() ? null : this.previous;
		return Optional.of(List.of(new CommentOnTable(this.table, before, (this.comment != null) ? this.comment : "")));
	}

}
