package dev.migration.core.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.migration.core.MigrationException;

/**
 * Finds the SQL migration files under {@code migrations.locations}: {@code classpath:} folders
 * (every jar and directory of the class path that has them) and {@code filesystem:} folders,
 * their subfolders included, as Flyway does. A location without a prefix is a class path one.
 */
public final class SqlScriptLocations {

	/** Where Flyway and this project look by default. */
	public static final String DEFAULT_LOCATION = "classpath:db/migration";

	private static final String CLASSPATH = "classpath:";

	private static final String FILESYSTEM = "filesystem:";

	private SqlScriptLocations() {
	}

	/**
	 * Loads every {@code .sql} file under the given locations.
	 * @param locations the locations, such as {@code classpath:db/migration}
	 * @param classLoader the class loader to search
	 * @return the files, ordered by where they were found
	 * @throws MigrationException naming the location when it cannot be read
	 */
	public static List<SqlScript> load(List<String> locations, ClassLoader classLoader) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		List<SqlScript> scripts = new ArrayList<>();
		for (String location : locations) {
			scripts.addAll(load(resolver, location.strip()));
		}
		return List.copyOf(scripts);
	}

	private static List<SqlScript> load(PathMatchingResourcePatternResolver resolver, String location) {
		if (location.startsWith(FILESYSTEM)) {
			return loadFolder(location, Path.of(location.substring(FILESYSTEM.length())));
		}
		String pattern = pattern(location);
		try {
			List<SqlScript> scripts = new ArrayList<>();
			for (Resource resource : resolver.getResources(pattern)) {
				if (resource.isReadable() && resource.getFilename() != null) {
					scripts.add(read(location, resource));
				}
			}
			scripts.sort(Comparator.comparing(SqlScript::location));
			return scripts;
		}
		catch (IOException ex) {
			throw new MigrationException("Could not read the SQL migrations of migrations.locations entry '" + location
					+ "': " + ex.getMessage(), ex);
		}
	}

	/**
	 * A folder on disk is walked directly: a pattern matcher costs more per file than the read.
	 * Hidden folders are skipped (a Kubernetes config map keeps a second copy of its files in
	 * {@code ..data}), and a file that is a link counts as the file it points to.
	 */
	private static List<SqlScript> loadFolder(String location, Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		List<Path> files = new ArrayList<>();
		try {
			Files.walkFileTree(folder, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
					boolean hidden = !directory.equals(folder) && directory.getFileName().toString().startsWith(".");
					return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					if (file.getFileName().toString().endsWith(".sql") && (attributes.isRegularFile()
							|| attributes.isSymbolicLink() && Files.isRegularFile(file))) {
						files.add(file);
					}
					return FileVisitResult.CONTINUE;
				}

			});
			files.sort(null);
			return files.stream().map((file) -> read(location, folder, file)).toList();
		}
		catch (IOException | UncheckedIOException ex) {
			throw new MigrationException("Could not read the SQL migrations of migrations.locations entry '" + location
					+ "': " + ex.getMessage(), ex);
		}
	}

	private static SqlScript read(String location, Path folder, Path file) {
		try {
			String relative = folder.relativize(file).toString().replace('\\', '/');
			return new SqlScript(location + "/" + relative, file.getFileName().toString(),
					Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String pattern(String location) {
		String path = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
		return "classpath*:" + folder(path.startsWith("/") ? path.substring(1) : path) + "**/*.sql";
	}

	private static String folder(String path) {
		return path.endsWith("/") ? path : path + "/";
	}

	private static SqlScript read(String location, Resource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return new SqlScript(location + "/" + relative(location, resource), resource.getFilename(), text);
		}
	}

	/** The file's path below its location, for messages that say which file. */
	private static String relative(String location, Resource resource) throws IOException {
		String url = resource.getURL().toString();
		String marker = folder(location.substring(location.indexOf(':') + 1).replaceFirst("^/", ""));
		int at = url.lastIndexOf(marker);
		return (at >= 0) ? url.substring(at + marker.length()) : resource.getFilename();
	}

}
