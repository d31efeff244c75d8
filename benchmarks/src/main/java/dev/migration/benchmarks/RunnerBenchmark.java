package dev.migration.benchmarks;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScriptLocations;
import dev.migration.core.schema.ColumnType;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

/**
 * Applies N one-table migrations to an empty database, then runs the no-op start-up check,
 * with this project and with Flyway, alternating on the same PostgreSQL, and prints medians.
 *
 * <p>Arguments: [migrations (default 500)] [runs (default 5)] [{@code java} (default), {@code sql}
 * or {@code jar}: with {@code sql} this project applies the same SQL files Flyway does, from a
 * folder on disk, reading them on every run as Flyway does, instead of Java revisions; with
 * {@code jar} both tools read them from {@code classpath:db/migration} in a jar].
 */
public final class RunnerBenchmark {

	private RunnerBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 500;
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		TestDatabaseServer server = TestDatabaseServer.get();
		Path scripts = flywayScripts(count);
		String mode = (args.length > 2) ? args[2] : "java";
		// "jar": both tools find the files on the class path, in a jar, as an application packaged by Spring Boot does
		ClassLoader loader = mode.equals("jar") ? jarOf(scripts) : RunnerBenchmark.class.getClassLoader();
		String location = mode.equals("jar") ? "classpath:db/migration" : "filesystem:" + scripts;
		MigrationCatalog javaCatalog = MigrationCatalog.ofDeclared(revisions(count));
		Supplier<MigrationCatalog> catalog = mode.equals("java") ? () -> javaCatalog
				: () -> MigrationCatalog.ofDeclared(SqlRevisions.declare(SqlScriptLocations.load(List.of(location), loader)));
		Function<DataSource, Runnable> ours = (dataSource) -> () -> new Migrator(dataSource, catalog.get(),
				new PostgresDialect(), RunSettings.defaults()).upgrade("heads");
		System.out.println("this project applies " + (mode.equals("java") ? "Java revisions" : "the SQL files")
				+ "; Flyway reads the files from " + location);
		Function<DataSource, Runnable> flyway = (dataSource) -> () -> Flyway.configure(loader)
			.dataSource(dataSource)
			.locations(location)
			.load()
			.migrate();
		Function<DataSource, Runnable> floor = (dataSource) -> () -> RawDdl.apply(dataSource, count);
		// one untimed round each, so class loading and JIT do not count against either
		measure(server, ours);
		measure(server, flyway);
		measure(server, floor);
		List<long[]> oursTimes = new ArrayList<>();
		List<long[]> flywayTimes = new ArrayList<>();
		List<long[]> floorTimes = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			oursTimes.add(measure(server, ours));
			flywayTimes.add(measure(server, flyway));
			floorTimes.add(measure(server, floor));
		}
		report(count, runs, server, oursTimes, flywayTimes, floorTimes);
	}

	/** Returns {apply from empty, no-op start-up} in milliseconds, each on a fresh database. */
	private static long[] measure(TestDatabaseServer server, Function<DataSource, Runnable> tool) {
		TestDatabase database = server.createDatabase("bench");
		try (HikariDataSource dataSource = pool(database)) {
			long apply = time(tool.apply(dataSource));
			long noop = time(tool.apply(dataSource));
			return new long[] { apply, noop };
		}
		finally {
			server.dropDatabase(database);
		}
	}

	private static void report(int count, int runs, TestDatabaseServer server, List<long[]> ours,
			List<long[]> flyway, List<long[]> floor) {
		System.out.printf("%d migrations, median of %d interleaved runs, PostgreSQL: %s, %d cores, Java %s%n", count,
				runs, server.description(), Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"));
		System.out.println("| case | this project (ms) | Flyway (ms) | raw JDBC, no tool (ms) | ratio to Flyway "
				+ "(median of per-run ratios) |");
		System.out.println("| --- | --- | --- | --- | --- |");
		System.out.printf("| apply %d from empty | %d | %d | %d | %.2fx |%n", count, median(ours, 0), median(flyway, 0),
				median(floor, 0), medianRatio(ours, flyway, 0));
		System.out.printf("| no-op start-up | %d | %d | - | %.2fx |%n", median(ours, 1), median(flyway, 1),
				medianRatio(ours, flyway, 1));
		System.out.printf("raw JDBC floor / Flyway, apply: %.2fx%n", medianRatio(floor, flyway, 0));
		System.out.println("all runs (apply/no-op): ours " + format(ours) + ", Flyway " + format(flyway) + ", raw "
				+ format(floor));
	}

	/** Each run of ours against the Flyway run next to it in time, so drifting machine load cancels out. */
	private static double medianRatio(List<long[]> ours, List<long[]> theirs, int index) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < ours.size(); i++) {
			ratios.add((double) ours.get(i)[index] / Math.max(1, theirs.get(i)[index]));
		}
		Collections.sort(ratios);
		return ratios.get(ratios.size() / 2);
	}

	/** The N Java revisions this project applies: one table each, chained. */
	public static List<DeclaredRevision> revisions(int count) {
		List<DeclaredRevision> revisions = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			String table = "t" + i;
			RevisionNode node = (i == 1) ? RevisionNode.of("r1", "create " + table)
					: RevisionNode.of("r" + i, "create " + table, "r" + (i - 1));
			revisions.add(new DeclaredRevision(node, (op) -> op.createTable(table, (t) -> t
				.column("id", ColumnType.BIGINT, (c) -> c.primaryKey())
				.column("name", ColumnType.TEXT)), true));
		}
		return revisions;
	}

	/** Writes the same changes as N {@code V<n>__create_t<n>.sql} files into a new temporary folder. */
	public static Path flywayScripts(int count) throws IOException {
		Path directory = Files.createTempDirectory("flyway-bench");
		for (int i = 1; i <= count; i++) {
			Files.writeString(directory.resolve("V" + i + "__create_t" + i + ".sql"),
					"CREATE TABLE t" + i + " (\n    id bigint PRIMARY KEY,\n    name text\n);\n");
		}
		return directory;
	}

	private static ClassLoader jarOf(Path scripts) throws IOException {
		Path jar = Files.createTempFile("migrations", ".jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
				DirectoryStream<Path> files = Files.newDirectoryStream(scripts)) {
			for (String folder : List.of("db/", "db/migration/")) {
				out.putNextEntry(new JarEntry(folder));
				out.closeEntry();
			}
			for (Path file : files) {
				out.putNextEntry(new JarEntry("db/migration/" + file.getFileName()));
				out.write(Files.readAllBytes(file));
				out.closeEntry();
			}
		}
		return new URLClassLoader(new URL[] { jar.toUri().toURL() }, RunnerBenchmark.class.getClassLoader());
	}

	/** A pool of 4 to the database, as each benchmark here uses. */
	public static HikariDataSource pool(TestDatabase database) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.url());
		dataSource.setUsername(database.user());
		dataSource.setPassword(database.password());
		dataSource.setMaximumPoolSize(4);
		return dataSource;
	}

	private static long time(Runnable work) {
		long start = System.nanoTime();
		work.run();
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static long median(List<long[]> times, int index) {
		List<Long> values = new ArrayList<>(times.stream().map((run) -> run[index]).toList());
		Collections.sort(values);
		return values.get(values.size() / 2);
	}

	private static String format(List<long[]> times) {
		return times.stream().map((run) -> run[0] + "/" + run[1]).toList().toString();
	}

}
