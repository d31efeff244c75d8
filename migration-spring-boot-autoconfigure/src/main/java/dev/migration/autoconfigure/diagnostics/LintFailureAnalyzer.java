package dev.migration.autoconfigure.diagnostics;

import dev.migration.core.lint.LintGate.LintFailedException;

/**
 * Analyzes a run refused by the lint gate: the description keeps the report of each finding
 * (rule, revision, statement and the safe way), which the engine puts after its advice.
 */
public class LintFailureAnalyzer extends MigrationFailureAnalyzer<LintFailedException> {

	@Override
	protected String description(LintFailedException failure) {
		return FailureMessage.of(summary(failure)).description() + "\n" + report(failure);
	}

	@Override
	protected String action(LintFailedException failure) {
		String action = FailureMessage.of(summary(failure)).action();
		return (action != null) ? action : fallbackAction(failure);
	}

	private static String summary(LintFailedException failure) {
		String message = failure.getMessage();
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

	private static String report(LintFailedException failure) {
		String message = failure.getMessage();
		int end = message.indexOf('\n');
		return (end < 0) ? "" : message.substring(end + 1).stripTrailing();
	}

}
