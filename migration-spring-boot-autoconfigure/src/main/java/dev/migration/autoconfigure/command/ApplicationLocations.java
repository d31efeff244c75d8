package dev.migration.autoconfigure.command;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.system.ApplicationHome;
import org.springframework.util.ClassUtils;

import dev.migration.core.Migration;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.sql.SqlMigration;

/**
 * Where the application's classes are, to walk up from to its project: the jar or classes
 * folder of its main class, then those of its Java revisions (an application started from an
 * IDE has no jar naming its main class), then the working directory.
 */
final class ApplicationLocations {

	private ApplicationLocations() {
	}

	/**
	 * Returns the places to start from.
	 * @param catalog the application's revisions
	 * @return the places, each once, in order
	 */
	static List<Path> of(MigrationCatalog catalog) {
		Set<Path> starts = new LinkedHashSet<>();
		add(starts, new ApplicationHome().getSource());
		for (RevisionNode node : catalog.graph().topologicalOrder()) {
			Migration migration = catalog.get(node.id()).migration();
			if (!(migration instanceof SqlMigration)) {
				add(starts, new ApplicationHome(ClassUtils.getUserClass(migration)).getSource());
			}
		}
		starts.add(Path.of("").toAbsolutePath());
		return new ArrayList<>(starts);
	}

	/** A source is unknown in a test, or for a class of the JDK: then there is nothing to add. */
	private static void add(Set<Path> starts, File source) {
		if (source != null) {
			starts.add(source.toPath().toAbsolutePath().normalize());
		}
	}

}
