package dev.migration.core.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shared corpus of real Flyway histories ({@code shared/corpus/flyway} beside the
 * checkout, or the folder in the system property {@code migrations.corpus}), read as its
 * README describes, independently of the tool's own file handling so it can judge it.
 */
public final class Corpus {

	private static final Pattern MIGRATION = Pattern.compile("(V([^_]+(?:_(?!_)[^_]*)*)__.*|R__(.*))\\.sql");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

	private Corpus() {
	}

	/**
	 * Returns the corpus folder, failing with a message when it is not there.
	 * @return the {@code flyway} folder holding {@code MANIFEST.tsv}
	 */
	public static Path root() {
		String configured = System.getProperty("migrations.corpus");
		if (configured != null) {
			return requireManifest(Path.of(configured));
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared/corpus/flyway");
			if (Files.isRegularFile(candidate.resolve("MANIFEST.tsv"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("The corpus of real histories (shared/corpus/flyway/MANIFEST.tsv) is in no "
				+ "folder above " + Path.of("").toAbsolutePath() + "; put it beside the checkout or name its "
				+ "flyway folder in -Dmigrations.corpus");
	}

	private static Path requireManifest(Path folder) {
		if (!Files.isRegularFile(folder.resolve("MANIFEST.tsv"))) {
			throw new IllegalStateException("-Dmigrations.corpus=" + folder + " holds no MANIFEST.tsv");
		}
		return folder;
	}

	/**
	 * Returns every history of the manifest, in its order.
	 * @return the histories
	 */
	public static List<History> histories() {
		Path root = root();
		try {
			List<String> lines = Files.readAllLines(root.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
			List<String> header = List.of(lines.get(0).split("\t"));
			List<History> histories = new ArrayList<>();
			for (String line : lines.subList(1, lines.size())) {
				if (line.isBlank()) {
					continue;
				}
				String[] cells = line.split("\t");
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < header.size(); i++) {
					row.put(header.get(i), (i < cells.length) ? cells[i] : "");
				}
				histories.add(History.of(root, row));
			}
			return histories;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One history of the manifest.
	 *
	 * @param dir its folder name
	 * @param folder its folder
	 * @param files how many migrations it has
	 * @param schema the schema it runs in
	 * @param placeholders the placeholder values of the reference run
	 * @param tablesAtEnd how many tables exist after its last migration
	 */
	public record History(String dir, Path folder, int files, String schema, Map<String, String> placeholders,
			int tablesAtEnd) {

		static History of(Path root, Map<String, String> row) {
			Map<String, String> placeholders = new LinkedHashMap<>();
			String cell = row.get("placeholders");
			if (!cell.equals("-")) {
				for (String pair : cell.split(";")) {
					int eq = pair.indexOf('=');
					placeholders.put(pair.substring(0, eq), pair.substring(eq + 1));
				}
			}
			return new History(row.get("dir"), root.resolve(row.get("dir")), Integer.parseInt(row.get("files")),
					row.get("schema"), placeholders, Integer.parseInt(row.get("tables_at_end")));
		}

		/**
		 * Returns the migrations, subfolders merged, in the order the README gives: versioned
		 * ones by version compared number by number, then repeatable ones by description.
		 * @return the files
		 */
		public List<Path> migrations() {
			try (Stream<Path> files = Files.walk(this.folder)) {
				List<Path> found = files.filter(Files::isRegularFile)
					.filter((file) -> MIGRATION.matcher(file.getFileName().toString()).matches())
					.toList();
				List<Path> versioned = new ArrayList<>(found.stream().filter((file) -> version(file) != null).toList());
				versioned.sort(Comparator.comparing(Corpus::version, Corpus::compareVersions));
				List<Path> repeatable = new ArrayList<>(found.stream().filter((file) -> version(file) == null).toList());
				repeatable.sort(Comparator.comparing(Corpus::description));
				versioned.addAll(repeatable);
				return versioned;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * Returns the {@code .sql} files in the folder that are not migrations, which Flyway
		 * passes over without a word.
		 * @return the files
		 */
		public List<Path> otherSqlFiles() {
			try (Stream<Path> files = Files.walk(this.folder)) {
				return files.filter(Files::isRegularFile)
					.filter((file) -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
					.filter((file) -> !MIGRATION.matcher(file.getFileName().toString()).matches())
					.toList();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * Returns whether any migration uses a {@code ${...}} placeholder.
		 * @return whether placeholders are needed
		 */
		public boolean usesPlaceholders() {
			return !this.placeholders.isEmpty() || migrations().stream().anyMatch((file) -> PLACEHOLDER.matcher(read(file)).find());
		}

		/**
		 * Returns a file's text with its placeholders replaced as the reference run replaced
		 * them: names matched without regard to case, {@code flyway:defaultSchema} the schema.
		 * @param file a migration of this history
		 * @return the text that ran
		 */
		public String textAsRun(Path file) {
			Map<String, String> values = new LinkedHashMap<>();
			this.placeholders.forEach((name, value) -> values.put(name.toLowerCase(Locale.ROOT), value));
			values.putIfAbsent("flyway:defaultschema", this.schema);
			Matcher matcher = PLACEHOLDER.matcher(read(file));
			StringBuilder text = new StringBuilder();
			while (matcher.find()) {
				String value = values.get(matcher.group(1).toLowerCase(Locale.ROOT));
				matcher.appendReplacement(text, Matcher.quoteReplacement((value != null) ? value : matcher.group()));
			}
			return matcher.appendTail(text).toString();
		}

	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String version(Path file) {
		Matcher matcher = MIGRATION.matcher(file.getFileName().toString());
		return matcher.matches() ? matcher.group(2) : null;
	}

	private static String description(Path file) {
		Matcher matcher = MIGRATION.matcher(file.getFileName().toString());
		matcher.matches();
		return matcher.group(3);
	}

	private static int compareVersions(String a, String b) {
		List<BigInteger> left = parts(a);
		List<BigInteger> right = parts(b);
		for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
			BigInteger x = (i < left.size()) ? left.get(i) : BigInteger.ZERO;
			BigInteger y = (i < right.size()) ? right.get(i) : BigInteger.ZERO;
			int order = x.compareTo(y);
			if (order != 0) {
				return order;
			}
		}
		return 0;
	}

	private static List<BigInteger> parts(String version) {
		return Arrays.stream(version.split("[._]")).filter((part) -> !part.isEmpty()).map(BigInteger::new).toList();
	}

}
