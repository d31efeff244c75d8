package dev.migration.core.trace;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What PostgreSQL did for one statement: the locks it took, the relations it rewrote, the
 * tables it scanned, and how long the locks that keep others waiting were held.
 *
 * @param index the statement's place in its revision, from 0
 * @param sql the statement
 * @param transaction the number of the transaction it ran in, from 0 in its revision;
 * statements of one number ran in one transaction
 * @param inTransaction whether it ran in a transaction block; {@code false} for a statement
 * that cannot, whose locks were sampled while it ran
 * @param duration how long it ran
 * @param newLocks the locks on user relations it took that were not held before it
 * @param strongestLocks the strongest lock held on each user relation after it, the
 * transaction's earlier locks included; for a statement outside a transaction, the strongest
 * one sampled
 * @param catalogLocks how many locks it took on relations other than user ones, mostly
 * system catalogs
 * @param rewrites the relations whose storage it replaced
 * @param created the user relations it made, an index dropped and made again under its old
 * name included
 * @param dropped the user relations it dropped
 * @param scans the tables it read, with the counts of its scans
 * @param holds the locks blocking reads or writes that began at it, held to the end of the
 * transaction
 * @param rows each relation it touched with its estimated row count before it
 * ({@code pg_class.reltuples}; {@code -1} for a table never analyzed)
 * @param error the server's message when it failed, else {@code null}
 */
public record StatementTrace(int index, String sql, int transaction, boolean inTransaction, Duration duration,
		List<RelationLock> newLocks, Map<TracedRelation, LockMode> strongestLocks, int catalogLocks,
		List<Rewrite> rewrites, List<TracedRelation> created, List<TracedRelation> dropped,
		List<TableScan> scans, List<LockHold> holds, Map<TracedRelation, Long> rows, String error) {

	public StatementTrace {
		newLocks = List.copyOf(newLocks);
		strongestLocks = Map.copyOf(strongestLocks);
		rewrites = List.copyOf(rewrites);
		created = List.copyOf(created);
		dropped = List.copyOf(dropped);
		scans = List.copyOf(scans);
		holds = List.copyOf(holds);
		rows = Map.copyOf(rows);
	}

	/**
	 * Returns this trace with an error, or itself when there is none.
	 * @param message the server's message, or {@code null}
	 * @return the trace
	 */
	public StatementTrace failing(String message) {
		return (message == null) ? this : new StatementTrace(this.index, this.sql, this.transaction,
				this.inTransaction, this.duration, this.newLocks, this.strongestLocks, this.catalogLocks, this.rewrites,
				this.created, this.dropped, this.scans, this.holds, this.rows, message);
	}

	/**
	 * Returns whether the statement failed.
	 * @return whether it raised an error
	 */
	public boolean failed() {
		return this.error != null;
	}

	/**
	 * Returns the strongest lock held on a relation after the statement.
	 * @param relation {@code name} or {@code schema.name}
	 * @return the mode, or {@code null} when none was held
	 */
	public LockMode strongestLock(String relation) {
		LockMode strongest = null;
		for (Map.Entry<TracedRelation, LockMode> entry : this.strongestLocks.entrySet()) {
			if (entry.getKey().matches(relation)) {
				strongest = entry.getValue().max(strongest);
			}
		}
		return strongest;
	}

	/**
	 * Returns whether the statement itself took a lock of the given mode on a relation.
	 * @param relation {@code name} or {@code schema.name}
	 * @param mode the mode
	 * @return whether a new granted lock of that mode was seen
	 */
	public boolean took(String relation, LockMode mode) {
		return this.newLocks.stream()
			.anyMatch((lock) -> lock.granted() && lock.mode() == mode && lock.relation().matches(relation));
	}

	/**
	 * Returns whether the statement replaced the storage of a relation.
	 * @param relation {@code name} or {@code schema.name}
	 * @return whether it was rewritten or rebuilt
	 */
	public boolean rewrote(String relation) {
		return this.rewrites.stream().anyMatch((rewrite) -> rewrite.relation().matches(relation));
	}

	/**
	 * Returns the scan counts of a table.
	 * @param table {@code name} or {@code schema.name}
	 * @return the counts, all zero when the statement did not read the table
	 */
	public TableScan scanOf(String table) {
		return this.scans.stream()
			.filter((scan) -> scan.table().matches(table))
			.findFirst()
			.orElse(new TableScan(new TracedRelation(0, "", table, 'r'), 0, 0, 0));
	}

	/**
	 * Returns a one-line account of the statement.
	 * @return the summary
	 */
	public String summary() {
		StringBuilder summary = new StringBuilder("#" + this.index + " " + this.duration.toMillis() + " ms");
		if (!this.inTransaction) {
			summary.append(" (no transaction)");
		}
		Map<TracedRelation, LockMode> taken = new LinkedHashMap<>();
		this.newLocks.stream()
			.filter(RelationLock::granted)
			.forEach((lock) -> taken.merge(lock.relation(), lock.mode(), LockMode::max));
		taken.forEach((relation, mode) -> summary.append("; takes ").append(mode.sqlName()).append(" on ")
			.append(relation));
		this.rewrites.forEach((rewrite) -> summary.append("; ").append(rewrite));
		this.scans.stream().filter(TableScan::isFullScan).forEach((scan) -> summary.append("; seq scan of ")
			.append(scan.table()).append(" (").append(scan.seqTuplesRead()).append(" rows)"));
		if (this.error != null) {
			summary.append("; FAILED: ").append(this.error);
		}
		return summary.toString();
	}

}
