package dev.migration.core.trace;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.migration.core.catalog.Recordings;
import dev.migration.core.corpus.Corpus;
import dev.migration.core.dialect.PostgresScanner;
import dev.migration.core.lint.DatabaseFacts;
import dev.migration.core.lint.LintReport;
import dev.migration.core.lint.Linter;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScript;
import dev.migration.testdb.LocalServer;

import static org.assertj.core.api.Assertions.assertThat;

/** A real history of the shared corpus traced file by file, its tables seeded before each file. */
class CorpusTraceTests {

	private static final java.util.concurrent.atomic.AtomicInteger databases = new java.util.concurrent.atomic.AtomicInteger();

	private static LocalServer server;

	@BeforeAll
	static void startServer() throws Exception {
		server = LocalServer.start();
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void web3signerTracedWithSeededTables() throws SQLException {
		List<TraceReport> reports = traceHistory("Consensys__web3signer", 20, null);
		assertThat(reports).isNotEmpty().noneMatch(TraceReport::failed);
		assertThat(reports).allSatisfy((report) -> assertThat(report.statements()).isNotEmpty());
		assertThat(reports).anySatisfy((report) -> assertThat(report.strongestLocks()).containsValue(LockMode.ACCESS_EXCLUSIVE));
		assertThat(reports.stream().flatMap((report) -> report.fullScans().stream())).as("seeded tables scanned")
			.isNotEmpty();
	}

	/**
	 * Traces the whole history named in {@code -Dtrace.history}, or every history for
	 * {@code all}, printing what each statement did. On request: it is a tool for reading one
	 * history's locks, and the agreement test covers the corpus.
	 */
	@Test
	@EnabledIfSystemProperty(named = "trace.history", matches = ".+")
	void historyOnRequest() throws SQLException {
		String wanted = System.getProperty("trace.history");
		List<String> failed = new ArrayList<>();
		for (Corpus.History history : Corpus.histories()) {
			if (wanted.equals("all") || wanted.equals(history.dir())) {
				traceHistory(history.dir(), Integer.MAX_VALUE, null).stream()
					.filter(TraceReport::failed)
					.forEach((report) -> failed.add(history.dir() + " " + report.revision() + ": "
							+ report.statements().get(report.statements().size() - 1).error()));
			}
		}
		assertThat(failed).isEmpty();
	}

	/** Where the trace and the linter agree on every statement, a change of either shows here first. */
	@Test
	void theLinterAgreesWithTheTraceOnHistoriesWithoutKnownDisagreements() throws Exception {
		TraceAgreement agreement = new TraceAgreement();
		for (String dir : List.of("Consensys__web3signer", "kestra-io__kestra", "conductor-oss__conductor")) {
			traceHistory(dir, Integer.MAX_VALUE, agreement);
		}
		assertThat(agreement.contradictions()).as(agreement.render(5)).isEmpty();
		assertThat(agreement.misses()).as(agreement.render(5)).isEmpty();
		assertThat(agreement.render(0)).contains("| `index-not-concurrent` |");
	}

	/**
	 * Holds the linter's findings on every statement of the history named in
	 * {@code -Dtrace.agreement} (or every history for {@code all}) against the trace, and writes
	 * the comparison to {@code target/trace-agreement.md}. On request: the whole corpus takes
	 * minutes and its report is read by a person (docs/TRACE.md); CI holds the linter to the
	 * trace on the histories of the test above.
	 */
	@Test
	@EnabledIfSystemProperty(named = "trace.agreement", matches = ".+")
	void agreementOnRequest() throws Exception {
		String wanted = System.getProperty("trace.agreement");
		TraceAgreement agreement = new TraceAgreement();
		for (Corpus.History history : Corpus.histories()) {
			if (wanted.equals("all") || wanted.equals(history.dir())) {
				traceHistory(history.dir(), Integer.MAX_VALUE, agreement);
			}
		}
		String report = agreement.render(Integer.getInteger("trace.examples", 5));
		System.out.println(report);
		java.nio.file.Files.writeString(Path.of("target", "trace-agreement.md"), report);
	}

	private static DataSource scratch(Corpus.History history) throws SQLException {
		return server
			.createDatabase(history.dir().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
					+ databases.incrementAndGet())
			.dataSource();
	}

	/** Opens a tracer on the scratch database, in the history's schema as Flyway's default schema. */
	private static StatementTracer open(DataSource scratch, Corpus.History history) throws SQLException {
		StatementTracer tracer = StatementTracer.open(scratch);
		try (Statement statement = tracer.session().createStatement()) {
			// Flyway makes its default schema before the first migration
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + TraceSeeder.quote(history.schema()));
		}
		try (PreparedStatement statement = tracer.session()
			.prepareStatement("SELECT pg_catalog.set_config('search_path', pg_catalog.quote_ident(?) || ', public', false)")) {
			statement.setString(1, history.schema());
			statement.execute();
		}
		return tracer;
	}

