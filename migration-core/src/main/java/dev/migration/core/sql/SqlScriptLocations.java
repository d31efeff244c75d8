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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	private static final String FILE = "file:";

	private static final String SQL_SUFFIX = ".sql";

	/** A URL scheme such as {@code s3:} at the start of a location. */
	private static final Pattern PREFIX = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

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
		return load(locations, classLoader, ignored, false);
	}

	/**
	 * Loads every {@code .sql} file under the given locations but those that are no migrations.
	 * A location that does not exist is an error, unless it is the default one (an application
	 * may have Java revisions only) or missing locations are allowed: a typo in a path must not
	 * start the application with no migrations.
	 * @param locations the locations, such as {@code classpath:db/migration}, {@code filesystem:/x} or {@code file:/x}
	 * @param classLoader the class loader to search
	 * @param ignored patterns of the files to leave out, by their path below their location
	 * @param allowMissing whether a location that does not exist is passed over (it is logged)
	 * @return the files, ordered by where they were found
	 * @throws MigrationException naming the location when it cannot be read or does not exist,
	 * or a pattern that matches no file
	 */
	public static List<SqlScript> load(List<String> locations, ClassLoader classLoader, List<String> ignored,
			boolean allowMissing) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		AntPathMatcher matcher = new AntPathMatcher();
		Set<String> used = new HashSet<>();
		List<SqlScript> scripts = new ArrayList<>();
		for (String location : locations) {
			String entry = normalized(location.strip());
			Found found = load(resolver, entry);
			if (!found.exists()) {
				missing(location.strip(), allowMissing);
			}
			for (SqlScript script : found.scripts()) {
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

	/** Spring's {@code file:} is Flyway's {@code filesystem:}; a prefix neither reads is refused, not searched for on the classpath. */
	private static String normalized(String location) {
		if (location.startsWith(FILE)) {
			return FILESYSTEM + location.substring(FILE.length());
		}
		Matcher prefix = PREFIX.matcher(location);
		if (prefix.find() && !location.startsWith(CLASSPATH) && !location.startsWith(FILESYSTEM)) {
			throw new MigrationException("migrations.locations entry '" + location + "' starts with '" + prefix.group()
					+ "', which this project does not read: use classpath:, filesystem: or file:.");
		}
		return location;
	}

	private static void missing(String location, boolean allowMissing) {
		if (location.equals(DEFAULT_LOCATION)) {
			return;
		}
		if (allowMissing) {
			logger.warn("migrations.locations entry '{}' does not exist; passed over, as "
					+ "migrations.fail-on-missing-locations=false allows", location);
			return;
		}
		throw new MigrationException("migrations.locations entry '" + location + "' does not exist: no such folder"
				+ (location.startsWith(FILESYSTEM) || location.startsWith(FILE) ? "" : " on the classpath")
				+ ". Fix the path (classpath:, filesystem: or file:), or, if it may be missing, set "
				+ "migrations.fail-on-missing-locations=false.");
	}

	private static Found load(PathMatchingResourcePatternResolver resolver, String location) {
		if (location.startsWith(FILESYSTEM)) {
			Path folder = Path.of(location.substring(FILESYSTEM.length()));
			return new Found(loadFolder(location, folder), folder.toFile().isDirectory());
		}
		String pattern = pattern(location);
		try {
			List<SqlScript> scripts = new ArrayList<>();
			for (Resource resource : resolver.getResources(pattern)) {
				if (resource.isReadable() && resource.getFilename() != null && isSql(resource.getFilename())) {
					scripts.add(read(location, resource));
				}
			}
			scripts.sort(Comparator.comparing(SqlScript::location));
			return new Found(scripts, !scripts.isEmpty() || folderExists(resolver, location));
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
			String text = isSql(name) ? readIfFile(file, where) : null;
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

	/** A folder of the classpath without any SQL file is there all the same. */
	private static boolean folderExists(PathMatchingResourcePatternResolver resolver, String location) throws IOException {
		String path = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
		for (Resource resource : resolver.getResources("classpath*:" + folder(path.startsWith("/") ? path.substring(1) : path))) {
			if (resource.exists()) {
				return true;
			}
		}
		return false;
	}

	/** The files of one location, and whether the location exists at all. */
	private record Found(List<SqlScript> scripts, boolean exists) {
	}

	private static String pattern(String location) {
		String path = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
		// Flyway takes the suffix in any case; the pattern matcher would not
		return "classpath*:" + folder(path.startsWith("/") ? path.substring(1) : path) + "**/*.*";
	}

	/** A name with the suffix {@code .sql}, in any case, as Flyway 11 takes it. */
	private static boolean isSql(String name) {
		return name.regionMatches(true, name.length() - SQL_SUFFIX.length(), SQL_SUFFIX, 0, SQL_SUFFIX.length());
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
