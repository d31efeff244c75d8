package dev.migration.core.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.migration.core.Migration;
import dev.migration.core.Stage;
import dev.migration.core.graph.RevisionGraph;
import dev.migration.core.graph.RevisionNode;

/**
 * Every revision the code declares, with the graph they form, and the repeatable scripts
 * that stand beside the graph; immutable.
 */
public final class MigrationCatalog {

	private final Map<String, DeclaredRevision> revisions;

	private final RevisionGraph graph;

	private final Map<String, DeclaredRevision> repeatables;

	private final Recordings recordings;

	private MigrationCatalog(Map<String, DeclaredRevision> revisions, RevisionGraph graph,
			Map<String, DeclaredRevision> repeatables, Recordings recordings) {
		this.revisions = revisions;
		this.graph = graph;
		this.repeatables = repeatables;
		this.recordings = recordings;
	}

	/**
	 * Returns the ops of each revision, recorded once for every use.
	 * @return the recordings
	 */
	public Recordings recordings() {
		return this.recordings;
	}

	/**
	 * Builds the catalog of the given migrations and checks their graph.
	 * @param migrations the migrations, each annotated with {@code @Revision}
	 * @return the catalog
	 */
	public static MigrationCatalog of(Collection<? extends Migration> migrations) {
		return ofDeclared(migrations.stream().map(DeclaredRevision::of).toList());
	}

	/**
	 * Builds the catalog of revisions declared without annotations, such as revisions made
	 * from SQL files or generated ones, and checks their graph.
	 * @param declared the revisions
	 * @return the catalog
	 */
	public static MigrationCatalog ofDeclared(Collection<DeclaredRevision> declared) {
		List<DeclaredRevision> chained = declared.stream().filter((revision) -> !revision.repeatable()).toList();
		// the graph reports duplicate ids with both revisions named, so build it before the map
		RevisionGraph graph = RevisionGraph.of(chained.stream().map(DeclaredRevision::node).toList());
		Map<String, DeclaredRevision> byId = new LinkedHashMap<>();
		chained.forEach((revision) -> byId.put(revision.id(), revision));
		return new MigrationCatalog(Map.copyOf(byId), graph, repeatables(declared, graph), new Recordings());
	}

	/** Repeatable revisions run in the order of their messages (descriptions), as Flyway runs repeatable scripts. */
	private static Map<String, DeclaredRevision> repeatables(Collection<DeclaredRevision> declared,
			RevisionGraph graph) {
		Map<String, DeclaredRevision> byId = new LinkedHashMap<>();
		List<DeclaredRevision> sorted = declared.stream()
			.filter(DeclaredRevision::repeatable)
			.sorted(Comparator.comparing(DeclaredRevision::message).thenComparing(DeclaredRevision::id))
			.toList();
		for (DeclaredRevision repeatable : sorted) {
			if (graph.find(repeatable.id()).isPresent() || byId.put(repeatable.id(), repeatable) != null) {
				throw new InvalidMigrationException("Two revisions have the id " + repeatable.id() + ". Rename one.");
			}
			for (String needed : repeatable.node().dependsOn()) {
				if (graph.find(needed).isEmpty()) {
					throw new InvalidMigrationException("Repeatable revision " + repeatable.id() + " depends on "
							+ needed + ", which no revision declares. Name a revision id, or remove the dependency.");
				}
			}
		}
		return Collections.unmodifiableMap(byId);
	}

	/**
	 * Returns this catalog without its repeatable revisions, such as for walking the graph up
	 * and down.
	 * @return the revisions of the graph only
	 */
	public MigrationCatalog withoutRepeatables() {
		return new MigrationCatalog(this.revisions, this.graph, Map.of(), this.recordings);
	}

	/**
	 * Returns the repeatable revisions, in the order they run.
	 * @return the repeatable revisions
	 */
	public List<DeclaredRevision> repeatables() {
		return List.copyOf(this.repeatables.values());
	}

	/**
	 * Returns whether every revision, repeatable ones included, runs during start-up, so
	 * nothing is ever left to a later run.
	 * @return whether no revision has a later stage
	 */
	public boolean onlyStartUpRevisions() {
		return Stream.concat(this.revisions.values().stream(), this.repeatables.values().stream())
			.allMatch((revision) -> revision.stage() == Stage.STARTUP);
	}

	/**
	 * Returns whether the id is that of a repeatable revision.
	 * @param id the full id
	 * @return whether it is repeatable
	 */
	public boolean isRepeatable(String id) {
		return this.repeatables.containsKey(id);
	}

	/**
	 * Returns whether the catalog declares this id, in the graph or as a repeatable revision.
	 * @param id the full id
	 * @return whether it is declared
	 */
	public boolean declares(String id) {
		return isRepeatable(id) || this.graph.find(id).isPresent();
	}

	/**
	 * Returns the revision graph.
	 * @return the graph
	 */
	public RevisionGraph graph() {
		return this.graph;
	}

	/**
	 * Returns a declared revision by its full id.
	 * @param id the id
	 * @return the revision
	 */
	public DeclaredRevision get(String id) {
		DeclaredRevision repeatable = this.repeatables.get(id);
		return (repeatable != null) ? repeatable : this.revisions.get(this.graph.get(id).id());
	}

	/**
	 * Returns the revisions to apply, in order, to move from {@code current} to {@code target}.
	 * @param current the applied heads
	 * @param target the target, as {@link RevisionGraph#resolve} accepts
	 * @return the revisions, parents first
	 */
	public List<DeclaredRevision> upgradePath(Set<String> current, String target) {
		return declared(this.graph.upgradePath(current, target));
	}

	/**
	 * Returns the revisions to revert, in order, to move from {@code current} down to {@code target}.
	 * @param current the applied heads
	 * @param target the target, as {@link RevisionGraph#resolve} accepts
	 * @return the revisions, children first
	 */
	public List<DeclaredRevision> downgradePath(Set<String> current, String target) {
		return declared(this.graph.downgradePath(current, target));
	}

	private List<DeclaredRevision> declared(List<RevisionNode> nodes) {
		return nodes.stream().map((node) -> this.revisions.get(node.id())).toList();
	}

}
