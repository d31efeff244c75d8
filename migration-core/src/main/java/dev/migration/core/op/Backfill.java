package dev.migration.core.op;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * Fills a column of an existing table in batches along its key, each batch its own short
 * transaction, throttled, and resumable: progress is committed with every batch in the table
 * {@code migration_backfill_progress}, so a killed run continues after the last batch done.
 * The progress belongs to the table and the columns it fills as they are: when either has been
 * created anew since (a hand-written downgrade dropped the column, a half-done online rename
 * was cleaned up by hand), the backfill starts over.
 * It stops at the largest key that existed when it started; rows written later are the
 * application's or a sync trigger's to fill.
 *
 * @param table the table
 * @param alias the name the table goes by in the assignment, the FROM list and the condition,
 * or {@code null} for its own name
 * @param key the key column to walk, unique and not null (usually the primary key)
 * @param assignment the SET clause, such as {@code total_cents = round(total * 100)}
 * @param from the FROM list of an {@code UPDATE ... FROM}, such as {@code customers c}, whose
 * rows the assignment and the condition may read, or {@code null} for none
 * @param pending the condition of rows still to fill, such as {@code total_cents IS NULL}; with
 * a FROM list it also joins its rows to the table's
 * @param batchSize the rows per batch at the start
 * @param targetBatchDuration the duration batches aim at; the size adapts toward it
 * @param pause the pause between batches, leaving room for the application's writes
 */
public record Backfill(QualifiedName table, String alias, String key, String assignment, String from, String pending,
		int batchSize, Duration targetBatchDuration, Duration pause) implements Op {

	public Backfill {
		Objects.requireNonNull(table, "table");
		if (alias != null) {
			Names.require("table alias", alias);
		}
		Names.require("key column", key);
		assignment = Names.requireSql("backfill assignment", assignment);
		from = (from != null) ? Names.requireSql("backfill FROM list", from) : null;
		pending = Names.requireSql("backfill condition", pending);
		if (String.join(" ", table.toString(), alias, key, assignment, from, pending).contains("$backfill$")) {
			throw new MigrationException("The backfill of " + table + " must not contain $backfill$, which quotes its "
					+ "loop.");
		}
		// a SET list whose columns cannot be read could not key its progress to them
		AssignedColumns.of(table, assignment);
		if (batchSize < 1) {
			throw new MigrationException("The backfill of " + table + " needs a batch size of at least 1.");
		}
		requireNonNegative(table, "target batch duration", targetBatchDuration);
		requireNonNegative(table, "pause", pause);
	}

	/**
	 * Creates a backfill that reads only the table's own rows, under its own name.
	 * @param table the table
	 * @param key the key column to walk
	 * @param assignment the SET clause
	 * @param pending the condition of rows still to fill
	 * @param batchSize the rows per batch at the start
	 * @param targetBatchDuration the duration batches aim at
	 * @param pause the pause between batches
	 */
	public Backfill(QualifiedName table, String key, String assignment, String pending, int batchSize,
			Duration targetBatchDuration, Duration pause) {
		this(table, null, key, assignment, null, pending, batchSize, targetBatchDuration, pause);
	}

	/**
	 * Returns the name the progress of this backfill is kept under.
	 * @return the name
	 */
	public String progressName() {
		// unchanged for a backfill without FROM list or alias, so progress kept by earlier versions is found
		return this.table + "." + this.key + ": " + this.assignment + ((this.from != null) ? " from " + this.from : "")
				+ " where " + this.pending + ((this.alias != null) ? " (" + this.table + " as " + this.alias + ")" : "");
	}

	/**
	 * Returns the columns the assignment fills, as PostgreSQL names them; the progress is kept
	 * for these columns of this table, and starts over when one of them is created anew.
	 * @return the column names, in the order of the assignment
	 */
	public List<String> columns() {
		return AssignedColumns.of(this.table, this.assignment);
	}

	@Override
	public Optional<List<Op>> reverse() {
		// the values go with the column when its own revision is reverted; the progress must go
		// too, or the next upgrade would find the backfill done and leave the column empty
		return Optional.of(List.of(new ForgetBackfill(progressName())));
	}

	private static void requireNonNegative(QualifiedName table, String what, Duration value) {
		if (value == null || value.isNegative()) {
			throw new MigrationException("The backfill of " + table + " needs a " + what + " of zero or more.");
		}
	}

}
