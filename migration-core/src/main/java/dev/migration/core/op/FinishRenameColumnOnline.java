package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.schema.Column;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.Names;

/**
 * Renames a column without breaking running code, contract step, released once no instance
 * uses the old name: drops the sync trigger and the old column. Its downgrade brings both
 * back and refills the old column, so no data is lost either way.
 *
 * @param sync the old and new column
 * @param type the old column's type, for the downgrade
 * @param key the unique, not-null key the downgrade's backfill walks
 */
public record FinishRenameColumnOnline(ColumnSync sync, ColumnType type, String key) implements Op {

	public FinishRenameColumnOnline {
		Objects.requireNonNull(sync, "sync");
		Objects.requireNonNull(type, "type");
		Names.require("key column", key);
	}

	/**
	 * Returns the ops this step is made of, in order.
	 * @return the ops
	 */
	public List<Op> steps() {
		ColumnSync back = this.sync.reversed();
		// a downgrade of this step refills the old column; its progress from an earlier round must not stop it
		return List.of(new DropColumnSync(this.sync), new DropColumn(this.sync.table(), this.sync.column(), false, false),
				new ForgetBackfill(back.backfill(this.key).progressName()));
	}

	@Override
	public Optional<List<Op>> reverse() {
		ColumnSync back = this.sync.reversed();
		return Optional.of(List.of(new AddColumn(this.sync.table(), Column.of(this.sync.column(), this.type), false),
				new CreateColumnSync(this.sync), back.backfill(this.key)));
	}

}
