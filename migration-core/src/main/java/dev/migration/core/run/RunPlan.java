package dev.migration.core.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.migration.core.Stage;
import dev.migration.core.catalog.DeclaredRevision;

/**
 * What a run applies now, in order, and for an upgrade the pending revisions that wait for
 * their stage or a release, each with what it waits for.
 *
 * @param now the revisions to apply now, in order
 * @param waiting the revisions that wait, in order
 */
public record RunPlan(List<DeclaredRevision> now, List<Waiting> waiting) {

	public RunPlan {
		now = List.copyOf(now);
		waiting = List.copyOf(waiting);
	}

	/**
	 * Returns a plan that applies the whole path, as a downgrade does.
	 * @param path the revisions in order
	 * @return the plan
	 */
	public static RunPlan all(List<DeclaredRevision> path) {
		return new RunPlan(path, List.of());
	}

	/**
	 * Splits an upgrade path: a revision waits when its stage is out of scope or not
	 * released, or when a revision it revises or depends on waits; a repeatable script also
	 * waits while a revision waits for the background run.
	 * @param path the pending revisions in the order an upgrade applies them, parents first
	 * @param scope the stages this run applies
	 * @param release the released contract revisions
	 * @return the plan
	 */
	public static RunPlan of(List<DeclaredRevision> path, RunScope scope, Release release) {
		List<DeclaredRevision> now = new ArrayList<>();
		Map<String, Waiting> waiting = new LinkedHashMap<>();
		for (DeclaredRevision revision : path) {
			Waiting wait = ownWait(revision, scope, release);
			if (wait == null) {
				wait = inheritedWait(revision, waiting);
			}
			if (wait == null && revision.repeatable()) {
				wait = afterBackground(revision, waiting);
			}
			if (wait != null) {
				waiting.put(revision.id(), wait);
			}
			else {
				now.add(revision);
			}
		}
		return new RunPlan(now, List.copyOf(waiting.values()));
	}

	private static Waiting ownWait(DeclaredRevision revision, RunScope scope, Release release) {
		if (!release.covers(revision)) {
			return new Waiting(revision, Reason.RELEASE, null);
		}
		if (scope == RunScope.STARTUP && revision.stage() != Stage.STARTUP) {
			return new Waiting(revision, Reason.BACKGROUND, null);
		}
		return null;
	}

	private static Waiting inheritedWait(DeclaredRevision revision, Map<String, Waiting> waiting) {
		return Stream.concat(revision.node().downRevisions().stream(), revision.node().dependsOn().stream())
			.filter(waiting::containsKey)
			.findFirst()
			.map((parent) -> new Waiting(revision, Reason.EARLIER_REVISION, parent))
			.orElse(null);
	}

	/**
	 * A repeatable script runs after the versioned revisions, so it waits while one waits for
	 * the background run (which then runs it); not for a release, which may be weeks away.
	 */
	private static Waiting afterBackground(DeclaredRevision revision, Map<String, Waiting> waiting) {
		return waiting.values()
			.stream()
			.filter((wait) -> wait.reason() == Reason.BACKGROUND)
			.findFirst()
			.map((wait) -> new Waiting(revision, Reason.EARLIER_REVISION, wait.revision().id()))
			.orElse(null);
	}

	/**
	 * Returns whether nothing is to apply now.
	 * @return whether {@link #now} is empty
	 */
	public boolean isEmpty() {
		return this.now.isEmpty();
	}

	/** Why a pending revision does not run now. */
	public enum Reason {

		/** A contract revision that no operator has released yet. */
		RELEASE,

		/** A background or released contract revision, left to the run after start-up. */
		BACKGROUND,

		/** It comes after a revision that waits. */
		EARLIER_REVISION

	}

	/**
	 * A pending revision that does not run now.
	 *
	 * @param revision the revision
	 * @param reason why it waits
	 * @param after the waiting revision it comes after, for {@link Reason#EARLIER_REVISION}
	 */
	public record Waiting(DeclaredRevision revision, Reason reason, String after) {

		/**
		 * Returns a short description, such as {@code "awaits release"}.
		 * @return what the revision waits for
		 */
		public String describe() {
			return switch (this.reason) {
				case RELEASE -> "awaits release";
				case BACKGROUND -> "runs in the background once the application is ready";
				case EARLIER_REVISION -> "waits for " + this.after;
			};
		}

	}

}
