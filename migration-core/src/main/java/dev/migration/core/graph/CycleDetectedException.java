package dev.migration.core.graph;

import java.util.List;

/**
 * Thrown when revisions revise or depend on each other in a loop, so the history has no
 * beginning; {@link #revisions()} is the loop, its first revision repeated at the end.
 */
public class CycleDetectedException extends RevisionGraphException {

	private static final long serialVersionUID = 1L;

	private CycleDetectedException(String message, List<String> cycle) {
		super(message, cycle);
	}

	static CycleDetectedException selfLoop(String revision, boolean dependency) {
		String verb = dependency ? " depends on" : " revises";
		String attribute = dependency ? "dependsOn" : "revises";
		return new CycleDetectedException("Revision " + quoted(revision) + verb + " itself. Remove "
				+ quoted(revision) + " from its own " + attribute + " attribute.", List.of(revision, revision));
	}

	static CycleDetectedException loop(List<String> cycle) {
		return new CycleDetectedException("Revisions form a cycle: " + String.join(" -> ", cycle)
				+ " (each revises or depends on the next). "
				+ "Correct the revises or dependsOn attribute of one of them to break the cycle.", cycle);
	}

}
