package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.Column;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.Names;

/**
 * Renames a column without breaking running code, expand step: the new column arrives beside
 * the old one, a trigger copies every write to either into the other, and a batched backfill
 * fills the new column. Old and new application versions run side by side until
 * {@link FinishRenameColumnOnline}, in a later revision, drops the old column.
 *
 * @param sync the old and new column
 * @param type the column's type
 * @param key the unique, not-null key the backfill walks
 */
public record RenameColumnOnline(ColumnSync sync, ColumnType type, String key) implements Op {

	public RenameColumnOnline {
		Objects.requireNonNull(sync, "sync");
		Objects.requireNonNull(type, "type");
		Names.require("key column", key);
		if (sync.column().equals(sync.newName())) {
			throw new MigrationException("Column " + sync.column() + " of " + sync.table() + " cannot be renamed to "
					+ "itself.");
		}
	}

	/**
	 * Returns the ops this rename is made of, in order.
	 * @return the ops
	 */
	public List<Op> steps() {
		return List.of(new AddColumn(this.sync.table(), Column.of(this.sync.newName(), this.type), false),
				new CreateColumnSync(this.sync), this.sync.backfill(this.key));
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(new DropColumnSync(this.sync),
				new ForgetBackfill(this.sync.backfill(this.key).progressName()),
				new DropColumn(this.sync.table(), this.sync.newName(), false, false)));
	}

}
