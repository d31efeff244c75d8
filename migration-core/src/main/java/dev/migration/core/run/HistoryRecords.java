package dev.migration.core.run;

import java.util.List;

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
		StepRecord record = new StepRecord(result.revision().id(), result.revision().message(), action,
				Outcome.SUCCESS, checksum, host, durationMs, retries, result.statements() + result.skipped(), null);
		if (action == Action.DOWNGRADE) {
			return history.recordReverted(record);
		}
		return result.revision().repeatable() ? history.recordRepeated(record) : history.recordApplied(record);
	}

}
