package dev.migration.core.execute;

import java.util.List;

import dev.migration.core.dialect.SqlStatement;

/** Supplies the statements that record a finished step, run inside its transaction when it has one. */
@FunctionalInterface
public interface StepRecorder {

	/** Records nothing. */
	StepRecorder NONE = (result) -> List.of();

	/**
	 * Returns the statements that record the step.
	 * @param result what the step did
	 * @return the statements
	 */
	List<SqlStatement> record(StepResult result);

}
