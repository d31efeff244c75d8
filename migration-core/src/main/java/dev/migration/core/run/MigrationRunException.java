package dev.migration.core.run;

import java.util.List;

import dev.migration.core.MigrationException;
import dev.migration.core.history.Action;

/** Thrown when a run stops at a failed step; says which steps completed before it. */
public class MigrationRunException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final transient List<AppliedStep> completed;

	MigrationRunException(Action action, List<AppliedStep> completed, int planned, MigrationException cause) {
		super("The " + action.value() + " stopped after " + completed.size() + " of " + planned + " revision(s)"
				+ (completed.isEmpty() ? "" : " (completed: " + completed.stream().map(AppliedStep::revision).toList() + ")")
				+ ". " + cause.getMessage(), cause);
		this.completed = List.copyOf(completed);
	}

	/**
	 * Returns the steps that completed, and stay applied, before the failure.
	 * @return the completed steps
	 */
	public List<AppliedStep> completed() {
		return this.completed;
	}

}
