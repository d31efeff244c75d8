package dev.migration.core.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.migration.core.catalog.DeclaredRevision;

/**
 * One revision's upgrade traced on a scratch database, with the linter's findings held
 * against it.
 *
 * @param revision the revision
 * @param seeded the rows its tables got before it ran
 * @param seededFailure why it failed on seeded rows, when it did and was traced again without
 * them; else {@code null}
 * @param trace what PostgreSQL did
 * @param verdict the linter's findings judged by the trace
 */
public record RevisionTrace(DeclaredRevision revision, SeedReport seeded, String seededFailure,
		TraceReport trace, TraceVerdict verdict) {

	public RevisionTrace {
		Objects.requireNonNull(revision, "revision");
		Objects.requireNonNull(trace, "trace");
		Objects.requireNonNull(verdict, "verdict");
	}

	/**
	 * Returns whether the revision failed on seeded rows and was traced again without them.
	 * @return whether the trace shows it on the rows its own history wrote only
	 */
	public boolean withoutSeededRows() {
		return this.seededFailure != null;
	}

	/**
	 * Returns whether the revision failed on the scratch database, seeded rows or not.
	 * @return whether it stopped at an error
	 */
	public boolean failed() {
		return this.trace.failed();
	}

	/**
	 * Returns each relation that existed before the revision and whose reads or writes its
	 * locks kept waiting, with how long: what the application would have felt.
	 * @return one line per relation, such as {@code public.orders: writes blocked 12 ms}
	 */
	public List<String> blocking() {
		Set<TracedRelation> relations = new LinkedHashSet<>();
		this.trace.statements()
			.forEach((statement) -> statement.holds()
				.stream()
				.filter(LockHold::existedBefore)
				.forEach((hold) -> relations.add(hold.relation())));
		List<String> lines = new ArrayList<>();
		// an index is locked with its table; the table is what the application waits for
		relations.removeIf((relation) -> relation.kind() == 'i' || relation.kind() == 'S');
		for (TracedRelation relation : relations) {
			String name = relation.qualifiedName();
			Duration writes = this.trace.writesBlocked(name).orElse(Duration.ZERO);
			Duration reads = this.trace.readsBlocked(name).orElse(Duration.ZERO);
			lines.add(name + ": writes blocked " + writes.toMillis() + " ms"
					+ (reads.isZero() ? "" : ", reads blocked " + reads.toMillis() + " ms"));
		}
		return lines;
	}

}
