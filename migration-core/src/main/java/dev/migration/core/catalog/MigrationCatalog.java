package dev.migration.core.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

	private final Squashes squashes;

	private MigrationCatalog(Map<String, DeclaredRevision> revisions, RevisionGraph graph,
			Map<String, DeclaredRevision> repeatables, Recordings recordings, Squashes squashes) {
		this.revisions = revisions;
		this.graph = graph;
		this.repeatables = repeatables;
		this.recordings = recordings;
		this.squashes = squashes;
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
		List<DeclaredRevision> all = declared.stream().filter((revision) -> !revision.repeatable()).toList();
		Squashes squashes = Squashes.of(all);
		List<DeclaredRevision> chained = squashes.live(all);
		if (chained.size() < all.size()) {
			requireUniqueIds(all);
		}
		// the graph reports duplicate ids with both revisions named, so build it before the map
		RevisionGraph graph = RevisionGraph.of(chained.stream().map(DeclaredRevision::node).toList());
		Map<String, DeclaredRevision> byId = new LinkedHashMap<>();
		chained.forEach((revision) -> byId.put(revision.id(), revision));
		List<DeclaredRevision> repeatables = declared.stream().filter(DeclaredRevision::repeatable)
			.map(squashes::redirected).toList();
		return new MigrationCatalog(Map.copyOf(byId), graph, repeatables(repeatables, graph), new Recordings(),
				squashes);
	}

	/**
	 * Returns the nodes of a graph with its squashes applied, as a catalog builds its graph:
	 * the replaced revisions left out, and parents that name one naming its squash.
	 * @param nodes the revisions, as read without their code (such as from sources)
	 * @param replaces for each squash, the ids it replaces
	 * @return the nodes the graph is built of
	 * @throws InvalidMigrationException when the squashes do not stand for whole histories from base
	 */
	public static List<RevisionNode> squashed(List<RevisionNode> nodes, Map<String, List<String>> replaces) {
		Migration none = (op) -> {
		};
		List<DeclaredRevision> declared = nodes.stream()
			.map((node) -> new DeclaredRevision(node, none, true, Stage.STARTUP, false,
					replaces.getOrDefault(node.id(), List.of())))
			.toList();
		return Squashes.of(declared).live(declared).stream().map(DeclaredRevision::node).toList();
	}

	/** Replaced revisions stay out of the graph, which would otherwise name two of one id. */
	private static void requireUniqueIds(List<DeclaredRevision> revisions) {
		Map<String, DeclaredRevision> byId = new LinkedHashMap<>();
		for (DeclaredRevision revision : revisions) {
			DeclaredRevision other = byId.putIfAbsent(revision.id(), revision);
			if (other != null) {
				throw new InvalidMigrationException("Two revisions have the id " + revision.id() + " ("
						+ other.migration().getClass().getName() + " and " + revision.migration().getClass().getName()
						+ "). Rename one.");
			}
		}
	}

	/**
	 * Returns the squash revision that stands for a revision it replaced.
	 * @param id a revision id
	 * @return the squash's id, or empty when no squash replaces the id
	 */
	public Optional<String> squashOf(String id) {
		return this.squashes.squashOf(id);
	}

	/**
	 * Returns what a database lacks of the history a squash stands for.
	 * @param squash the squash revision's id
	 * @param applied the ids the database has applied
	 * @return the replaced ids it lacks; empty when it has them all, so the squash counts as applied
	 */
	public List<String> missingForSquash(String squash, Set<String> applied) {
		return this.squashes.missing(squash, applied);
	}

	/**
	 * Returns the catalog of the revisions a squash replaced, as long as the code still
	 * declares them: the history the squash must build the same schema as.
	 * @param squash the squash revision's id
	 * @return the replaced revisions, as a catalog of their own
	 * @throws InvalidMigrationException when the id is no squash, or a revision it replaced is
	 * no longer in code
	 */
	public MigrationCatalog replacedBy(String squash) {
		List<String> gone = this.squashes.finalSquash().entrySet().stream()
			.filter((entry) -> entry.getValue().equals(squash) && !this.squashes.inCode().containsKey(entry.getKey()))
			.map(Map.Entry::getKey).toList();
		List<DeclaredRevision> replaced = this.squashes.inCode().values().stream()
			.filter((revision) -> squash.equals(this.squashes.finalSquash().get(revision.id()))).toList();
		if (replaced.isEmpty() || !gone.isEmpty()) {
			throw new InvalidMigrationException("The history squash " + squash + " replaces is not all in code"
					+ (gone.isEmpty() ? " (" + squash + " replaces nothing)" : "; missing: " + gone)
					+ ". Compare the squash with its history while the replaced revisions are still there.");
		}
		return ofDeclared(replaced);
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
		return new MigrationCatalog(this.revisions, this.graph, Map.of(), this.recordings, this.squashes);
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
