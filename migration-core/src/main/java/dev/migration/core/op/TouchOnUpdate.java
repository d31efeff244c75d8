package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * A trigger, and its function, that set a timestamp column to {@code now()} on every update
 * that does not set it itself: the database's counterpart of SQLAlchemy's {@code onupdate}, so
 * every writer, not only the application, keeps {@code updated_at} true.
 *
 * @param table the table
 * @param column the timestamp column, such as {@code updated_at}
 */
public record TouchOnUpdate(QualifiedName table, String column) implements Op {

	public TouchOnUpdate {
		Objects.requireNonNull(table, "table");
		Names.require("column", column);
	}

	/**
	 * Returns the name of the trigger and of its function, {@code <table>_touch_<column>}.
	 * @return the name
	 */
	public String name() {
		String name = this.table.name() + "_touch_" + this.column;
		// PostgreSQL's limit is 63 bytes; the hash keeps the name the same on every run
		return (name.length() <= 63) ? name : name.substring(0, 54) + "_" + Integer.toHexString(name.hashCode());
	}

	/**
	 * Returns the function, in the table's schema.
	 * @return the function's name
	 */
	public QualifiedName function() {
		return this.table.sibling(name());
	}

	/**
	 * Returns the trigger: before each row's update, running {@link #function()}.
	 * @return the trigger
	 */
	public TriggerDefinition trigger() {
		return new TriggerDefinition(name(), this.table, TriggerDefinition.Timing.BEFORE,
				List.of(TriggerDefinition.Event.UPDATE), List.of(), TriggerDefinition.Level.ROW, null, function(),
				List.of());
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(new DropTouchOnUpdate(this.table, this.column)));
	}

}
