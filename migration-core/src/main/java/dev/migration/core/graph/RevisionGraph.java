package dev.migration.core.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An immutable, validated graph of revisions that answers Alembic's questions: what the heads
 * are, what a target means, and which revisions an upgrade or downgrade runs, in which order.
 *
 * <p>The database's state is its <em>current</em> set: the applied revisions that no applied
 * revision revises (empty at base), so a fully upgraded database is at exactly
 * {@link #heads()}. Everything they revise or depend on, transitively, is applied too. Every
 * ordered result follows {@link #topologicalOrder()}.
 */
public final class RevisionGraph {

	private final Map<String, RevisionNode> revisions;

	private final Map<String, Integer> positions = new HashMap<>();

	private final Map<String, Set<String>> children = new HashMap<>();

	private final Map<String, Set<String>> dependents = new HashMap<>();

	private final Map<String, String> labelOwners;

	private RevisionGraph(List<RevisionNode> ordered, Map<String, String> labelOwners) {
		this.revisions = new LinkedHashMap<>();
		for (RevisionNode revision : ordered) {
			this.positions.put(revision.id(), this.revisions.size());
			this.revisions.put(revision.id(), revision);
			revision.downRevisions().forEach((parent) -> followersOf(this.children, parent).add(revision.id()));
			revision.dependsOn().forEach((parent) -> followersOf(this.dependents, parent).add(revision.id()));
		}
		this.labelOwners = Map.copyOf(labelOwners);
	}

	private static Set<String> followersOf(Map<String, Set<String>> followers, String id) {
		// filled in topological order, so each set is already ordered
		return followers.computeIfAbsent(id, (key) -> new LinkedHashSet<>());
	}

	/**
	 * Validates the revisions and builds their graph.
	 * @param revisions every revision, in any order
	 * @return the graph
	 * @throws DuplicateRevisionException if two revisions share an id
	 * @throws MissingRevisionException if a revision revises or depends on an unknown id
	 * @throws DuplicateBranchLabelException if a label is declared twice or equals an id
	 * @throws CycleDetectedException if revisions revise or depend on each other in a loop
	 */
	public static RevisionGraph of(Collection<RevisionNode> revisions) {
		Map<String, RevisionNode> byId = GraphValidation.byId(revisions);
		GraphValidation.checkReferences(byId);
		Map<String, String> labelOwners = GraphValidation.labelOwners(byId);
		return new RevisionGraph(GraphValidation.topologicalOrder(byId), labelOwners);
	}

	/**
	 * Returns every revision, each after everything it revises or depends on; among
	 * revisions whose parents are all placed, the smallest id (by {@link String#compareTo})
	 * comes first, so the order does not depend on discovery order.
	 * @return the revisions, parents first
	 */
	public List<RevisionNode> topologicalOrder() {
		return List.copyOf(this.revisions.values());
	}

	/**
	 * Returns the revisions that no revision revises. A revision that is only depended on
	 * is still a head of its own branch.
	 * @return the head ids
	 */
	public Set<String> heads() {
		return ordered(this.revisions.keySet().stream().filter((id) -> children(id).isEmpty()));
	}

	/**
	 * Returns the revisions that revise nothing.
	 * @return the base ids
	 */
	public Set<String> bases() {
		return ordered(this.revisions.values().stream().filter(RevisionNode::isBase).map(RevisionNode::id));
	}

	/**
	 * Returns the revisions that two or more revisions revise.
	 * @return the branch point ids
	 */
	public Set<String> branchPoints() {
		return ordered(this.revisions.keySet().stream().filter((id) -> children(id).size() > 1));
	}

	/**
	 * Returns the revisions that revise two or more revisions.
	 * @return the merge point ids
	 */
	public Set<String> mergePoints() {
		return ordered(this.revisions.values().stream().filter(RevisionNode::isMergePoint).map(RevisionNode::id));
	}

	/**
	 * Returns the revision with the given id.
	 * @param id the exact revision id
	 * @return the revision
	 * @throws UnknownRevisionException if no revision has that id
	 */
	public RevisionNode get(String id) {
		return find(id).orElseThrow(() -> UnknownRevisionException.notDeclared(id));
	}

	/**
	 * Returns the revision with the given id, if there is one.
	 * @param id the exact revision id
	 * @return the revision, or empty
	 */
	public Optional<RevisionNode> find(String id) {
		return Optional.ofNullable(this.revisions.get(id));
	}

	/**
	 * Returns everything the revision revises or depends on, transitively.
	 * @param id the revision id
	 * @return the ancestor ids, not including {@code id}
	 */
	public Set<String> ancestors(String id) {
		return closure(List.of(get(id).id()), this::parents, false);
	}

	/**
	 * Returns everything that revises or depends on the revision, transitively.
	 * @param id the revision id
	 * @return the descendant ids, not including {@code id}
	 */
	public Set<String> descendants(String id) {
		return closure(List.of(get(id).id()), this::followers, false);
	}

	/**
	 * Returns every revision applied in a database whose current set is {@code current}.
	 * @param current the database's current revisions; empty at base
	 * @return the applied ids
	 * @throws UnknownRevisionException if the database records a revision no migration declares
	 */
	public Set<String> applied(Set<String> current) {
		Objects.requireNonNull(current, "current must not be null; use an empty set for base");
		current.forEach((id) -> {
			if (!this.revisions.containsKey(id)) {
				throw UnknownRevisionException.inDatabase(id);
			}
		});
		return closure(current, this::parents, true);
	}

	/**
	 * Returns the current set that stands for {@code applied}: the applied revisions that no
	 * applied revision revises. As in Alembic, a revision that is only depended on stays in
	 * the set, so each branch shows where it stands. A runner stores it after each step.
	 * @param applied applied revision ids, including everything they revise or depend on
	 * @return the current ids; empty when nothing is applied
	 */
	public Set<String> currentOf(Set<String> applied) {
		for (String id : applied) {
			String missing = parents(id).stream().filter((parent) -> !applied.contains(parent)).findFirst()
					.orElse(null);
			if (missing != null) {
				throw new IllegalArgumentException("Applied revisions must include their ancestors, but '" + id
						+ "' is applied without '" + missing + "'");
			}
		}
		return ordered(applied.stream().filter((id) -> children(id).stream().noneMatch(applied::contains)));
	}

	/**
	 * Resolves a target to the revisions it names. Forms: {@code heads}; {@code head} (the
	 * one head); {@code base} (empty); a revision id, unique id prefix or branch label (the
	 * revision carrying the label); {@code label@head}; {@code label@base} (what the
	 * labelled revision revises); {@code +N} / {@code -N} from the one current revision;
	 * {@code label@+N} / {@code label@-N} from the branch's current revision; {@code rev+N} /
	 * {@code rev-N}. Steps follow revises links only. Where a label is expected, an id or
	 * prefix works too, naming the branch that starts at that revision.
	 * @param target the target; surrounding whitespace is ignored
	 * @param current the database's current revisions; empty at base
	 * @return the named revision ids, empty for base
	 */
	public Set<String> resolve(String target, Set<String> current) {
		TargetExpression expression = parse(target);
		return resolver(applied(current), target).resolve(expression).revisions();
	}

	/**
	 * Returns the revisions an upgrade to {@code target} applies: everything the target's
	 * revisions are or revise or depend on that is not applied yet, parents first. A target
	 * that is already applied needs nothing, so the path is empty.
	 * @param current the database's current revisions; empty at base
	 * @param target the target, as for {@link #resolve(String, Set)}
	 * @return the revisions to upgrade, in order
	 * @throws UnreachableTargetException if the target steps down from the current revision
	 */
	public List<RevisionNode> upgradePath(Set<String> current, String target) {
		Set<String> applied = applied(current);
		TargetExpression expression = parse(target);
		if (expression.stepsFromCurrent() < 0) {
			throw UnreachableTargetException.upgradeMovingDown(target.strip());
		}
		Set<String> reached = closure(resolver(applied, target).resolve(expression).revisions(), this::parents,
				true);
		return revisionsOf(reached.stream().filter((id) -> !applied.contains(id)));
	}

	/**
	 * Returns the revisions a downgrade to {@code target} removes, children first, so each
	 * goes before what it revises or depends on. As in Alembic, a named revision stays
	 * applied and only what grew from it (revises it or depends on it, transitively) is
	 * removed, so other branches stay; {@code -N} removes the N revisions walked and what grew
	 * from them; {@code base} removes everything and {@code label@base} the whole branch.
	 * @param current the database's current revisions; empty at base
	 * @param target the target, as for {@link #resolve(String, Set)}
	 * @return the revisions to downgrade, in order
	 * @throws UnreachableTargetException if the target is not applied yet, or steps up
	 */
	public List<RevisionNode> downgradePath(Set<String> current, String target) {
		Set<String> applied = applied(current);
		TargetExpression expression = parse(target);
		if (expression.stepsFromCurrent() > 0) {
			throw UnreachableTargetException.downgradeMovingUp(target.strip());
		}
		Target resolved = resolver(applied, target).resolve(expression);
		Set<String> removed = closure(removalRoots(resolved, applied, target), this::followers, true);
		List<RevisionNode> path = revisionsOf(removed.stream().filter(applied::contains));
		Collections.reverse(path);
		return path;
	}

	private Set<String> removalRoots(Target target, Set<String> applied, String text) {
		Set<String> unapplied = ordered(target.revisions().stream().filter((id) -> !applied.contains(id)));
		if (!unapplied.isEmpty()) {
			throw UnreachableTargetException.downgradeToUnapplied(text.strip(), unapplied, currentOf(applied));
		}
		if (target instanceof Target.Below below) {
			return below.roots();
		}
		return ordered(target.revisions().stream().flatMap((id) -> children(id).stream()));
	}

	private TargetExpression parse(String target) {
		return TargetExpression.parse(target, this::isReference);
	}

	private TargetResolver resolver(Set<String> applied, String target) {
		return new TargetResolver(this, applied, target.strip());
	}

	private boolean isReference(String text) {
		return this.labelOwners.containsKey(text)
				|| this.revisions.keySet().stream().anyMatch((id) -> id.startsWith(text));
	}

	/**
	 * Returns the revision an id, a branch label or a unique id prefix names, in that order
	 * of preference.
	 */
	String reference(String reference) {
		if (this.revisions.containsKey(reference)) {
			return reference;
		}
		if (this.labelOwners.containsKey(reference)) {
			return this.labelOwners.get(reference);
		}
		Set<String> candidates = ordered(this.revisions.keySet().stream().filter((id) -> id.startsWith(reference)));
		if (candidates.size() > 1) {
			throw AmbiguousRevisionException.prefix(reference, candidates);
		}
		if (candidates.isEmpty()) {
			throw UnknownRevisionException.inTarget(reference);
		}
		return candidates.iterator().next();
	}

	/** Returns the revisions that revise {@code id}, ignoring depends-on links. */
	Set<String> children(String id) {
		return Collections.unmodifiableSet(this.children.getOrDefault(id, Set.of()));
	}

	/** Returns {@code root} and every revision that revises it, directly or not. */
	Set<String> lineage(String root) {
		return closure(List.of(root), this::children, true);
	}

	/** Returns the ids in topological order, as an unmodifiable set. */
	Set<String> ordered(Stream<String> ids) {
		LinkedHashSet<String> ordered = ids.distinct().sorted(Comparator.comparing(this.positions::get))
				.collect(Collectors.toCollection(LinkedHashSet::new));
		return Collections.unmodifiableSet(ordered);
	}

	private List<RevisionNode> revisionsOf(Stream<String> ids) {
		return ordered(ids).stream().map(this.revisions::get).collect(Collectors.toCollection(ArrayList::new));
	}

	private List<String> parents(String id) {
		return GraphValidation.parents(get(id));
	}

	private Set<String> followers(String id) {
		Set<String> followers = new LinkedHashSet<>(children(id));
		followers.addAll(this.dependents.getOrDefault(id, Set.of()));
		return followers;
	}

	private Set<String> closure(Collection<String> start, Function<String, Collection<String>> step,
			boolean includeStart) {
		Deque<String> pending = new ArrayDeque<>();
		if (includeStart) {
			pending.addAll(start);
		}
		else {
			start.forEach((id) -> pending.addAll(step.apply(id)));
		}
		Set<String> reached = new HashSet<>();
		while (!pending.isEmpty()) {
			String id = pending.pop();
			if (reached.add(id)) {
				pending.addAll(step.apply(id));
			}
		}
		return ordered(reached.stream());
	}

}
