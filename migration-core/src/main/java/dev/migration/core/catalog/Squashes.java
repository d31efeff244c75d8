package dev.migration.core.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which revisions squash which: each replaced id mapped to the squash that finally stands for
 * it (a later squash may replace an earlier one), and the replaced revisions still in code,
 * kept apart from the graph for the proof that the squash builds what they built.
 *
 * @param direct each squash the code declares and the ids its {@code replaces} names
 * @param finalSquash each replaced id and the squash in the graph that stands for it
 * @param inCode the replaced revisions the code still declares, by id
 */
record Squashes(Map<String, List<String>> direct, Map<String, String> finalSquash,
		Map<String, DeclaredRevision> inCode) {

	static final Squashes NONE = new Squashes(Map.of(), Map.of(), Map.of());

	Squashes {
		direct = Collections.unmodifiableMap(new LinkedHashMap<>(direct));
		finalSquash = Collections.unmodifiableMap(new LinkedHashMap<>(finalSquash));
		inCode = Collections.unmodifiableMap(new LinkedHashMap<>(inCode));
	}

	/**
	 * Reads the squashes among the revisions of the graph.
	 * @param chained the revisions of the graph, repeatable ones left out
	 * @return the squashes
	 * @throws InvalidMigrationException when two squashes replace one revision, a squash
	 * replaces itself, or a replaced revision's parent is not replaced by the same squash
	 */
	static Squashes of(List<DeclaredRevision> chained) {
		Map<String, String> direct = new LinkedHashMap<>();
		Map<String, List<String>> declared = new LinkedHashMap<>();
		for (DeclaredRevision revision : chained) {
			if (!revision.replaces().isEmpty()) {
				declared.put(revision.id(), revision.replaces());
			}
			for (String replaced : revision.replaces()) {
				String other = direct.putIfAbsent(replaced, revision.id());
				if (other != null) {
					throw new InvalidMigrationException("Revisions " + other + " and " + revision.id() + " both replace "
							+ replaced + "; a revision is squashed once. Remove it from one of them.");
				}
			}
		}
		if (direct.isEmpty()) {
			return NONE;
		}
		Map<String, String> finalSquash = new LinkedHashMap<>();
		direct.keySet().forEach((replaced) -> finalSquash.put(replaced, follow(direct, replaced)));
		Map<String, DeclaredRevision> inCode = new LinkedHashMap<>();
		chained.stream().filter((revision) -> finalSquash.containsKey(revision.id()))
			.forEach((revision) -> inCode.put(revision.id(), revision));
		Squashes squashes = new Squashes(declared, finalSquash, inCode);
		squashes.checkClosed();
		return squashes;
	}

	/** A squash replaced by a later one hands its revisions on to it. */
	private static String follow(Map<String, String> direct, String replaced) {
		Set<String> seen = new LinkedHashSet<>();
		String squash = direct.get(replaced);
		while (direct.containsKey(squash)) {
			if (!seen.add(squash) || squash.equals(replaced)) {
				throw new InvalidMigrationException("Squash revision " + squash + " replaces itself (through "
						+ seen + "); a squash replaces only the revisions before it.");
			}
			squash = direct.get(squash);
		}
		if (squash.equals(replaced)) {
			throw new InvalidMigrationException("Squash revision " + squash + " replaces itself; remove its own id "
					+ "from replaces.");
		}
		return squash;
	}

	/** A squash stands for a history from base: what a replaced revision builds on is replaced with it. */
	private void checkClosed() {
		for (DeclaredRevision revision : this.inCode.values()) {
			String squash = this.finalSquash.get(revision.id());
			for (String parent : revision.node().downRevisions()) {
				if (!squash.equals(this.finalSquash.get(parent))) {
					throw new InvalidMigrationException("Revision " + revision.id() + " is replaced by squash " + squash
							+ ", but its parent " + parent + " is not; a squash stands for the whole history from "
							+ "base up to what it replaces. Add " + parent + " to the replaces of " + squash + ".");
				}
			}
		}
	}

	/**
	 * Returns the revisions of the graph: replaced ones left out, and each parent or
	 * dependency that names a replaced revision naming its squash instead.
	 * @param chained the revisions of the graph, repeatable ones left out
	 * @return the revisions the graph is built of
	 */
	List<DeclaredRevision> live(List<DeclaredRevision> chained) {
		if (this.finalSquash.isEmpty()) {
			return chained;
		}
		List<DeclaredRevision> live = new ArrayList<>();
		for (DeclaredRevision revision : chained) {
			if (!this.finalSquash.containsKey(revision.id())) {
				live.add(revision.withParents(List.copyOf(redirect(revision.node().downRevisions())),
						redirect(revision.node().dependsOn())));
			}
		}
		return live;
	}

	/**
	 * Returns a repeatable revision that depends on a replaced revision depending on its
	 * squash instead.
	 * @param repeatable the repeatable revision
	 * @return it, depending on squashes where it named what they replace
	 */
	DeclaredRevision redirected(DeclaredRevision repeatable) {
		Set<String> dependsOn = redirect(repeatable.node().dependsOn());
		return dependsOn.equals(repeatable.node().dependsOn()) ? repeatable
				: repeatable.withParents(repeatable.node().downRevisions(), dependsOn);
	}

	private Set<String> redirect(Collection<String> ids) {
		Set<String> redirected = new LinkedHashSet<>();
		ids.forEach((id) -> redirected.add(this.finalSquash.getOrDefault(id, id)));
		return redirected;
	}

	/**
	 * Returns the squash in the graph that stands for a replaced revision.
	 * @param id a revision id
	 * @return the squash, or empty when the id is not replaced
	 */
	Optional<String> squashOf(String id) {
		return Optional.ofNullable(this.finalSquash.get(id));
	}

	/**
	 * Returns what a squash replaces that a database lacks: each id its {@code replaces}
	 * names that is neither applied nor a squash whose own revisions are all there.
	 * @param squash the squash's id
	 * @param applied the ids the database has applied
	 * @return the missing ids; empty when the database has the whole history the squash stands for
	 */
	List<String> missing(String squash, Set<String> applied) {
		return this.direct.getOrDefault(squash, List.of()).stream()
			.filter((id) -> !applied.contains(id) && (!this.direct.containsKey(id) || !missing(id, applied).isEmpty()))
			.toList();
	}

}
