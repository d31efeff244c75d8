package dev.migration.core.scaffold;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The project a new revision is written into: the folder that holds its build file
 * ({@code pom.xml}, {@code build.gradle} or {@code build.gradle.kts}) and {@code src/main}.
 *
 * @param root the project folder, absolute
 */
public record ProjectDirectory(Path root) {

	/** The files that make a folder a project's. */
	public static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts");

	private static final String SETTING = "migrations.scaffold.directory";

	public ProjectDirectory {
		root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
	}

	/**
	 * Returns the folder {@code migrations.scaffold.directory} names.
	 * @param directory the folder, absolute or relative to the working directory
	 * @return the project
	 * @throws ProjectNotFoundException when it is no folder, or names a source folder
	 */
	public static ProjectDirectory of(Path directory) {
		Path folder = directory.toAbsolutePath().normalize();
		if (folder.endsWith(Path.of("src", "main", "java"))) {
			throw new ProjectNotFoundException(SETTING + " is " + directory + ", a source folder, but it names the "
					+ "project folder: set it to " + folder.getParent().getParent().getParent() + ". New Java revisions "
					+ "go into its src/main/java, SQL files into the folder of migrations.locations.");
		}
		if (!Files.isDirectory(folder)) {
			throw new ProjectNotFoundException(SETTING + " is " + directory + ", but " + folder + " is no folder: "
					+ "set it to the project folder, the one holding " + buildFiles() + " and src/main.");
		}
		return new ProjectDirectory(folder);
	}

	/**
	 * Finds the project by walking up from each start in turn.
	 * @param starts where to start, such as the application's classes folder or jar, then the
	 * working directory
	 * @return the first folder on the way with a build file and {@code src/main}
	 * @throws ProjectNotFoundException naming the setting when none is found
	 */
	public static ProjectDirectory find(List<Path> starts) {
		Set<Path> tried = new LinkedHashSet<>();
		for (Path start : starts) {
			for (Path folder = start.toAbsolutePath().normalize(); folder != null; folder = folder.getParent()) {
				if (tried.add(folder) && isProject(folder)) {
					return new ProjectDirectory(folder);
				}
			}
		}
		throw new ProjectNotFoundException("Found no project folder to write the new revision into: neither "
				+ describe(starts) + " nor a folder above holds " + buildFiles() + " and src/main. Run the command "
				+ "from the project folder, or set " + SETTING + " to it.");
	}

	/**
	 * Returns whether a folder is a project's.
	 * @param folder the folder
	 * @return whether it holds a build file and {@code src/main}
	 */
	public static boolean isProject(Path folder) {
		return Files.isDirectory(folder.resolve("src/main"))
				&& BUILD_FILES.stream().anyMatch((name) -> Files.isRegularFile(folder.resolve(name)));
	}

	/**
	 * Returns the Java source folder.
	 * @return {@code src/main/java}
	 */
	public Path javaSources() {
		return this.root.resolve("src/main/java");
	}

	/**
	 * Returns the resource folder.
	 * @return {@code src/main/resources}
	 */
	public Path resources() {
		return this.root.resolve("src/main/resources");
	}

	private static String describe(List<Path> starts) {
		List<String> names = new ArrayList<>();
		starts.forEach((start) -> names.add(start.toAbsolutePath().normalize().toString()));
		return String.join(", ", names);
	}

	private static String buildFiles() {
		return String.join(", ", BUILD_FILES.subList(0, BUILD_FILES.size() - 1)) + " or "
				+ BUILD_FILES.get(BUILD_FILES.size() - 1);
	}

}
