package dev.migration.core.corpus;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.baseline.BaselineScope;
import dev.migration.core.baseline.BaselineScript;
import dev.migration.core.baseline.TableRows;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.dialect.PostgresScanner;
import dev.migration.core.history.HistoryEntry;
import dev.migration.core.lint.Finding;
import dev.migration.core.lint.LintGate;
import dev.migration.core.lint.LintPolicy;
import dev.migration.core.lint.LintReport;
import dev.migration.core.lint.Linter;
import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.OwnedSchemas;
import dev.migration.core.run.RunResult;
import dev.migration.core.run.RunSettings;
import dev.migration.core.sql.BuiltInPlaceholders;
import dev.migration.core.sql.Placeholders;
import dev.migration.core.sql.SqlFileName;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScript;
import dev.migration.core.sql.SqlScriptLocations;
import dev.migration.testdb.LocalServer;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every history of the shared corpus, each file split as psql splits it and the whole history
 * applied by the tool under its default settings (the lint gate failing the run), with the
 * schema psql's reference run gives, and rebuilt as that schema and its rows by the baseline
 * read from the reference; on a server of the machine's PostgreSQL version, whose
 * {@code psql} and {@code pg_dump} make the reference.
 */
class CorpusTests {

	private static LocalServer server;

	private static final Map<String, String> references = new HashMap<>();

	@BeforeAll
	static void startServer() throws Exception {
		server = LocalServer.start(PsqlReference.loggingSettings());
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@TestFactory
	Stream<DynamicNode> everyHistory() {
		List<Corpus.History> histories = Corpus.histories();
		assertThat(histories).as("histories in the manifest").isNotEmpty();
		return histories.stream().map((history) -> {
			int n = histories.indexOf(history);
			return DynamicContainer.dynamicContainer(history.dir(), Stream.of(
					DynamicTest.dynamicTest("psql applies it (the reference)", () -> reference(history, n)),
					DynamicTest.dynamicTest("each file splits as psql splits it", () -> splitsAsPsql(history, n)),
					DynamicTest.dynamicTest("the tool applies it with the reference's schema",
							() -> appliesAsPsql(history, n)),
					DynamicTest.dynamicTest("a baseline read from the reference rebuilds its schema and rows",
							() -> baselineRebuildsIt(history, n)),
					DynamicTest.dynamicTest("lint reads every statement", () -> lintReadsEveryStatement(history)),
					DynamicTest.dynamicTest("Flyway 11 applies it; the tool takes it over and applies one new file only",
							() -> adoptsWhatFlywayApplied(history, n))));
		});
	}

	private static String reference(Corpus.History history, int n) throws Exception {
		String reference = references.get(history.dir());
		if (reference == null) {
			reference = PsqlReference.apply(server, history, "ref" + n);
			references.put(history.dir(), reference);
		}
		return reference;
	}

	private static void splitsAsPsql(Corpus.History history, int n) throws Exception {
		reference(history, n);
		Map<String, List<String>> logged = ServerLog.statements(server.pgdata());
		List<Path> files = history.migrations();
		List<String> differences = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			String text = history.textAsRun(files.get(i));
			List<String> psql = new ArrayList<>(logged.getOrDefault(PsqlReference.appName("ref" + n, i), List.of()));
			if (PsqlReference.singleTransaction(text)) {
				// psql -1 sends a BEGIN before the file and a COMMIT after it
				psql = psql.subList(1, psql.size() - 1);
			}
			List<String> ours = PostgresScanner.split(text).stream().map(CorpusTests::sent).toList();
			// psql sends a lone ";" or a trailing comment as a query of its own, which the server ignores
			List<String> theirs = psql.stream().filter((s) -> !isEmptyQuery(s)).map(CorpusTests::normalize).toList();
			if (!ours.equals(theirs)) {
				differences.add(history.folder().relativize(files.get(i)) + ": " + firstDifference(ours, theirs));
			}
		}
		assertThat(differences).as("files split otherwise than psql splits them").isEmpty();
	}

	/** psql sends a COPY's command; its data lines go through the copy protocol. */
	private static String sent(String statement) {
		return normalize(PostgresScanner.isCopyWithData(statement) ? PostgresScanner.copyCommand(statement) : statement);
	}

