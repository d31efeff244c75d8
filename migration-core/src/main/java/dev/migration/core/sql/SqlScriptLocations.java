package dev.migration.core.sql;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.AntPathMatcher;

import dev.migration.core.MigrationException;

/**
 * Finds the SQL migration files under {@code migrations.locations}: {@code classpath:} folders
 * (every jar and directory of the class path that has them) and {@code filesystem:} folders,
 * their subfolders included, as Flyway does. A location without a prefix is a class path one.
 */
public final class SqlScriptLocations {

	private static final Logger logger = LoggerFactory.getLogger(SqlScriptLocations.class);

	/** Where Flyway and this project look by default. */
	public static final String DEFAULT_LOCATION = "classpath:db/migration";

	private static final String CLASSPATH = "classpath:";

	private static final String FILESYSTEM = "filesystem:";

	/** Most migration files fit in one buffer of this size. */
	private static final int READ_BUFFER = 8192;

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
		return load(locations, classLoader, List.of());
	}

	/**
	 * Loads every {@code .sql} file under the given locations but those that are no migrations,
	 * as the user lists them; each file left out is logged.
	 * @param locations the locations, such as {@code classpath:db/migration}
	 * @param classLoader the class loader to search
	 * @param ignored patterns of the files to leave out, by their path below their location,
	 * such as {@code rollback/*.sql} or {@code **}{@code /drafts/**}
	 * @return the files, ordered by where they were found
	 * @throws MigrationException naming the location when it cannot be read, or a pattern that
	 * matches no file
	 */
	public static List<SqlScript> load(List<String> locations, ClassLoader classLoader, List<String> ignored) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		AntPathMatcher matcher = new AntPathMatcher();
		Set<String> used = new HashSet<>();
		List<SqlScript> scripts = new ArrayList<>();
		for (String location : locations) {
			String entry = location.strip();
			for (SqlScript script : load(resolver, entry)) {
				String below = script.location().substring(Math.min(entry.length() + 1, script.location().length()));
				List<String> matching = ignored.stream().filter((pattern) -> matcher.match(pattern.strip(), below)).toList();
				if (matching.isEmpty()) {
					scripts.add(script);
				}
				else {
					used.addAll(matching);
					logger.info("Left out {}, which migrations.ignore-files says is no migration ({})", script.location(),
							matching.get(0));
				}
			}
		}
		List<String> unused = ignored.stream().filter((pattern) -> !used.contains(pattern)).toList();
		if (!unused.isEmpty()) {
			throw new MigrationException("migrations.ignore-files pattern(s) " + unused + " match no file below "
					+ "migrations.locations " + locations + ": a pattern is matched against the path below its location, "
					+ "such as rollback/*.sql or **/rollback/*.sql; fix or remove it.");
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
	 * A folder on disk is read directly: a pattern matcher costs more per file than the read.
	 * Hidden files and folders are skipped (a Kubernetes config map keeps a second copy of its
	 * files in {@code ..data}), and a file that is a link counts as the file it points to.
	 */
	private static List<SqlScript> loadFolder(String location, Path folder) {
		File root = folder.toFile();
		if (!root.isDirectory()) {
			return List.of();
		}
		List<SqlScript> scripts = new ArrayList<>();
		try {
			collect(location, root, "", scripts, new HashSet<>());
		}
		catch (IOException ex) {
			throw new MigrationException("Could not read the SQL migrations of migrations.locations entry '" + location
					+ "': " + ex.getMessage(), ex);
		}
		scripts.sort(Comparator.comparing(SqlScript::location));
		return scripts;
	}

	/**
	 * One listing per folder; a {@code .sql} name is opened straight away, and only other names
	 * are asked whether they are folders: every start reads every file, so each saved system
	 * call counts hundreds of times.
	 */
	private static void collect(String location, File directory, String path, List<SqlScript> scripts,
			Set<String> visited) throws IOException {
		// a linked folder is followed, but a link back up would repeat every file below it
		if (!visited.add(directory.getCanonicalPath())) {
			return;
		}
		String[] names = directory.list();
		if (names == null) {
			throw new IOException("cannot list the folder " + directory);
		}
		for (String name : names) {
			if (name.startsWith(".")) {
				continue;
			}
			File file = new File(directory, name);
			String where = location + "/" + path + name;
			String text = name.endsWith(".sql") ? readIfFile(file, where) : null;
			if (text != null) {
				scripts.add(new SqlScript(where, name, text));
			}
			else if (file.isDirectory()) {
				collect(location, file, path + name + "/", scripts, visited);
			}
		}
	}

	/**
	 * Decodes a file as UTF-8, refusing bytes that are not: a replacement character would run,
	 * or change a checksum, without anyone noticing.
	 */
	private static String decode(byte[] bytes, String location) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidSqlMigrationException(location, 0, "it is not UTF-8 text (" + ex
				+ "); save it as UTF-8, as Flyway reads it by default");
		}
	}

	/** Returns the file's text, or {@code null} when it is a folder. */
	private static String readIfFile(File file, String location) throws IOException {
		FileInputStream in;
		try {
			in = new FileInputStream(file);
		}
		catch (FileNotFoundException ex) {
			if (file.isDirectory()) {
				return null;
			}
			throw ex;
		}
		try (in) {
			// reads to the end without asking the size first (FileInputStream.readAllBytes would, twice)
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(READ_BUFFER);
			in.transferTo(bytes);
			return decode(bytes.toByteArray(), location);
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
			String where = location + "/" + relative(location, resource);
			return new SqlScript(where, resource.getFilename(), decode(in.readAllBytes(), where));
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
