package dev.migration.core.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What PostgreSQL did for one revision, statement by statement.
 *
 * @param revision the revision's name, as the caller gave it
 * @param statements a trace for each statement that ran, in order; after a failed statement
 * none ran
 * @param error why the revision stopped between statements (its code failed, or a statement
 * could not run where it stood), else {@code null}
 */
public record TraceReport(String revision, List<StatementTrace> statements, String error) {

	public TraceReport {
		statements = List.copyOf(statements);
	}

	/**
	 * A report of statements that all ran, or stopped at one that failed.
	 * @param revision the revision's name
	 * @param statements a trace for each statement that ran
	 */
	public TraceReport(String revision, List<StatementTrace> statements) {
		this(revision, statements, null);
	}

	/**
	 * Returns this report with the reason the revision stopped between statements.
	 * @param message the reason
	 * @return the report
	 */
	public TraceReport failing(String message) {
		return new TraceReport(this.revision, this.statements, message);
	}

	/**
	 * Returns whether the revision stopped at an error.
	 * @return whether a statement, or the revision's code, failed
	 */
	public boolean failed() {
		return this.error != null || this.statements.stream().anyMatch(StatementTrace::failed);
	}

	/**
	 * Returns why the revision stopped.
	 * @return the message of the failed statement or of the code, or {@code null}
	 */
	public String failure() {
		return this.statements.stream()
			.filter(StatementTrace::failed)
			.map(StatementTrace::error)
			.findFirst()
			.orElse(this.error);
	}

	/**
	 * Returns every relation whose storage was replaced.
	 * @return the rewrites and index rebuilds, in statement order
	 */
	public List<Rewrite> rewrites() {
		return this.statements.stream().flatMap((statement) -> statement.rewrites().stream()).toList();
	}

	/**
	 * Returns every full scan of a table, those of tables the revision made included.
	 * @return the scans with a sequential scan, in statement order
	 */
	public List<TableScan> fullScans() {
		return this.statements.stream()
			.flatMap((statement) -> statement.scans().stream())
			.filter(TableScan::isFullScan)
			.toList();
	}

	/**
	 * Returns the full scans of tables the revision did not make: a table made by an earlier
	 * statement, or by the scanning one, is scanned while no one else can see it.
	 * @return the scans, in statement order
	 */
	public List<TableScan> fullScansOfExistingTables() {
		Set<Long> made = new HashSet<>();
		List<TableScan> scans = new ArrayList<>();
		for (StatementTrace statement : this.statements) {
			statement.created().forEach((relation) -> made.add(relation.oid()));
			statement.scans()
				.stream()
				.filter((scan) -> scan.isFullScan() && !made.contains(scan.table().oid()))
				.forEach(scans::add);
		}
		return scans;
	}

	/**
	 * Returns the strongest lock the revision held on each user relation.
	 * @return the modes by relation
	 */
	public Map<TracedRelation, LockMode> strongestLocks() {
		Map<TracedRelation, LockMode> strongest = new LinkedHashMap<>();
		this.statements.forEach((statement) -> statement.strongestLocks()
			.forEach((relation, mode) -> strongest.merge(relation, mode, LockMode::max)));
		return strongest;
	}

	/**
	 * Returns the strongest lock the revision held on a relation.
	 * @param relation {@code name} or {@code schema.name}
	 * @return the mode, if any lock was held
	 */
	public Optional<LockMode> strongestLock(String relation) {
		return strongestLocks().entrySet()
			.stream()
			.filter((entry) -> entry.getKey().matches(relation))
			.map(Map.Entry::getValue)
			.reduce(LockMode::max);
	}

	/**
	 * Returns whether the revision held a lock on a relation that keeps plain reads waiting;
	 * locks on a relation made in the same transaction keep no one waiting, since no one else
	 * sees it, and do not count.
	 * @param relation {@code name} or {@code schema.name}
	 * @return whether an ACCESS EXCLUSIVE lock was held
	 */
	public boolean blocksReads(String relation) {
		return readsBlocked(relation).isPresent();
	}

	/**
	 * Returns whether the revision held a lock on a relation that keeps writes waiting; as for
	 * {@link #blocksReads}, relations made in the same transaction do not count.
	 * @param relation {@code name} or {@code schema.name}
	 * @return whether a SHARE lock or a stronger one was held
	 */
	public boolean blocksWrites(String relation) {
		return writesBlocked(relation).isPresent();
	}

	/**
	 * Returns how long reads of a relation would have waited: per transaction from the first
	 * lock blocking them to its end, summed over the transactions.
	 * @param relation {@code name} or {@code schema.name}
	 * @return the time, if any lock blocked reads
	 */
	public Optional<Duration> readsBlocked(String relation) {
		return blocked(relation, LockMode::blocksReads);
	}

	/**
	 * Returns how long writes of a relation would have waited: per transaction from the first
	 * lock blocking them to its end, summed over the transactions.
	 * @param relation {@code name} or {@code schema.name}
	 * @return the time, if any lock blocked writes
	 */
	public Optional<Duration> writesBlocked(String relation) {
		return blocked(relation, LockMode::blocksWrites);
	}

	private Optional<Duration> blocked(String relation, Predicate<LockMode> blocks) {
		// within one transaction the earliest blocking lock is the longest held; transactions add up
		Map<Integer, Duration> longestPerTransaction = this.statements.stream()
			.flatMap((statement) -> statement.holds()
				.stream()
				.filter((hold) -> hold.existedBefore() && hold.relation().matches(relation) && blocks.test(hold.mode()))
				.map((hold) -> Map.entry(statement.transaction(), hold.held())))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
					(a, b) -> (a.compareTo(b) >= 0) ? a : b));
		return longestPerTransaction.values().stream().reduce(Duration::plus);
	}

	/**
	 * Returns a multi-line account of the revision, a line per statement.
	 * @return the summary
	 */
	public String summary() {
		StringBuilder summary = new StringBuilder(this.revision).append('\n');
		this.statements.forEach((statement) -> summary.append("  ").append(statement.summary()).append('\n'));
		if (this.error != null) {
			summary.append("  FAILED: ").append(this.error).append('\n');
		}
		return summary.toString();
	}

}
