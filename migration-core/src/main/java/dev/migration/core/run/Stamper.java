package dev.migration.core.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.execute.Direction;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.history.Action;
import dev.migration.core.history.HistoryStatements;
import dev.migration.core.history.ProgressStatements;
import dev.migration.core.history.Outcome;
import dev.migration.core.history.StepRecord;
import dev.migration.core.run.ChecksumMismatchException.ChecksumMismatch;
import dev.migration.core.sink.StatementSink;

/**
 * Sets the state to exactly a target without running migrations, in one transaction: marks
 * what the target needs as applied and what it does not as reverted, each logged as a stamp.
 */
final class Stamper {

	private static final Logger logger = LoggerFactory.getLogger(Stamper.class);

	private final MigrationCatalog catalog;

	private final HistoryStatements history;

	private final ProgressStatements progress;

	private final StatementSink sink;

	private final Function<DeclaredRevision, String> checksums;

	Stamper(MigrationCatalog catalog, HistoryStatements history, ProgressStatements progress, StatementSink sink,
			Function<DeclaredRevision, String> checksums) {
		this.catalog = catalog;
		this.history = history;
		this.progress = progress;
		this.sink = sink;
		this.checksums = checksums;
	}

	RunResult stamp(DatabaseState state, String target, long start) {
		Set<String> wanted = new LinkedHashSet<>();
		for (String id : this.catalog.graph().resolve(target, state.current())) {
			wanted.add(id);
			wanted.addAll(this.catalog.graph().ancestors(id));
		}
		RunResult result = markExactly(state, wanted, List.of(), true, start);
		logger.info("Stamped {} -> {}: {} revision(s) marked, nothing run", Migrator.describe(state.current()),
				Migrator.describe(result.after()), result.steps().size());
		return result;
	}

	/**
	 * Marks the given revisions and their ancestors applied, in one transaction, reverting
	 * nothing: how a database migrated by another tool is adopted.
	 * @param state the current state
	 * @param applied the revisions the database has
	 * @param start when the run started
	 * @return what was marked
	 */
	RunResult markApplied(DatabaseState state, Set<String> applied, long start) {
		Set<String> wanted = new LinkedHashSet<>();
		applied.stream().filter((id) -> !this.catalog.isRepeatable(id)).forEach((id) -> {
			wanted.add(id);
			wanted.addAll(this.catalog.graph().ancestors(id));
		});
		List<String> repeatables = applied.stream().filter(this.catalog::isRepeatable).toList();
		return markExactly(state, wanted, repeatables, false, start);
	}

	/**
	 * Records each squash that counts as applied in place of the revisions it replaced, in one
	 * transaction: their state rows go, the squash's comes, logged as a stamp; runs nothing.
	 * @param state the state, naming the squashes to record
	 * @param start when the run started
	 * @return a step per squash recorded
	 */
	RunResult recordSquashes(DatabaseState state, long start) {
		List<AppliedStep> steps = new ArrayList<>();
		this.sink.begin();
		try {
			for (String squash : state.squashesToRecord()) {
				List<String> replaced = state.replacedBy(this.catalog, squash);
				replaced.forEach((id) -> this.sink.execute(this.history.forgetReplaced(id)));
				steps.add(mark(squash, Direction.UPGRADE));
				logger.info("Recorded squash {} as applied in place of the {} revision(s) it replaces, nothing run",
						squash, replaced.size());
			}
			this.sink.commit();
		}
		catch (RuntimeException ex) {
			this.sink.rollback();
			throw ex;
		}
		return new RunResult(Action.STAMP, state.current(), state.current(), steps, Migrator.millisSince(start));
	}

	/**
	 * Records the code's checksum for each changed revision, in one transaction, marking and
	 * running nothing else: how an intended change to an applied revision is accepted.
	 * @param state the current state
	 * @param changed the revisions whose code changed since they ran
	 * @param start when the run started
	 * @return a step per revision whose checksum was recorded
	 */
	RunResult acceptChecksums(DatabaseState state, List<ChecksumMismatch> changed, long start) {
		List<AppliedStep> steps = new ArrayList<>();
		this.sink.begin();
		try {
			for (ChecksumMismatch mismatch : changed) {
				DeclaredRevision revision = this.catalog.get(mismatch.revision());
				StepRecord record = new StepRecord(revision.id(), revision.message(), Action.STAMP, Action.UPGRADE,
						Outcome.SUCCESS, mismatch.code(), Hosts.name(), 0L, 0, 0, null);
				this.history.recordChecksum(record).forEach(this.sink::execute);
				steps.add(new AppliedStep(revision.id(), revision.message(), Direction.UPGRADE, 0, 0, 0, true));
			}
			this.sink.commit();
		}
		catch (RuntimeException ex) {
			this.sink.rollback();
			throw ex;
		}
		logger.info("Recorded the code's checksum of {} revision(s), nothing run: {}", steps.size(),
				changed.stream().map(ChecksumMismatch::revision).toList());
		return new RunResult(Action.STAMP, state.current(), state.current(), steps, Migrator.millisSince(start));
	}

	/**
	 * Marks what is wanted applied, the repeatable revisions given as run with their current
	 * checksum, and, when asked, what is not wanted reverted, in one transaction.
	 */
	private RunResult markExactly(DatabaseState state, Set<String> wanted, List<String> repeatables,
			boolean revertOthers, long start) {
		List<RevisionNode> order = this.catalog.graph().topologicalOrder();
		List<AppliedStep> steps = new ArrayList<>();
		this.sink.begin();
		try {
			for (RevisionNode node : order) {
				if (wanted.contains(node.id()) && !state.known().contains(node.id())) {
					steps.add(mark(node.id(), Direction.UPGRADE));
				}
			}
			List<RevisionNode> newestFirst = new ArrayList<>(order);
			Collections.reverse(newestFirst);
			for (RevisionNode node : newestFirst) {
				if (revertOthers && !wanted.contains(node.id()) && state.known().contains(node.id())) {
					steps.add(mark(node.id(), Direction.DOWNGRADE));
				}
			}
			for (String id : repeatables) {
				steps.add(mark(id, Direction.UPGRADE));
			}
			this.sink.commit();
		}
		catch (RuntimeException ex) {
			this.sink.rollback();
			throw ex;
		}
		Set<String> after = this.catalog.graph().currentOf(wanted);
		return new RunResult(Action.STAMP, state.current(), after, steps, Migrator.millisSince(start));
	}

	private AppliedStep mark(String id, Direction direction) {
		DeclaredRevision revision = this.catalog.get(id);
		StepRecord record = new StepRecord(id, revision.message(), Action.STAMP,
				(direction == Direction.UPGRADE) ? Action.UPGRADE : Action.DOWNGRADE, Outcome.SUCCESS,
				this.checksums.apply(revision), Hosts.name(), 0L, 0, 0, null);
		HistoryRecords.statements(this.history, record, revision, direction).forEach(this.sink::execute);
		// a revision stamped after a half-done attempt was finished or undone by hand: that attempt's record is void
		this.sink.execute(this.progress.clear(id));
		return new AppliedStep(id, revision.message(), direction, 0, 0, 0, true);
	}

}
