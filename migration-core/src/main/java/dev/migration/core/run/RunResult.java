package dev.migration.core.run;

import java.util.List;
import java.util.Set;

import dev.migration.core.history.Action;
import dev.migration.core.run.RunPlan.Waiting;

/**
 * What a run did.
 *
 * @param action upgrade, downgrade or stamp
 * @param before the current revisions before the run
 * @param after the current revisions after it
 * @param steps the steps it completed, in order
 * @param durationMs how long the run took, waiting for the lock included
 * @param waiting the pending revisions the run left for a later stage or a release
 */
public record RunResult(Action action, Set<String> before, Set<String> after, List<AppliedStep> steps,
		long durationMs, List<Waiting> waiting) {

	public RunResult {
		before = Set.copyOf(before);
		after = Set.copyOf(after);
		steps = List.copyOf(steps);
		waiting = List.copyOf(waiting);
	}

	/**
	 * Creates the result of a run that left nothing waiting.
	 * @param action upgrade, downgrade or stamp
	 * @param before the current revisions before the run
	 * @param after the current revisions after it
	 * @param steps the steps it completed, in order
	 * @param durationMs how long the run took
	 */
	public RunResult(Action action, Set<String> before, Set<String> after, List<AppliedStep> steps,
			long durationMs) {
		this(action, before, after, steps, durationMs, List.of());
	}

	/**
	 * Returns whether the run changed nothing.
	 * @return whether no step ran
	 */
	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

}