	/**
	 * psql leaves out empty lines outside literals (its read loop skips them) and ends the text
	 * with the semicolon; neither moves a statement's bounds, so blank space is compared as one
	 * space.
	 */
	private static String normalize(String statement) {
		String text = statement.strip().replaceAll("\\s+", " ");
		return text.endsWith(";") ? text.substring(0, text.length() - 1).strip() : text;
	}

	private static boolean isEmptyQuery(String statement) {
		return PostgresScanner.split(statement).isEmpty();
	}

	private static String firstDifference(List<String> ours, List<String> theirs) {
		for (int i = 0; i < Math.max(ours.size(), theirs.size()); i++) {
			String a = (i < ours.size()) ? ours.get(i) : "<none>";
			String b = (i < theirs.size()) ? theirs.get(i) : "<none>";
			if (!a.equals(b)) {
				return "statement " + (i + 1) + " of " + ours.size() + " (psql: " + theirs.size() + ")\n  ours: "
						+ cut(a) + "\n  psql: " + cut(b);
			}
		}
		return "none";
	}

	private static String cut(String text) {
		String one = text.replaceAll("\\s+", " ");
		return (one.length() > 300) ? one.substring(0, 300) + "..." : one;
	}

	/**
	 * Only SQL built at run time, by a DO block or by a function a statement calls, may stay
	 * unjudged: every statement written in the files is read (the placeholders as written, as lint
	 * sees a file before a run replaces them).
	 */
	private static void lintReadsEveryStatement(Corpus.History history) {
		List<SqlScript> scripts = history.migrations().stream()
			.map((file) -> new SqlScript("filesystem:" + file, file.getFileName().toString(), Corpus.read(file)))
			.toList();
		LintReport report = Linter.lint(MigrationCatalog.ofDeclared(SqlRevisions.declare(scripts)));
		assertThat(report.notChecked()).as("statements lint could not judge")
			.allSatisfy((finding) -> assertThat(finding.detail()).contains("SQL it builds at run time"));
		assertThat(report.findings()).extracting(Finding::ruleId).doesNotContain("invalid-sql");
	}

	private static void appliesAsPsql(Corpus.History history, int n) throws Exception {
		String reference = reference(history, n);
		TestDatabase database = server.createDatabase("tool" + n);
		DataSource dataSource = database.dataSource();
		Migrator migrator = migrator(dataSource, scripts(history, dataSource), history);
		migrator.upgrade("heads");
		assertThat(migrator.history()).extracting(HistoryEntry::revision)
			.as("revisions applied, in order")
			.containsExactlyElementsOf(history.migrations().stream()
				.map((file) -> SqlFileName.parse(file.getFileName().toString()).revisionId())
				.toList());
		String dump = PsqlReference.dump(server, database.name());
		assertSameSchema(dump, reference);
		assertThat(tables(dataSource)).as("tables at the end").isEqualTo(history.tablesAtEnd());
	}

