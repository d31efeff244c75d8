package dev.migration.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.lint.LintGate;
import dev.migration.core.lint.LintPolicy;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScriptLocations;
import dev.migration.core.tenant.Tenant;
import dev.migration.core.tenant.TenantFanOut;
import dev.migration.core.tenant.TenantOutcome.Status;
import dev.migration.core.tenant.TenantReport;
import dev.migration.core.tenant.TenantStanding;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

/**
 * Migrates many tenant schemas to the same revisions with {@link TenantFanOut} at several
 * parallelisms and with a Flyway loop over the schemas, then reruns both with every tenant at head.
 *
 * Ours runs twice at each parallelism: the bare engine, and behind the lint gate as the starter
 * runs it; then the read of every tenant's standing that the endpoint, health and metrics make.
 *
 * <p>Arguments: [tenants (default 1000)] [revisions, at most 20 (default 20)] [our parallelisms
 * (default {@code 1,2,4,8})] [runs (default 1)] [Flyway parallelisms (default {@code 1}: the plain
 * loop; more runs the loop in a thread pool of that size; {@code 0} leaves Flyway out)].
 */
public final class TenantBenchmark {

	/** Small DDL a tenant's application would carry: four tables, columns, indexes, checks, a few rows. */
	private static final List<String> CHANGES = List.of(
			"CREATE TABLE account (\n    id bigint PRIMARY KEY,\n    name text NOT NULL\n);\n",
			"CREATE TABLE project (\n    id bigint PRIMARY KEY,\n    account_id bigint NOT NULL REFERENCES account (id),\n"
					+ "    title text\n);\n",
			"CREATE TABLE task (\n    id bigint PRIMARY KEY,\n    project_id bigint NOT NULL REFERENCES project (id),\n"
					+ "    done boolean NOT NULL DEFAULT false\n);\n",
			"ALTER TABLE account ADD COLUMN email text;\n",
			"CREATE INDEX account_email_idx ON account (email);\n",
			"ALTER TABLE task ADD COLUMN due date;\n",
			"ALTER TABLE project ADD CONSTRAINT project_title_length CHECK (char_length(title) <= 200);\n",
			"INSERT INTO account (id, name, email) VALUES (1, 'owner', 'owner@example.com');\n",
			"CREATE TABLE audit_event (\n    id bigint PRIMARY KEY,\n    at timestamptz NOT NULL DEFAULT now(),\n"
					+ "    kind text NOT NULL\n);\n",
			"CREATE INDEX task_project_idx ON task (project_id);\n",
			"ALTER TABLE task ADD COLUMN priority integer NOT NULL DEFAULT 0;\n",
			"ALTER TABLE task ADD CONSTRAINT task_priority_range CHECK (priority BETWEEN 0 AND 5);\n",
			"ALTER TABLE project ADD COLUMN archived boolean NOT NULL DEFAULT false;\n",
			"INSERT INTO project (id, account_id, title) VALUES (1, 1, 'first project');\n",
			"CREATE INDEX audit_event_at_idx ON audit_event (at);\n",
			"ALTER TABLE account ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();\n",
			"ALTER TABLE audit_event ADD COLUMN account_id bigint REFERENCES account (id);\n",
			"CREATE UNIQUE INDEX account_email_key ON account (email);\n",
			"ALTER TABLE task ADD COLUMN note text;\n",
			"INSERT INTO task (id, project_id, priority) VALUES (1, 1, 2), (2, 1, 0);\n");

