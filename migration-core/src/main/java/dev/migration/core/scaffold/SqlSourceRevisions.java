package dev.migration.core.scaffold;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.AntPathMatcher;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.scaffold.KnownRevision.SqlRevision;
import dev.migration.core.sql.SqlCallbacks;
import dev.migration.core.sql.SqlFileName;
import dev.migration.core.sql.SqlMigration;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScript;
import dev.migration.core.sql.SqlScriptLocations;

/**
 * Reads the versioned SQL files of a project's folders, with those of the built application
 * that the folders lack (a library's), and declares them as the application does
 * ({@link SqlRevisions}), so their ids and parents are the ones it will run.
 */
final class SqlSourceRevisions {

	private static final String FILESYSTEM = "filesystem:";

	private SqlSourceRevisions() {
	}

	/**
	 * Reads the SQL revisions.
	 * @param project the project
	 * @param locations where the application reads SQL files
	 * @param catalog the revisions of the built application
	 * @return the versioned files, each with its folder
	 * @throws dev.migration.core.sql.InvalidSqlMigrationException naming the file when a name or
	 * header is wrong, as the application would
	 */
	static List<SqlRevision> read(ProjectDirectory project, SqlLocations locations, MigrationCatalog catalog) {
		Map<String, Path> folders = new HashMap<>();
		List<SqlScript> scripts = new ArrayList<>();
		for (SqlScript script : sourceScripts(project, locations)) {
			scripts.add(script);
			folders.put(script.location(), Path.of(script.location().substring(FILESYSTEM.length())).getParent());
		}
		Set<String> inSources = versionedIds(scripts);
		for (SqlScript script : builtScripts(catalog)) {
			if (!inSources.contains(SqlFileName.parse(script.fileName(), script.location()).revisionId())) {
				scripts.add(script);
				locations.folderOf(script.location(), project)
					.ifPresent((folder) -> folders.put(script.location(), folder));
			}
		}
		List<SqlRevision> revisions = new ArrayList<>();
		for (DeclaredRevision declared : SqlRevisions.declare(scripts)) {
			SqlScript script = ((SqlMigration) declared.migration()).upgrade();
			if (!declared.repeatable()) {
				revisions.add(new SqlRevision(ProjectRevisions.plain(declared.node()), script.fileName(),
						folders.getOrDefault(script.location(), locations.firstFolder(project)), declared.replaces()));
			}
		}
		return List.copyOf(revisions);
	}

	/** The files of each location's project folder, each folder once, callbacks and ignored files left out. */
	private static List<SqlScript> sourceScripts(ProjectDirectory project, SqlLocations locations) {
		Set<Path> folders = new LinkedHashSet<>();
		locations.locations().forEach((location) -> SqlLocations.folder(location, project).ifPresent(folders::add));
		List<SqlScript> scripts = new ArrayList<>();
		for (Path folder : folders) {
			if (Files.isDirectory(folder)) {
				String location = FILESYSTEM + folder;
				SqlScriptLocations.load(List.of(location), SqlSourceRevisions.class.getClassLoader())
					.stream()
					.filter((script) -> !ignored(script.location().substring(location.length() + 1), locations))
					.forEach(scripts::add);
			}
		}
		return SqlCallbacks.split(scripts).migrations();
	}

	/**
	 * As the application leaves a file out; a pattern that matches no file here is no error,
	 * since it may match one of a library.
	 */
	private static boolean ignored(String below, SqlLocations locations) {
		AntPathMatcher matcher = new AntPathMatcher();
		return locations.ignoredFiles().stream().anyMatch((pattern) -> matcher.match(pattern.strip(), below));
	}

	private static List<SqlScript> builtScripts(MigrationCatalog catalog) {
		List<SqlScript> scripts = new ArrayList<>();
		for (RevisionNode node : catalog.graph().topologicalOrder()) {
			if (catalog.get(node.id()).migration() instanceof SqlMigration migration) {
				scripts.add(migration.upgrade());
			}
		}
		return scripts;
	}

	private static Set<String> versionedIds(List<SqlScript> scripts) {
		Set<String> ids = new HashSet<>();
		for (SqlScript script : scripts) {
			SqlFileName name = SqlFileName.parse(script.fileName(), script.location());
			if (name.kind() == SqlFileName.Kind.VERSIONED) {
				ids.add(name.revisionId());
			}
		}
		return ids;
	}

}
