package dev.migration.core.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A statement's trace before its transaction ends, when the time its blocking locks were held
 * becomes known.
 */
final class PendingTrace {

	private final StatementTrace partial;

	private final List<PendingHold> holds = new ArrayList<>();

	PendingTrace(StatementTrace partial) {
		this.partial = partial;
	}

	void hold(TracedRelation relation, LockMode mode, long sinceNanos, boolean existedBefore) {
		this.holds.add(new PendingHold(relation, mode, sinceNanos, existedBefore));
	}

	/**
	 * Completes the trace once the transaction has ended.
	 * @param endNanos when the commit or rollback returned, by {@link System#nanoTime()}
	 * @return the trace
	 */
	StatementTrace finish(long endNanos) {
		List<LockHold> held = this.holds.stream()
			.map((hold) -> new LockHold(hold.relation(), hold.mode(), Duration.ofNanos(endNanos - hold.sinceNanos()),
					hold.existedBefore()))
			.toList();
		StatementTrace p = this.partial;
		return new StatementTrace(p.index(), p.sql(), p.transaction(), p.inTransaction(), p.duration(), p.newLocks(),
				p.strongestLocks(), p.catalogLocks(), p.rewrites(), p.created(), p.dropped(), p.scans(), held, p.rows(),
				p.error());
	}

	/** A blocking lock and when it was first held. */
	private record PendingHold(TracedRelation relation, LockMode mode, long sinceNanos, boolean existedBefore) {
	}

	/**
	 * Returns a trace of a statement that did nothing to trace, such as {@code COMMIT}.
	 * @return the trace
	 */
	static StatementTrace empty(int index, String sql, int transaction, Duration duration) {
		return new StatementTrace(index, sql, transaction, true, duration, List.of(), Map.of(), 0, List.of(), List.of(),
				List.of(), List.of(), List.of(), Map.of(), null);
	}

}
