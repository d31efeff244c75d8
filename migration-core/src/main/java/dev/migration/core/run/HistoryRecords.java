package dev.migration.core.run;

import java.util.List;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.dialect.SqlStatement;
import dev.migration.core.execute.Direction;
import dev.migration.core.execute.StepResult;
import dev.migration.core.history.Action;
import dev.migration.core.history.HistoryStatements;
import dev.migration.core.history.Outcome;
import dev.migration.core.history.StepRecord;

/** Turns a finished step into the history statement that records it, online and offline alike. */
final class HistoryRecords {

	private HistoryRecords() {
	}

	static List<SqlStatement> success(HistoryStatements history, StepResult result, String checksum, String host,
			Long durationMs, int retries) {
		Action action = (result.direction() == Direction.UPGRADE) ? Action.UPGRADE : Action.DOWNGRADE;
		StepRecord record = new StepRecord(result.revision().id(), result.revision().message(), action, action,
				Outcome.SUCCESS, checksum, host, durationMs, retries, result.statements() + result.skipped(), null);
		return statements(history, record, result.revision(), result.direction());
	}

	/**
	 * Returns the statements that mark a revision applied or reverted and log it, whether it
	 * ran or was stamped: a repeatable revision's state row is replaced, not added.
	 */
	static List<SqlStatement> statements(HistoryStatements history, StepRecord record, DeclaredRevision revision,
			Direction direction) {
		if (direction == Direction.DOWNGRADE) {
			return history.recordReverted(record);
		}
		return revision.repeatable() ? history.recordRepeated(record) : history.recordApplied(record);
	}

}