	/** The linter's findings on one file, judged as the gate judges it against the database it is about to run on. */
	private static LintReport lint(DataSource scratch, Path file, String text) {
		SqlScript script = new SqlScript("filesystem:" + file, file.getFileName().toString(), text);
		// every table counts as large: the seeded rows stand for a production table's
		return Linter.lint(SqlRevisions.declare(List.of(script)), new Recordings(), DatabaseFacts.read(scratch, 0));
	}

	/**
	 * Traces the first files of a history, each as one revision, and prints what each did; with
	 * an agreement, lints each file first and holds the findings against its trace.
	 */
	private static List<TraceReport> traceHistory(String dir, int files, TraceAgreement agreement)
			throws SQLException {
		Corpus.History history = Corpus.histories().stream().filter((h) -> h.dir().equals(dir)).findFirst().orElseThrow();
		DataSource scratch = scratch(history);
		TraceSeeder seeder = new TraceSeeder(TraceSeeder.DEFAULT_ROWS);
		List<TraceReport> reports = new ArrayList<>();
		List<SeedReport> seedings = new ArrayList<>();
		List<Path> traced = new ArrayList<>();
		StatementTracer tracer = open(scratch, history);
		try {
			for (Path file : history.migrations().stream().limit(files).toList()) {
				List<String> statements = PostgresScanner.split(history.textAsRun(file));
				long start = System.nanoTime();
				SeedReport seeded = seeder.seed(tracer.session(), statements);
				long seedNanos = System.nanoTime() - start;
				seedings.add(seeded);
				LintReport findings = (agreement != null) ? lint(scratch, file, history.textAsRun(file)) : null;
				start = System.nanoTime();
				TraceReport report = tracer.trace(file.getFileName().toString(), statements);
				if (report.failed() && !seedings.isEmpty()) {
					// the file may expect empty tables, as it found them where it was written
					System.out.println("failed on seeded rows, traced again without them: " + report.statements()
						.get(report.statements().size() - 1).error());
					System.out.println("rows left: " + seeder.unseed(tracer.session(), seedings));
					seedings.clear();
					report = tracer.trace(file.getFileName().toString() + " (without seeded rows)", statements);
				}
				if (report.failed()) {
					// rows the migrations built on seeded ones cannot all be taken out: the history is
					// rebuilt without any seeded row up to this file, which then runs as it was written to
					tracer.close();
					scratch = scratch(history);
					tracer = open(scratch, history);
					for (Path earlier : traced) {
						tracer.trace(earlier.getFileName().toString(), PostgresScanner.split(history.textAsRun(earlier)));
					}
					report = tracer.trace(file.getFileName().toString() + " (on the history rebuilt without seeded rows)",
							statements);
				}
				traced.add(file);
				long traceNanos = System.nanoTime() - start;
				long ranNanos = report.statements().stream().mapToLong((each) -> each.duration().toNanos()).sum();
				System.out.printf("seeded %s, skipped %s in %d ms; traced %d statements in %d ms, of which they ran %d ms%n",
						seeded.seeded(), seeded.skipped(), seedNanos / 1_000_000, report.statements().size(),
						traceNanos / 1_000_000, ranNanos / 1_000_000);
				System.out.print(report.summary());
				reports.add(report);
				if (agreement != null) {
					agreement.add(dir + " " + file.getFileName(), findings, report);
				}
				if (report.failed()) {
					// the files after it expect what it would have made
					break;
				}
				assertThat(report.statements()).as(file.toString()).hasSize(statements.size());
			}
		}
		finally {
			tracer.close();
		}
		return reports;
	}

}