	private TenantBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int tenants = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		int revisions = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		List<Integer> parallelisms = integers((args.length > 2) ? args[2] : "1,2,4,8");
		int runs = (args.length > 3) ? Integer.parseInt(args[3]) : 1;
		List<Integer> flywayParallelisms = integers((args.length > 4) ? args[4] : "1");
		if (revisions < 1 || revisions > CHANGES.size()) {
			throw new IllegalArgumentException("revisions must be 1 to " + CHANGES.size() + ", but was " + revisions);
		}
		TestDatabaseServer server = TestDatabaseServer.get();
		String location = "filesystem:" + scripts(revisions);
		System.out.printf("load before: %s; %d cores, Java %s; PostgreSQL: %s%n", load(),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), server.description());
		// an untimed round of each, so class loading and JIT do not count against either
		measure(server, "warm-up, this project", 20, revisions, 2, (dataSource) -> ours(dataSource, location, 2, false));
		measure(server, "warm-up, Flyway", 20, revisions, 1, (dataSource) -> flyway(dataSource, location, 1));
		List<String> rows = new ArrayList<>();
		for (int run = 1; run <= runs; run++) {
			for (int parallelism : parallelisms) {
				rows.addAll(measure(server, "this project (TenantFanOut)", tenants, revisions, parallelism,
						(dataSource) -> ours(dataSource, location, parallelism, false)));
				rows.addAll(measure(server, "this project behind the lint gate (as the starter runs)", tenants, revisions,
						parallelism, (dataSource) -> ours(dataSource, location, parallelism, true)));
				rows.add(standings(server, location, tenants, revisions, parallelism));
			}
			for (int parallelism : flywayParallelisms.stream().filter((parallelism) -> parallelism > 0).toList()) {
				String name = (parallelism == 1) ? "Flyway loop" : "Flyway loop in a thread pool";
				rows.addAll(measure(server, name, tenants, revisions, parallelism,
						(dataSource) -> flyway(dataSource, location, parallelism)));
			}
		}
		System.out.println("| case | tenants | revisions | parallelism | total (s) | tenants/s | ms per tenant |");
		System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
		rows.forEach(System.out::println);
		System.out.println("load after: " + load());
	}

	/** Times applying to every tenant of a fresh database, then the rerun with all at head; returns both rows. */
	private static List<String> measure(TestDatabaseServer server, String name, int tenants, int revisions,
			int parallelism, Function<DataSource, Consumer<List<String>>> tool) {
		List<String> schemas = IntStream.rangeClosed(1, tenants).mapToObj((i) -> "tenant_%04d".formatted(i)).toList();
		TestDatabase database = server.createDatabase("tenants");
		try (HikariDataSource dataSource = pool(database, parallelism)) {
			settings(dataSource, name);
			Consumer<List<String>> run = tool.apply(dataSource);
			long apply = time(() -> run.accept(schemas));
			verify(dataSource, schemas, revisions, name);
			long rerun = time(() -> run.accept(schemas));
			verify(dataSource, schemas, revisions, name);
			List<String> rows = List.of(row(name + ", apply", tenants, revisions, parallelism, apply),
					row(name + ", rerun at head", tenants, revisions, parallelism, rerun));
			rows.forEach((row) -> System.out.println(row + "   load " + load()));
			return rows;
		}
		finally {
			server.dropDatabase(database);
		}
	}

	/** Times reading every tenant's standing, as the endpoint does, once all are at head. */
	private static String standings(TestDatabaseServer server, String location, int tenants, int revisions,
			int parallelism) {
		List<Tenant> all = IntStream.rangeClosed(1, tenants).mapToObj((i) -> Tenant.ofSchema("tenant_%04d".formatted(i)))
			.toList();
		TestDatabase database = server.createDatabase("tenants");
		try (HikariDataSource dataSource = pool(database, parallelism)) {
			ours(dataSource, location, parallelism, false).accept(all.stream().map(Tenant::name).toList());
			TenantFanOut fanOut = TenantFanOut.of(migrator(dataSource, location, false)).withParallelism(parallelism);
			List<TenantStanding> read = new ArrayList<>();
			long millis = time(() -> read.addAll(fanOut.standings(all, "heads")));
			if (read.stream().anyMatch((standing) -> standing.standing() != TenantStanding.Standing.AT_TARGET)) {
				throw new IllegalStateException("a tenant is not at head: " + read);
			}
			String row = row("this project, every tenant's standing (the endpoint's read)", tenants, revisions,
					parallelism, millis);
			System.out.println(row + "   load " + load());
			return row;
		}
		finally {
			server.dropDatabase(database);
		}
	}

	private static Migrator migrator(DataSource dataSource, String location, boolean gated) {
		MigrationCatalog catalog = MigrationCatalog.ofDeclared(SqlRevisions.declare(
				SqlScriptLocations.load(List.of(location), TenantBenchmark.class.getClassLoader())));
		Migrator migrator = new Migrator(dataSource, catalog, new PostgresDialect(), RunSettings.defaults());
		return gated ? migrator.withUpgradeCheck(new LintGate(LintPolicy.FAIL)) : migrator;
	}

	/** Ours: the files read and the fan-out built on every call, as an application's start-up would. */
	private static Consumer<List<String>> ours(DataSource dataSource, String location, int parallelism, boolean gated) {
		return (schemas) -> {
			Migrator migrator = migrator(dataSource, location, gated);
			TenantReport report = TenantFanOut.of(migrator).withParallelism(parallelism).upgrade(schemas, "heads");
			if (!report.complete()) {
				throw new IllegalStateException("fan-out incomplete: " + report.counts() + " " + report.failed());
			}
			long done = report.counts().getOrDefault(Status.UPGRADED, 0L)
					+ report.counts().getOrDefault(Status.UP_TO_DATE, 0L);
			if (done != schemas.size()) {
				throw new IllegalStateException("tenants upgraded or up to date: " + report.counts());
			}
		};
	}

	/** Flyway: one {@code migrate()} per schema, as users loop (flyway/flyway#949); in a pool if parallelism > 1. */
	private static Consumer<List<String>> flyway(DataSource dataSource, String location, int parallelism) {
		Consumer<String> one = (schema) -> Flyway.configure()
			.dataSource(dataSource)
			.schemas(schema)
			.defaultSchema(schema)
			.locations(location)
			.load()
			.migrate();
		if (parallelism == 1) {
			return (schemas) -> schemas.forEach(one);
		}
		return (schemas) -> {
			ExecutorService executor = Executors.newFixedThreadPool(parallelism);
			try {
				List<Future<?>> runs = schemas.stream().<Future<?>>map((schema) -> executor.submit(() -> one.accept(schema)))
					.toList();
				for (Future<?> run : runs) {
					run.get();
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException("Flyway in a thread pool failed", ex);
			}
			finally {
				executor.shutdownNow();
			}
		};
	}

	/** Every revision recorded, and its last row there, in the first, middle and last tenant. */
	private static void verify(DataSource dataSource, List<String> schemas, int revisions, String name) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		boolean flyway = name.contains("Flyway");
		for (String schema : List.of(schemas.get(0), schemas.get(schemas.size() / 2), schemas.get(schemas.size() - 1))) {
			String count = flyway ? "SELECT count(*) FROM " + schema + ".flyway_schema_history WHERE type = 'SQL' AND success"
					: "SELECT count(*) FROM " + schema + ".migration_history";
			Integer recorded = jdbc.queryForObject(count, Integer.class);
			if (recorded == null || recorded != revisions) {
				throw new IllegalStateException(name + ": " + schema + " records " + recorded + " revisions, not " + revisions);
			}
		}
	}

	private static void settings(DataSource dataSource, String name) {
		if (!name.startsWith("warm-up, this")) {
			return;
		}
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		for (String setting : List.of("server_version", "shared_buffers", "max_connections", "work_mem", "fsync",
				"synchronous_commit", "max_locks_per_transaction")) {
			System.out.print(setting + "=" + jdbc.queryForObject("SHOW " + setting, String.class) + " ");
		}
		System.out.println();
	}

	/** Writes the changes as {@code V<n>__change_<n>.sql}, the files both tools read. */
	private static Path scripts(int revisions) throws IOException {
		Path directory = Files.createTempDirectory("tenant-bench");
		for (int i = 1; i <= revisions; i++) {
			Files.writeString(directory.resolve("V" + i + "__change_" + i + ".sql"), CHANGES.get(i - 1));
		}
		return directory;
	}

	/** A pool with a connection per tenant in flight and room for the lock and history connections beside them. */
	private static HikariDataSource pool(TestDatabase database, int parallelism) {
		HikariDataSource dataSource = RunnerBenchmark.pool(database);
		dataSource.setMaximumPoolSize(2 * parallelism + 2);
		return dataSource;
	}

	private static String row(String name, int tenants, int revisions, int parallelism, long millis) {
		return "| %s | %d | %d | %d | %.2f | %.1f | %.1f |".formatted(name, tenants, revisions, parallelism,
				millis / 1000.0, tenants * 1000.0 / Math.max(1, millis), (double) millis / tenants);
	}

	private static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static List<Integer> integers(String list) {
		return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
	}

	private static long time(Runnable work) {
		long start = System.nanoTime();
		work.run();
		return (System.nanoTime() - start) / 1_000_000;
	}

}
