package dev.migration.core.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a set of revisions before they become a graph, and orders them parents first.
 *
 * <p>Every check visits revisions in id order, so the first problem reported does not depend
 * on the order in which migrations were discovered.
 */
final class GraphValidation {

	private GraphValidation() {
	}

	static Map<String, RevisionNode> byId(Collection<RevisionNode> revisions) {
		Objects.requireNonNull(revisions, "revisions must not be null");
		Map<String, RevisionNode> byId = new TreeMap<>();
		TreeSet<String> duplicates = new TreeSet<>();
		for (RevisionNode revision : revisions) {
			Objects.requireNonNull(revision, "revisions must not contain null");
			if (byId.putIfAbsent(revision.id(), revision) != null) {
				duplicates.add(revision.id());
			}
		}
		if (!duplicates.isEmpty()) {
			throw new DuplicateRevisionException(duplicates.first());
		}
		return byId;
	}

	static void checkReferences(Map<String, RevisionNode> byId) {
		for (RevisionNode revision : byId.values()) {
			if (revision.downRevisions().contains(revision.id())) {
				throw CycleDetectedException.selfLoop(revision.id(), false);
			}
			if (revision.dependsOn().contains(revision.id())) {
				throw CycleDetectedException.selfLoop(revision.id(), true);
			}
			checkDeclared(byId, revision, revision.downRevisions(), false);
			checkDeclared(byId, revision, revision.dependsOn(), true);
		}
	}

	private static void checkDeclared(Map<String, RevisionNode> byId, RevisionNode revision,
			Collection<String> references, boolean dependency) {
		for (String reference : references) {
			if (!byId.containsKey(reference)) {
				throw new MissingRevisionException(revision.id(), reference, dependency);
			}
		}
	}

	static Map<String, String> labelOwners(Map<String, RevisionNode> byId) {
		Map<String, String> owners = new HashMap<>();
		for (RevisionNode revision : byId.values()) {
			for (String label : revision.branchLabels()) {
				if (byId.containsKey(label)) {
					throw DuplicateBranchLabelException.sameAsRevision(label, revision.id());
				}
				String owner = owners.putIfAbsent(label, revision.id());
				if (owner != null) {
					throw DuplicateBranchLabelException.declaredTwice(label, owner, revision.id());
				}
			}
		}
		return owners;
	}

	/**
	 * Orders revisions so that each comes after everything it revises or depends on; among
	 * revisions whose parents are all placed, the smallest id comes first.
	 */
	static List<RevisionNode> topologicalOrder(Map<String, RevisionNode> byId) {
		Map<String, Integer> waitingOn = new HashMap<>();
		Map<String, List<String>> followers = new HashMap<>();
		PriorityQueue<String> ready = new PriorityQueue<>();
		for (RevisionNode revision : byId.values()) {
			List<String> parents = parents(revision);
			waitingOn.put(revision.id(), parents.size());
			for (String parent : parents) {
				followers.computeIfAbsent(parent, (id) -> new ArrayList<>()).add(revision.id());
			}
			if (parents.isEmpty()) {
				ready.add(revision.id());
			}
		}
		List<RevisionNode> order = new ArrayList<>();
		while (!ready.isEmpty()) {
			String id = ready.poll();
			order.add(byId.get(id));
			for (String follower : followers.getOrDefault(id, List.of())) {
				if (waitingOn.merge(follower, -1, Integer::sum) == 0) {
					ready.add(follower);
				}
			}
		}
		if (order.size() < byId.size()) {
			throw CycleDetectedException.loop(cycle(byId, order));
		}
		return order;
	}

	static List<String> parents(RevisionNode revision) {
		List<String> parents = new ArrayList<>(revision.downRevisions());
		parents.addAll(revision.dependsOn());
		return parents;
	}

	/**
	 * Finds one cycle among the revisions the sort could not place. Each of them still waits
	 * on an unplaced parent, so walking to unplaced parents must come back to itself.
	 */
	private static List<String> cycle(Map<String, RevisionNode> byId, List<RevisionNode> placed) {
		Set<String> unplaced = new HashSet<>(byId.keySet());
		placed.forEach((revision) -> unplaced.remove(revision.id()));
		Map<String, Integer> visited = new LinkedHashMap<>();
		String id = unplaced.stream().min(Comparator.naturalOrder()).orElseThrow();
		while (!visited.containsKey(id)) {
			visited.put(id, visited.size());
			id = parents(byId.get(id)).stream().filter(unplaced::contains).min(Comparator.naturalOrder()).orElseThrow();
		}
		List<String> loop = new ArrayList<>(visited.keySet()).subList(visited.get(id), visited.size());
		return startingAtSmallest(loop);
	}

	private static List<String> startingAtSmallest(List<String> loop) {
		int start = loop.indexOf(loop.stream().min(Comparator.naturalOrder()).orElseThrow());
		List<String> cycle = new ArrayList<>(loop.subList(start, loop.size()));
		cycle.addAll(loop.subList(0, start));
		cycle.add(cycle.get(0));
		return cycle;
	}

}