	/**
	 * The baseline read from psql's reference database, run statement by statement on an empty
	 * database, gives the reference's schema and every row of every table.
	 */
	private static void baselineRebuildsIt(Corpus.History history, int n) throws Exception {
		String reference = reference(history, n);
		DataSource psql = server.database("ref" + n).dataSource();
		BaselineScript script;
		try (Connection connection = psql.getConnection()) {
			script = BaselineScript.read(connection, BaselineScope.defaults());
		}
		TestDatabase database = server.createDatabase("baseline" + n);
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : script.upgrade()) {
				statement.execute(sql);
			}
		}
		assertSameSchema(PsqlReference.dump(server, database.name()), reference);
		assertThat(TableRows.of(database.dataSource(), List.of())).isEqualTo(TableRows.of(psql, List.of()));
	}

	/**
	 * Flyway 11 applies the history as its users run it (the schema as its default schema, the
	 * manifest's placeholders, files that mix transactional and non-transactional statements
	 * allowed, the session lock that lets CREATE INDEX CONCURRENTLY finish), with the schema
	 * psql's reference has; the tool, under its defaults, then takes
	 * the database over without running any file again, and applies a new file and nothing else.
	 */
	private static void adoptsWhatFlywayApplied(Corpus.History history, int n) throws Exception {
		String reference = reference(history, n);
		TestDatabase database = server.createDatabase("flyway" + n);
		Flyway.configure()
			.dataSource(database.url(), database.user(), database.password())
			.locations("filesystem:" + history.folder())
			.defaultSchema(history.schema())
			.schemas(history.schema())
			// Flyway gives its built-ins itself, flyway:defaultSchema from the default schema
			.placeholders(history.placeholders()
				.entrySet()
				.stream()
				.filter((placeholder) -> !placeholder.getKey().startsWith("flyway:"))
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
			.mixed(true)
			// Flyway's default lock is a transaction that CREATE INDEX CONCURRENTLY waits for forever
			.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
			.load()
			.migrate();
		assertSameSchema(PsqlReference.dump(server, database.name()), reference);
		DataSource tool = database.dataSource();
		List<SqlScript> scripts = scripts(history, tool);
		RunResult adopted = migrator(tool, scripts, history).upgrade("heads");
		assertThat(adopted.steps()).as("files run again after the take-over").isEmpty();
		List<SqlScript> withNewFile = new ArrayList<>(scripts);
		withNewFile.add(new SqlScript("corpus:V99999999999999999__adoption_probe.sql",
				"V99999999999999999__adoption_probe.sql", "CREATE TABLE adoption_probe (id int PRIMARY KEY);\n"));
		RunResult next = migrator(tool, withNewFile, history).upgrade("heads");
		assertThat(next.steps()).extracting(AppliedStep::revision).containsExactly("V99999999999999999");
		assertThat(tables(tool)).as("tables at the end, the new one and Flyway's history included")
			.isEqualTo(history.tablesAtEnd() + 2);
	}

	/** The history's files as the tool reads them: placeholders replaced, files that are no migrations left out. */
	private static List<SqlScript> scripts(Corpus.History history, DataSource dataSource) {
		// the manifest's placeholder values, and Flyway's default schema as the history's schema
		Placeholders placeholders = Placeholders.DEFAULTS.withValues(history.placeholders())
			.withBuiltIns(new BuiltInPlaceholders(dataSource, history.schema(), null));
		// the files the corpus says are no migrations, as a user lists them in migrations.ignore-files
		List<String> ignored = history.otherSqlFiles()
			.stream()
			.map((file) -> history.folder().relativize(file).toString())
			.toList();
		return placeholders.apply(SqlScriptLocations.load(List.of("filesystem:" + history.folder()),
				CorpusTests.class.getClassLoader(), ignored));
	}

	/** The tool under its defaults, the history's schema its default schema (migrations.default-schema), as in Flyway. */
	private static Migrator migrator(DataSource dataSource, List<SqlScript> scripts, Corpus.History history) {
		return new Migrator(dataSource, MigrationCatalog.ofDeclared(SqlRevisions.declare(scripts)), new PostgresDialect(),
				RunSettings.defaults())
			.withUpgradeCheck(new LintGate(LintPolicy.FAIL))
			.withSchemas(new OwnedSchemas(history.schema(), List.of(), true));
	}

	private static int tables(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForObject("""
				SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
				AND n.nspname NOT LIKE 'pg\\_toast%' AND c.relname NOT LIKE 'migration\\_history%'
				AND c.relname <> 'migration_backfill_progress'""", Integer.class);
	}

	private static void assertSameSchema(String dump, String reference) {
		String[] ours = dump.split("\n");
		String[] theirs = reference.split("\n");
		for (int i = 0; i < Math.max(ours.length, theirs.length); i++) {
			String a = (i < ours.length) ? ours[i] : "<end>";
			String b = (i < theirs.length) ? theirs[i] : "<end>";
			if (!a.equals(b)) {
				StringBuilder context = new StringBuilder("pg_dump -s differs from psql's reference at line " + (i + 1)
						+ "\n--- tool\n");
				for (int j = Math.max(0, i - 3); j < Math.min(ours.length, i + 6); j++) {
					context.append(ours[j]).append('\n');
				}
				context.append("--- reference\n");
				for (int j = Math.max(0, i - 3); j < Math.min(theirs.length, i + 6); j++) {
					context.append(theirs[j]).append('\n');
				}
				throw new AssertionError(context.toString());
			}
		}
	}

}
