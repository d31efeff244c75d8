package dev.migration.core.scaffold;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.sql.SqlScriptLocations;

/**
 * Where the application reads its SQL files ({@code migrations.locations} and
 * {@code migrations.ignore-files}), and the project folders those locations are built from:
 * {@code classpath:db/migration} is {@code src/main/resources/db/migration}; a
 * {@code filesystem:} or {@code file:} location is the folder it names, relative to the
 * working directory as when the application reads it.
 *
 * @param locations {@code migrations.locations}, in order
 * @param ignoredFiles {@code migrations.ignore-files}
 */
public record SqlLocations(List<String> locations, List<String> ignoredFiles) {

	private static final String CLASSPATH = "classpath:";

	private static final String FILESYSTEM = "filesystem:";

	private static final String FILE = "file:";

	public SqlLocations {
		locations = List.copyOf(Objects.requireNonNull(locations, "locations"));
		ignoredFiles = List.copyOf(Objects.requireNonNull(ignoredFiles, "ignoredFiles"));
	}

	/**
	 * Returns the default: {@code classpath:db/migration}, nothing ignored.
	 * @return the default locations
	 */
	public static SqlLocations defaults() {
		return new SqlLocations(List.of(SqlScriptLocations.DEFAULT_LOCATION), List.of());
	}

	/**
	 * Returns the project folder a location reads.
	 * @param location a location, such as {@code classpath:db/migration}
	 * @param project the project
	 * @return the folder, or empty for a location of another kind
	 */
	static Optional<Path> folder(String location, ProjectDirectory project) {
		String entry = location.strip();
		if (entry.startsWith(FILESYSTEM) || entry.startsWith(FILE)) {
			return Optional.of(Path.of(entry.substring(entry.indexOf(':') + 1)).toAbsolutePath().normalize());
		}
		if (entry.startsWith(CLASSPATH) || !entry.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
			String path = entry.startsWith(CLASSPATH) ? entry.substring(CLASSPATH.length()) : entry;
			return Optional.of(project.resources().resolve(path.replaceFirst("^/+", "")).normalize());
		}
		return Optional.empty();
	}

	/**
	 * Returns the folder of the first location the project has a folder for.
	 * @param project the project
	 * @return the folder, {@code src/main/resources/db/migration} when no location maps to one
	 */
	Path firstFolder(ProjectDirectory project) {
		return this.locations.stream()
			.map((location) -> folder(location, project))
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(project.resources().resolve("db/migration"));
	}

	/**
	 * Returns the project folder of a file the built application read, such as
	 * {@code src/main/resources/db/migration/2026} for
	 * {@code classpath:db/migration/2026/V7__x.sql}.
	 * @param loaded the location the application gave the file
	 * @param project the project
	 * @return the folder, or empty when no location reads it
	 */
	Optional<Path> folderOf(String loaded, ProjectDirectory project) {
		for (String location : this.locations) {
			// the application gives the files of a file: location as filesystem: ones
			String entry = location.strip();
			String prefix = (entry.startsWith(FILE) ? FILESYSTEM + entry.substring(FILE.length()) : entry) + "/";
			Optional<Path> folder = folder(location, project);
			if (loaded.startsWith(prefix) && folder.isPresent()) {
				return Optional.ofNullable(folder.get().resolve(loaded.substring(prefix.length())).getParent());
			}
		}
		return Optional.empty();
	}

}
