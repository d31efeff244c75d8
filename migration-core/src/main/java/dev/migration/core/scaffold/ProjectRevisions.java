package dev.migration.core.scaffold;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.util.ClassUtils;

import dev.migration.core.Migration;
import dev.migration.core.catalog.InvalidMigrationException;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.graph.RevisionGraph;
import dev.migration.core.graph.RevisionGraphException;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.scaffold.KnownRevision.JavaRevision;
import dev.migration.core.scaffold.KnownRevision.SqlRevision;
import dev.migration.core.sql.MigrationVersion;
import dev.migration.core.sql.SqlFileName;
import dev.migration.core.sql.SqlMigration;

/**
 * Every revision of a project as the scaffold sees it: what its sources declare now, built or
 * not and whatever Spring profile a revision needs, and what the built application adds that
 * they lack, such as a library's revisions.
 */
public final class ProjectRevisions {

	private final ProjectDirectory project;

	private final SqlLocations locations;

	private final Map<String, KnownRevision> byId;

	private final RevisionGraph graph;

	private ProjectRevisions(ProjectDirectory project, SqlLocations locations, List<KnownRevision> revisions) {
		this.project = project;
		this.locations = locations;
		this.graph = graph(project, revisions);
		Map<String, KnownRevision> byId = new LinkedHashMap<>();
		revisions.forEach((revision) -> byId.put(revision.node().id(), revision));
		this.byId = Collections.unmodifiableMap(byId);
	}

	/**
	 * Reads the revisions of a project's sources and of the built application.
	 * @param project the project
	 * @param locations where the application reads SQL files
	 * @param catalog the revisions of the built application
	 * @return the revisions
	 * @throws ScaffoldException naming the file, revision or setting at fault
	 */
	public static ProjectRevisions read(ProjectDirectory project, SqlLocations locations, MigrationCatalog catalog) {
		// the sources first, so that two revision runs without a build between them chain; a
		// revision of the build that they lack may be a library's, or deleted since the build
		List<KnownRevision> revisions = new ArrayList<>(JavaSourceRevisions.read(project.javaSources()));
		revisions.addAll(SqlSourceRevisions.read(project, locations, catalog));
		revisions.addAll(builtJavaRevisions(project, catalog, ids(revisions)));
		return new ProjectRevisions(project, locations, revisions);
	}

	/**
	 * Returns the project.
	 * @return the project
	 */
	public ProjectDirectory project() {
		return this.project;
	}

	/**
	 * Returns the revisions no revision revises.
	 * @return the head ids
	 */
	public Set<String> heads() {
		return this.graph.heads();
	}

	/**
	 * Returns a revision.
	 * @param id its id
	 * @return the revision
	 */
	KnownRevision get(String id) {
		return this.byId.get(id);
	}

	/**
	 * Returns the package of the newest Java revision, one of the sources rather than of a
	 * library: a SQL file's class is the library's own, which the application does not scan.
	 * @return the package, or empty without a Java revision
	 */
	Optional<String> newestJavaPackage() {
		List<RevisionNode> newestFirst = new ArrayList<>(this.graph.topologicalOrder());
		Collections.reverse(newestFirst);
		return newestFirst.stream()
			.map((node) -> this.byId.get(node.id()))
			.filter(JavaRevision.class::isInstance)
			.map(JavaRevision.class::cast)
			.filter((revision) -> !revision.packageName().isEmpty())
			.sorted(Comparator.comparing((JavaRevision revision) -> !revision.inSources()))
			.map(JavaRevision::packageName)
			.findFirst();
	}

	/**
	 * Returns the versioned SQL file of the highest version, which the next one follows.
	 * @return the file, or empty without one
	 */
	Optional<SqlRevision> highestSqlFile() {
		return this.byId.values()
			.stream()
			.filter(SqlRevision.class::isInstance)
			.map(SqlRevision.class::cast)
			.max(Comparator.comparing((SqlRevision revision) -> version(revision.fileName())));
	}

	/**
	 * Returns the folder a SQL file goes into when none is there yet.
	 * @return the folder of the first location
	 */
	Path firstSqlFolder() {
		return this.locations.firstFolder(this.project);
	}

	private static MigrationVersion version(String fileName) {
		return SqlFileName.parse(fileName).version();
	}

	private static List<JavaRevision> builtJavaRevisions(ProjectDirectory project, MigrationCatalog catalog,
			Set<String> declared) {
		List<JavaRevision> built = new ArrayList<>();
		for (RevisionNode node : catalog.graph().topologicalOrder()) {
			Migration migration = catalog.get(node.id()).migration();
			if (!(migration instanceof SqlMigration) && !declared.contains(node.id())
					&& !hasSourceFile(project, ClassUtils.getUserClass(migration))) {
				built.add(new JavaRevision(plain(node), ClassUtils.getPackageName(ClassUtils.getUserClass(migration)),
						false, catalog.get(node.id()).replaces()));
			}
		}
		return built;
	}

	/** The sources say what a class of theirs declares now, even when it no longer declares the built id. */
	private static boolean hasSourceFile(ProjectDirectory project, Class<?> type) {
		Class<?> outer = type;
		while (outer.getEnclosingClass() != null) {
			outer = outer.getEnclosingClass();
		}
		return Files.isRegularFile(project.javaSources().resolve(outer.getName().replace('.', '/') + ".java"));
	}

	/**
	 * Only what the heads depend on: a branch label or depends-on of a built revision may name
	 * one the sources since renamed.
	 * @param node a revision of the catalog
	 * @return its id, parents and message
	 */
	static RevisionNode plain(RevisionNode node) {
		return new RevisionNode(node.id(), node.downRevisions(), Set.of(), Set.of(), node.message());
	}

	private static Set<String> ids(List<? extends KnownRevision> revisions) {
		Set<String> ids = new HashSet<>();
		revisions.forEach((revision) -> ids.add(revision.node().id()));
		return ids;
	}

	/** A squash stands in the graph for what it replaces, as it does when the application runs. */
	private static RevisionGraph graph(ProjectDirectory project, List<KnownRevision> revisions) {
		Map<String, List<String>> replaces = new LinkedHashMap<>();
		revisions.stream().filter((revision) -> !revision.replaces().isEmpty())
			.forEach((revision) -> replaces.put(revision.node().id(), revision.replaces()));
		try {
			return RevisionGraph.of(MigrationCatalog.squashed(revisions.stream().map(KnownRevision::node).toList(),
					replaces));
		}
		catch (InvalidMigrationException ex) {
			throw new ScaffoldException("The squashes of the sources in " + project.root() + " do not stand for "
					+ "whole histories: " + ex.getMessage(), ex);
		}
		catch (RevisionGraphException ex) {
			throw new ScaffoldException("The revisions of the sources in " + project.root()
					+ " and of the built application do not form a history: " + ex.getMessage(), ex);
		}
	}

}
