package dev.migration.core.op;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.schema.Column;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.DefaultValue;
import dev.migration.core.schema.Names;
import dev.migration.core.schema.TableConstraint;

/**
 * Renames a column without breaking running code, contract step, released once no instance
 * uses the old name: drops the sync trigger and the old column. Its downgrade brings both
 * back and refills the old column, so no data is lost either way.
 *
 * <p>Once the old column is dropped, nothing in the database remembers its NOT NULL, default,
 * checks and indexes, so the downgrade cannot read them back; the step declares them instead,
 * the declaration is checked against the live column before the drop (a mismatch stops the
 * step with nothing dropped), and the downgrade restores exactly what was declared, with the
 * low-lock steps: checks NOT VALID then validated, indexes built concurrently, NOT NULL through
 * a validated check. A step that declares nothing has no derived downgrade.
 *
 * @param sync the old and new column
 * @param type the old column's type, for the downgrade
 * @param key the unique, not-null key the downgrade's backfill walks
 * @param previous what the old column had besides its type, or {@code null} when undeclared
 */
public record FinishRenameColumnOnline(ColumnSync sync, ColumnType type, String key, ColumnShape previous)
		implements Op {

	public FinishRenameColumnOnline {
		Objects.requireNonNull(sync, "sync");
		Objects.requireNonNull(type, "type");
		Names.require("key column", key);
	}

	/**
	 * A contract step that does not declare what the old column had, so it has no reverse.
	 * @param sync the old and new column
	 * @param type the old column's type
	 * @param key the unique, not-null key column
	 */
	public FinishRenameColumnOnline(ColumnSync sync, ColumnType type, String key) {
		this(sync, type, key, null);
	}

	/**
	 * Returns the ops this step is made of, in order.
	 * @return the ops
	 */
	public List<Op> steps() {
		List<Op> steps = new ArrayList<>();
		if (this.previous != null) {
			steps.add(new VerifyColumnShape(this.sync.table(), this.sync.column(), this.previous));
		}
		ColumnSync back = this.sync.reversed();
		steps.add(new DropColumnSync(this.sync));
		steps.add(new DropColumn(this.sync.table(), this.sync.column(), false, false));
		// a downgrade of this step refills the old column; its progress from an earlier round must not stop it
		steps.add(new ForgetBackfill(back.backfill(this.key).progressName()));
		return steps;
	}

	/**
	 * Orders the restore so no lock waits on a scan: checks guard the refill from its start, the
	 * indexes follow the backfill's commit (a concurrent build needs a transaction of its own), and
	 * the brief ACCESS EXCLUSIVE of the default and of SET NOT NULL comes after every scan.
	 */
	@Override
	public Optional<List<Op>> reverse() {
		if (this.previous == null) {
			return Optional.empty();
		}
		List<Op> ops = new ArrayList<>();
		ops.add(new AddColumn(this.sync.table(), Column.of(this.sync.column(), this.type), false));
		ops.add(new CreateColumnSync(this.sync));
		for (TableConstraint.Check check : this.previous.checks()) {
			ops.add(new AddConstraint(this.sync.table(), new TableConstraint.Check(check.name(), check.expression(), true)));
		}
		ops.add(this.sync.reversed().backfill(this.key));
		ops.addAll(this.previous.indexes());
		this.previous.checks().forEach((check) -> ops.add(new ValidateConstraint(this.sync.table(), check.name())));
		if (!(this.previous.defaultValue() instanceof DefaultValue.None)) {
			ops.add(new AlterColumnDefault(this.sync.table(), this.sync.column(), this.previous.defaultValue(),
					DefaultValue.NONE));
		}
		if (this.previous.notNull()) {
			ops.add(new SetNotNullOnline(this.sync.table(), this.sync.column()));
		}
		return Optional.of(ops);
	}

}
