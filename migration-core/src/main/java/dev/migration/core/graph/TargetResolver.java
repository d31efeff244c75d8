package dev.migration.core.graph;

import java.util.Set;
import java.util.stream.Collectors;

import dev.migration.core.graph.Target.Below;
import dev.migration.core.graph.Target.Revisions;
import dev.migration.core.graph.TargetExpression.Base;
import dev.migration.core.graph.TargetExpression.BranchBase;
import dev.migration.core.graph.TargetExpression.BranchHead;
import dev.migration.core.graph.TargetExpression.FromBranch;
import dev.migration.core.graph.TargetExpression.FromCurrent;
import dev.migration.core.graph.TargetExpression.FromRevision;
import dev.migration.core.graph.TargetExpression.Head;
import dev.migration.core.graph.TargetExpression.Heads;
import dev.migration.core.graph.TargetExpression.Named;

/**
 * Resolves one parsed target against a graph and the revisions the database has applied.
 *
 * <p>A branch is the revision its label (or id) names and everything that revises it,
 * directly or not; depends-on links do not extend a branch. Relative steps walk along revises
 * links only and refuse to guess at a branch point (walking up) or a merge point (walking
 * down).
 */
final class TargetResolver {

	private final RevisionGraph graph;

	private final Set<String> applied;

	private final String text;

	TargetResolver(RevisionGraph graph, Set<String> applied, String text) {
		this.graph = graph;
		this.applied = applied;
		this.text = text;
	}

	Target resolve(TargetExpression expression) {
		if (expression instanceof Heads) {
			return new Revisions(this.graph.heads());
		}
		if (expression instanceof Head) {
			return new Revisions(head());
		}
		if (expression instanceof Base) {
			return new Below(this.graph.bases(), Set.of());
		}
		if (expression instanceof Named named) {
			return new Revisions(Set.of(this.graph.reference(named.reference())));
		}
		if (expression instanceof BranchHead branchHead) {
			return new Revisions(Set.of(branchHead(branchHead.branch())));
		}
		if (expression instanceof BranchBase branchBase) {
			return below(this.graph.get(this.graph.reference(branchBase.branch())));
		}
		if (expression instanceof FromRevision fromRevision) {
			return walk(this.graph.reference(fromRevision.reference()), fromRevision.steps(), null);
		}
		if (expression instanceof FromCurrent fromCurrent) {
			return walk(current(), fromCurrent.steps(), null);
		}
		FromBranch fromBranch = (FromBranch) expression;
		Branch branch = new Branch(fromBranch.branch(), this.graph.reference(fromBranch.branch()));
		return walk(branchCurrent(branch), fromBranch.steps(), branch);
	}

	private Set<String> head() {
		Set<String> heads = this.graph.heads();
		if (heads.size() > 1) {
			throw MultipleHeadsException.forHead(heads);
		}
		return heads;
	}

	private String branchHead(String branch) {
		Set<String> heads = this.graph.ordered(this.graph.lineage(this.graph.reference(branch)).stream()
				.filter((id) -> this.graph.children(id).isEmpty()));
		if (heads.size() > 1) {
			throw MultipleHeadsException.forBranchHead(this.text, branch, heads);
		}
		return heads.iterator().next();
	}

	private String current() {
		Set<String> current = this.graph.currentOf(this.applied);
		if (current.size() > 1) {
			throw MultipleHeadsException.forRelative(this.text, current);
		}
		return current.isEmpty() ? null : current.iterator().next();
	}

	private String branchCurrent(Branch branch) {
		Set<String> appliedInBranch = this.graph.lineage(branch.root()).stream().filter(this.applied::contains)
				.collect(Collectors.toSet());
		Set<String> current = this.graph.ordered(appliedInBranch.stream()
				.filter((id) -> this.graph.children(id).stream().noneMatch(appliedInBranch::contains)));
		if (current.size() > 1) {
			throw MultipleHeadsException.forBranchRelative(this.text, branch.name(), current);
		}
		return current.isEmpty() ? null : current.iterator().next();
	}

	/**
	 * Walks {@code steps} revisions from {@code start} ({@code null} for the bottom), never
	 * below the root of {@code branch} when one is given.
	 */
	private Target walk(String start, int steps, Branch branch) {
		return (steps > 0) ? new Revisions(Set.of(climb(start, steps, branch))) : descend(start, -steps, branch);
	}

	private String climb(String start, int steps, Branch branch) {
		String position = start;
		for (int climbed = 0; climbed < steps; climbed++) {
			Set<String> next = (position != null) ? this.graph.children(position)
					: (branch != null) ? Set.of(branch.root()) : this.graph.bases();
			if (next.isEmpty()) {
				String from = (start != null) ? RevisionGraphException.quoted(start) : floor(branch);
				throw UnreachableTargetException.pastHead(this.text, steps, from, position, climbed,
						(branch != null) ? branch.name() + "@head" : "heads");
			}
			if (next.size() > 1) {
				throw (position != null) ? AmbiguousRevisionException.branchPoint(this.text, position, next)
						: AmbiguousRevisionException.severalBases(this.text, next);
			}
			position = next.iterator().next();
		}
		return position;
	}

	/**
	 * Walks down: the first step leaves {@code start}, each further step leaves its one
	 * parent, and the result is just below the last revision left.
	 */
	private Target descend(String start, int steps, Branch branch) {
		if (start == null) {
			throw UnreachableTargetException.pastBase(this.text, steps, null, 0, floor(branch), floorTarget(branch));
		}
		RevisionNode position = this.graph.get(start);
		for (int left = 1; left < steps; left++) {
			if (position.isBase() || (branch != null && position.id().equals(branch.root()))) {
				throw UnreachableTargetException.pastBase(this.text, steps, start, left, floor(branch),
						floorTarget(branch));
			}
			if (position.isMergePoint()) {
				throw AmbiguousRevisionException.mergePoint(this.text, position.id(),
						this.graph.ordered(position.downRevisions().stream()));
			}
			position = this.graph.get(position.downRevisions().get(0));
		}
		return below(position);
	}

	private Below below(RevisionNode root) {
		return new Below(Set.of(root.id()), this.graph.ordered(root.downRevisions().stream()));
	}

	private static String floor(Branch branch) {
		return (branch != null) ? "the base of branch " + RevisionGraphException.quoted(branch.name()) : "base";
	}

	private static String floorTarget(Branch branch) {
		return (branch != null) ? branch.name() + "@base" : "base";
	}

	/** A branch as the target names it, and the revision it starts at. */
	private record Branch(String name, String root) {
	}

}
