package dev.migration.core.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migration.core.Migration;
import dev.migration.core.graph.RevisionGraph;
import dev.migration.core.graph.RevisionNode;

/** Every revision the code declares, with the graph they form; immutable. */
public final class MigrationCatalog {

	private final Map<String, DeclaredRevision> revisions;

	private final RevisionGraph graph;

	private MigrationCatalog(Map<String, DeclaredRevision> revisions, RevisionGraph graph) {
		this.revisions = revisions;
		this.graph = graph;
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
		// the graph reports duplicate ids with both revisions named, so build it before the map
		RevisionGraph graph = RevisionGraph.of(declared.stream().map(DeclaredRevision::node).toList());
		Map<String, DeclaredRevision> byId = new LinkedHashMap<>();
		declared.forEach((revision) -> byId.put(revision.id(), revision));
		return new MigrationCatalog(Map.copyOf(byId), graph);
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
		return this.revisions.get(this.graph.get(id).id());
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
