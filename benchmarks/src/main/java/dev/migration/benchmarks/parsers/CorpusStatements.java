package dev.migration.benchmarks.parsers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.migration.core.dialect.PostgresScanner;

/**
 * Every statement of every migration of the corpus of real Flyway histories, as the reference
 * run executed it: placeholders replaced from the manifest, each file split by
 * {@link PostgresScanner} (held to psql's splitting by the corpus tests), a COPY with its data
 * reduced to its command.
 */
public final class CorpusStatements {

	private static final Pattern MIGRATION = Pattern.compile("(V[^_]+(?:_(?!_)[^_]*)*__.*|R__.*)\\.sql");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

	/** The first words that make a statement DDL (or a command that takes a table's lock) for the table. */
	private static final Set<String> DDL = Set.of("create", "alter", "drop", "truncate", "comment", "grant", "revoke",
			"reindex", "vacuum", "cluster", "lock", "refresh", "do");

	private CorpusStatements() {
	}

	/**
	 * One statement.
	 *
	 * @param file the migration, relative to the corpus folder
	 * @param sql the statement, without its semicolon
	 * @param ddl whether it is DDL by its first word
	 */
	public record Statement(String file, String sql, boolean ddl) {
	}

	/**
	 * Returns the corpus folder: the argument if there is one, else {@code shared/corpus/flyway}
	 * in the working directory or the nearest folder above it.
	 * @param args the program's arguments
	 * @return the folder holding {@code MANIFEST.tsv}
	 */
	public static Path folder(String[] args) {
		if (args.length > 0) {
			return Path.of(args[0]);
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared/corpus/flyway");
			if (Files.isRegularFile(candidate.resolve("MANIFEST.tsv"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("No shared/corpus/flyway/MANIFEST.tsv above the working directory; pass the "
				+ "corpus folder as the first argument");
	}

	/**
	 * Reads every statement, histories in the manifest's order, files in path order.
	 * @param corpus the corpus folder
	 * @return the statements
	 */
	public static List<Statement> read(Path corpus) {
		List<Statement> statements = new ArrayList<>();
		for (Map<String, String> row : manifest(corpus)) {
			Map<String, String> values = placeholders(row);
			for (Path file : migrations(corpus.resolve(row.get("dir")))) {
				String name = corpus.relativize(file).toString();
				for (String sql : PostgresScanner.split(replace(text(file), values))) {
					String command = PostgresScanner.isCopyWithData(sql) ? PostgresScanner.copyCommand(sql) : sql;
					statements.add(new Statement(name, command, DDL.contains(PostgresScanner.firstWord(command))));
				}
			}
		}
		return statements;
	}

	private static List<Map<String, String>> manifest(Path corpus) {
		List<String> lines = readLines(corpus.resolve("MANIFEST.tsv"));
		String[] header = lines.get(0).split("\t");
		List<Map<String, String>> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			String[] cells = line.split("\t");
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.length; i++) {
				row.put(header[i], (i < cells.length) ? cells[i] : "");
			}
			rows.add(row);
		}
		return rows;
	}

	/** The manifest's values by lower-case name, {@code flyway:defaultSchema} being the schema. */
	private static Map<String, String> placeholders(Map<String, String> row) {
		Map<String, String> values = new LinkedHashMap<>();
		String cell = row.get("placeholders");
		if (!cell.equals("-")) {
			for (String pair : cell.split(";")) {
				int eq = pair.indexOf('=');
				values.put(pair.substring(0, eq).toLowerCase(Locale.ROOT), pair.substring(eq + 1));
			}
		}
		values.putIfAbsent("flyway:defaultschema", row.get("schema"));
		return values;
	}

	private static String replace(String text, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder replaced = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1).toLowerCase(Locale.ROOT));
			matcher.appendReplacement(replaced, Matcher.quoteReplacement((value != null) ? value : matcher.group()));
		}
		return matcher.appendTail(replaced).toString();
	}

	/**
	 * Returns the migration files of one history, subfolders included, in path order.
	 * @param history the history's folder
	 * @return the files named {@code V<version>__<desc>.sql} or {@code R__<desc>.sql}
	 */
	public static List<Path> migrations(Path history) {
		try (Stream<Path> files = Files.walk(history)) {
			return files.filter(Files::isRegularFile)
				.filter((file) -> MIGRATION.matcher(file.getFileName().toString()).matches())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
