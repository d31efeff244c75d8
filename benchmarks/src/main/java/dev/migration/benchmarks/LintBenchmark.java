package dev.migration.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import dev.migration.benchmarks.parsers.CorpusStatements;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.dialect.PostgresScanner;
import dev.migration.core.lint.LintGate;
import dev.migration.core.lint.LintPolicy;
import dev.migration.core.lint.Linter;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScript;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

/**
 * Measures the linter on the real corpus (time per 1,000 statements, offline, as {@code lint}
 * runs it) and what the run-time gate adds to a start-up with 500 applied SQL revisions: with
 * nothing pending, and with one revision pending.
 *
 * <p>Arguments: [corpus folder (default: {@code shared/corpus/flyway} found walking up from the
 * working directory, as {@link CorpusStatements#folder} finds it)] [rounds (default 7)].
 */
public final class LintBenchmark {

	private static final int APPLIED = 500;

	private LintBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		Path corpus = CorpusStatements.folder(args);
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 7;
		lintCorpus(corpus, rounds);
		gate(rounds);
	}

	private static void lintCorpus(Path corpus, int rounds) throws IOException {
		List<List<DeclaredRevision>> histories = new ArrayList<>();
		int statements = 0;
		try (Stream<Path> dirs = Files.list(corpus)) {
			for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
				List<SqlScript> scripts = scripts(dir);
				statements += scripts.stream().mapToInt((s) -> PostgresScanner.split(s.text()).size()).sum();
				histories.add(SqlRevisions.declare(scripts));
			}
		}
		// one untimed round, so class loading and JIT do not count
		lintAll(histories);
		List<Long> times = new ArrayList<>();
		int findings = 0;
		for (int round = 0; round < rounds; round++) {
			long start = System.nanoTime();
			findings = lintAll(histories);
			times.add(System.nanoTime() - start);
		}
		long median = median(times);
		System.out.printf("lint, offline, %d histories, %d statements (%d findings and not-checked), median of %d "
				+ "rounds: %.0f ms in all, %.1f ms per 1,000 statements%n", histories.size(), statements, findings,
				rounds, median / 1e6, median / 1e6 / statements * 1000);
	}

	private static int lintAll(List<List<DeclaredRevision>> histories) {
		int findings = 0;
		for (List<DeclaredRevision> revisions : histories) {
			var report = Linter.lint(MigrationCatalog.ofDeclared(revisions));
			findings += report.findings().size() + report.notChecked().size();
		}
		return findings;
	}

	private static List<SqlScript> scripts(Path dir) {
		return CorpusStatements.migrations(dir).stream().map(LintBenchmark::script).toList();
	}

	private static SqlScript script(Path file) {
		try {
			return new SqlScript("filesystem:" + file, file.getFileName().toString(),
					Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Times an upgrade with and without the gate on databases holding 500 applied revisions:
	 * the no-op start-up, and the start-up that applies one more.
	 */
	private static void gate(int rounds) {
		TestDatabaseServer server = TestDatabaseServer.get();
		List<SqlScript> applied = new ArrayList<>();
		for (int i = 1; i <= APPLIED; i++) {
			applied.add(new SqlScript("generated:V" + i, "V" + i + "__t" + i + ".sql", "CREATE TABLE t" + i
					+ " (id bigint PRIMARY KEY, name text);\nCREATE INDEX ix_t" + i + " ON t" + i + " (name);\n"));
		}
		List<SqlScript> oneMore = new ArrayList<>(applied);
		oneMore.add(new SqlScript("generated:V" + (APPLIED + 1), "V" + (APPLIED + 1) + "__more.sql",
				"ALTER TABLE t1 ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY ix_t1_note ON t1 (note);\n"));
		long[][] noGate = new long[rounds + 1][];
		long[][] withGate = new long[rounds + 1][];
		for (int round = 0; round <= rounds; round++) {
			noGate[round] = startUps(server, applied, oneMore, false);
			withGate[round] = startUps(server, applied, oneMore, true);
		}
		System.out.printf("gate, %d applied SQL revisions, median of %d rounds (after one untimed), PostgreSQL %s:%n",
				APPLIED, rounds, server.description());
		System.out.println("| start-up | without the gate (ms) | with the gate (ms) | added (ms) |");
		System.out.println("| --- | --- | --- | --- |");
		row("nothing pending", noGate, withGate, 0);
		row("one revision pending", noGate, withGate, 1);
	}

	private static void row(String name, long[][] without, long[][] with, int index) {
		List<Long> a = new ArrayList<>();
		List<Long> b = new ArrayList<>();
		List<Long> added = new ArrayList<>();
		for (int round = 1; round < without.length; round++) {
			a.add(without[round][index]);
			b.add(with[round][index]);
			added.add(with[round][index] - without[round][index]);
		}
		System.out.printf("| %s | %.1f | %.1f | %.1f |%n", name, median(a) / 1e6, median(b) / 1e6, median(added) / 1e6);
	}

	/** Returns {no-op start-up, start-up applying one more} in nanoseconds, on a fresh database. */
	private static long[] startUps(TestDatabaseServer server, List<SqlScript> applied, List<SqlScript> oneMore,
			boolean gate) {
		TestDatabase database = server.createDatabase("lintbench");
		try (HikariDataSource dataSource = RunnerBenchmark.pool(database)) {
			migrator(dataSource, applied, false).upgrade("heads");
			long start = System.nanoTime();
			migrator(dataSource, applied, gate).upgrade("heads");
			long noop = System.nanoTime() - start;
			start = System.nanoTime();
			migrator(dataSource, oneMore, gate).upgrade("heads");
			return new long[] { noop, System.nanoTime() - start };
		}
		finally {
			server.dropDatabase(database);
		}
	}

	/** A new migrator from the files, as a start-up builds one, so reading and recording count. */
	private static Migrator migrator(DataSource dataSource, List<SqlScript> scripts, boolean gate) {
		Migrator migrator = new Migrator(dataSource, MigrationCatalog.ofDeclared(SqlRevisions.declare(scripts)),
				new PostgresDialect(), RunSettings.defaults());
		return gate ? migrator.withUpgradeCheck(new LintGate(LintPolicy.FAIL)) : migrator;
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
