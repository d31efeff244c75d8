package dev.migration.core.trace;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.migration.core.LocalServer;
import dev.migration.core.corpus.Corpus;
import dev.migration.core.dialect.PostgresScanner;

import static org.assertj.core.api.Assertions.assertThat;

/** A real history of the shared corpus traced file by file, its tables seeded before each file. */
class CorpusTraceTests {

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
		List<TraceReport> reports = traceHistory("Consensys__web3signer", 20);
		assertThat(reports).isNotEmpty().noneMatch(TraceReport::failed);
		assertThat(reports).allSatisfy((report) -> assertThat(report.statements()).isNotEmpty());
		assertThat(reports).anySatisfy((report) -> assertThat(report.strongestLocks()).containsValue(LockMode.ACCESS_EXCLUSIVE));
		assertThat(reports.stream().flatMap((report) -> report.fullScans().stream())).as("seeded tables scanned")
			.isNotEmpty();
	}

	/**
	 * Traces the whole history named in {@code -Dtrace.history}, or every history for
	 * {@code all}, printing what each statement did.
	 */
	@Test
	@EnabledIfSystemProperty(named = "trace.history", matches = ".+")
	void historyOnRequest() throws SQLException {
		String wanted = System.getProperty("trace.history");
		List<String> failed = new ArrayList<>();
		for (Corpus.History history : Corpus.histories()) {
			if (wanted.equals("all") || wanted.equals(history.dir())) {
				traceHistory(history.dir(), Integer.MAX_VALUE).stream()
					.filter(TraceReport::failed)
					.forEach((report) -> failed.add(history.dir() + " " + report.revision() + ": "
							+ report.statements().get(report.statements().size() - 1).error()));
			}
		}
		assertThat(failed).isEmpty();
	}

	/** Traces the first files of a history, each as one revision, and prints what each did. */
	private static List<TraceReport> traceHistory(String dir, int files) throws SQLException {
		Corpus.History history = Corpus.histories().stream().filter((h) -> h.dir().equals(dir)).findFirst().orElseThrow();
		DataSource scratch = server.createDatabase(dir.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_")).dataSource();
		TraceSeeder seeder = new TraceSeeder(TraceSeeder.DEFAULT_ROWS);
		List<TraceReport> reports = new ArrayList<>();
		List<SeedReport> seedings = new ArrayList<>();
		try (StatementTracer tracer = StatementTracer.open(scratch)) {
			try (Statement statement = tracer.session().createStatement()) {
				// Flyway makes its default schema before the first migration
				statement.execute("CREATE SCHEMA IF NOT EXISTS " + TraceSeeder.quote(history.schema()));
			}
			try (PreparedStatement statement = tracer.session()
				.prepareStatement("SELECT pg_catalog.set_config('search_path', pg_catalog.quote_ident(?) || ', public', false)")) {
				statement.setString(1, history.schema());
				statement.execute();
			}
			for (Path file : history.migrations().stream().limit(files).toList()) {
				List<String> statements = PostgresScanner.split(history.textAsRun(file));
				long start = System.nanoTime();
				SeedReport seeded = seeder.seed(tracer.session(), statements);
				long seedNanos = System.nanoTime() - start;
				seedings.add(seeded);
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
				long traceNanos = System.nanoTime() - start;
				long ranNanos = report.statements().stream().mapToLong((s) -> s.duration().toNanos()).sum();
				System.out.printf("seeded %s, skipped %s in %d ms; traced %d statements in %d ms, of which they ran %d ms%n",
						seeded.seeded(), seeded.skipped(), seedNanos / 1_000_000, report.statements().size(),
						traceNanos / 1_000_000, ranNanos / 1_000_000);
				System.out.print(report.summary());
				reports.add(report);
				if (report.failed()) {
					// the files after it expect what it would have made
					break;
				}
				assertThat(report.statements()).as(file.toString()).hasSize(statements.size());
			}
		}
		return reports;
	}

}
