package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * Drops the trigger and function of a {@link TouchOnUpdate}; its reverse makes them again.
 *
 * @param table the table
 * @param column the timestamp column
 */
public record DropTouchOnUpdate(QualifiedName table, String column) implements Op {

	public DropTouchOnUpdate {
		Objects.requireNonNull(table, "table");
		Names.require("column", column);
	}

	/**
	 * Returns what this drops.
	 * @return the trigger and function
	 */
	public TouchOnUpdate touch() {
		return new TouchOnUpdate(this.table, this.column);
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(touch()));
	}

}
