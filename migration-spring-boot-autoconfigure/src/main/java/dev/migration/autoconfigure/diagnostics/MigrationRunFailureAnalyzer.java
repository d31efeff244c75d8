package dev.migration.autoconfigure.diagnostics;

import dev.migration.core.execute.Fault;
import dev.migration.core.execute.StepFailedException;
import dev.migration.core.run.MigrationRunException;

/**
 * Analyzes a run that stopped at a failed step: the description names the revisions completed,
 * the revision and statement that failed with its SQLSTATE, and what of it was kept; the action
 * depends on whose fault it was (the revision's, a lock held by another session, the
 * connection, the server's resources).
 */
public class MigrationRunFailureAnalyzer extends MigrationFailureAnalyzer<MigrationRunException> {

	@Override
	protected String description(MigrationRunException failure) {
		StepFailedException step = step(failure);
		if (step == null) {
			return super.description(failure);
		}
		String message = failure.getMessage();
		String advice = step.fault().advice();
		// the engine ends the message with the advice of the fault, which is the action here
		return (message.endsWith(advice) ? message.substring(0, message.length() - advice.length()) : message).strip();
	}

	@Override
	protected String action(MigrationRunException failure) {
		StepFailedException step = step(failure);
		if (step == null) {
			return super.action(failure);
		}
		if (step.fault() == Fault.REVISION) {
			return "Fix revision '" + step.revision() + "' (the statement above) and start again; the revisions "
					+ "completed before it stay applied.";
		}
		return step.fault().advice();
	}

	private static StepFailedException step(MigrationRunException failure) {
		return (failure.getCause() instanceof StepFailedException step) ? step : null;
	}

}
