package dev.migration.benchmarks.startup;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

/**
 * Measures what a migration tool adds to an application's start-up when all its revisions are
 * applied: {@link StartupApplication} started in a fresh JVM per run, with the same class path,
 * with no tool, with Boot's Flyway support and with this project's starter over the same N SQL
 * files (and, with {@code java}, over N Java revisions), runs interleaved.
 *
 * <p>Arguments: [revisions (default 500)] [runs (default 15)] then any of {@code java} (add the
 * Java revisions), {@code breakdown} (after the runs, as many more of each tool timing its steps,
 * see {@link StartupBreakdown}) and {@code steps} (one more run of each printing its slowest
 * start-up steps).
 */
public final class StartupBenchmark {

	private StartupBenchmark() {
	}

	/** One way to start the application: a name, its database and the properties that pick the tool. */
	private record Variant(String name, TestDatabase database, List<String> arguments) {
	}

	/** One run: milliseconds from the JVM's start to ready and to main(), the whole process, classes loaded. */
	private record Sample(long ready, long main, long process, long classes) {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 500;
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 15;
		List<String> options = List.of(args).subList(Math.min(2, args.length), args.length);
		TestDatabaseServer server = TestDatabaseServer.get();
		Path sqlFiles = StartupRevisions.sqlFiles(count);
		String location = "filesystem:" + sqlFiles;
		String classPath = System.getProperty("java.class.path");
		Path javaClasses = options.contains("java") ? StartupRevisions.javaClasses(count) : null;
		List<Variant> variants = new ArrayList<>();
		TestDatabase flywayDatabase = server.createDatabase("startup_flyway");
		variants.add(new Variant("no migration tool (DataSource only)", flywayDatabase,
				List.of("--spring.flyway.enabled=false", "--migrations.enabled=false")));
		variants.add(new Variant("Boot's Flyway, " + count + " SQL files", flywayDatabase,
				// Flyway's default transactional lock keeps a transaction open that CREATE INDEX CONCURRENTLY waits for
				List.of("--spring.flyway.locations=" + location, "--spring.flyway.postgresql.transactional-lock=false",
						"--migrations.enabled=false")));
		variants.add(new Variant("this starter, " + count + " SQL files", server.createDatabase("startup_ours"),
				List.of("--spring.flyway.enabled=false", "--migrations.locations=" + location)));
		if (javaClasses != null) {
			// on every variant's class path, so that they still differ in their properties alone
			classPath += File.pathSeparator + javaClasses;
			variants.add(new Variant("this starter, " + count + " Java revisions", server.createDatabase("startup_java"),
					// the starter's own scan walks the revisions' package too, as it walks an application's
					List.of("--spring.flyway.enabled=false", "--migrations.locations=",
							"--migrations.revisions.packages=startup.revisions", "--startup.java-revisions=true")));
		}
		for (Variant variant : variants.subList(1, variants.size())) {
			Sample apply = run(classPath, variant, List.of());
			System.out.printf("applied: %s in %d ms (whole process)%n", variant.name(), apply.process());
		}
		System.out.printf("history rows: Flyway %d, this starter %d%s%n",
				count(flywayDatabase, "flyway_schema_history WHERE success"),
				count(variants.get(2).database(), "migration_history"),
				(variants.size() > 3) ? ", Java revisions " + count(variants.get(3).database(), "migration_history")
						: "");
		Map<Variant, List<Sample>> samples = measure(classPath, variants, runs);
		report(server, count, runs, samples);
		if (options.contains("breakdown")) {
			Map<String, TestDatabase> tools = new LinkedHashMap<>();
			tools.put("ours", variants.get(2).database());
			tools.put("flyway", flywayDatabase);
			if (variants.size() > 3) {
				tools.put("java", variants.get(3).database());
			}
			breakdown(classPath, variants.get(0), tools, location, count, runs);
		}
		if (options.contains("steps")) {
			for (Variant variant : variants) {
				System.out.println("slowest start-up steps (nested), " + variant.name() + ":");
				System.out.print(output(classPath, variant, List.of("--startup.steps=true")));
			}
		}
		for (Variant variant : variants.subList(1, variants.size())) {
			server.dropDatabase(variant.database());
		}
		StartupRevisions.delete(sqlFiles);
		if (javaClasses != null) {
			StartupRevisions.delete(javaClasses);
		}
	}

	/** One untimed run each, then rounds of one run each, the order turning by one every round. */
	private static Map<Variant, List<Sample>> measure(String classPath, List<Variant> variants, int runs)
			throws IOException, InterruptedException {
		Map<Variant, List<Sample>> samples = new LinkedHashMap<>();
		for (Variant variant : variants) {
			run(classPath, variant, List.of());
			samples.put(variant, new ArrayList<>());
		}
		for (int round = 0; round < runs; round++) {
			for (int i = 0; i < variants.size(); i++) {
				Variant variant = variants.get((round + i) % variants.size());
				samples.get(variant).add(run(classPath, variant, List.of()));
			}
		}
		return samples;
	}

	/** Each tool's steps timed cold in a fresh JVM whose context started without it, median of the runs. */
	private static void breakdown(String classPath, Variant withoutTool, Map<String, TestDatabase> databases,
			String location, int count, int runs) throws IOException, InterruptedException {
		Map<String, Map<String, List<Long>>> steps = new LinkedHashMap<>();
		for (int round = 0; round < runs; round++) {
			for (Map.Entry<String, TestDatabase> tool : databases.entrySet()) {
				Variant variant = new Variant(withoutTool.name(), tool.getValue(), withoutTool.arguments());
				String output = output(classPath, variant, List.of("--startup.breakdown=" + tool.getKey(),
						"--startup.breakdown-location=" + location, "--startup.breakdown-count=" + count));
				Map<String, List<Long>> toolSteps = steps.computeIfAbsent(tool.getKey(), (key) -> new LinkedHashMap<>());
				figures(output, StartupBreakdown.LINE)
					.forEach((step, value) -> toolSteps.computeIfAbsent(step, (key) -> new ArrayList<>()).add(value));
			}
		}
		steps.forEach((tool, toolSteps) -> {
			StringBuilder line = new StringBuilder("steps of " + tool + ", cold, median ms (classes loaded):");
			toolSteps.forEach((step, values) -> {
				if (!step.endsWith("Classes")) {
					line.append(' ').append(step).append(' ').append(medianOf(values)).append(" (")
						.append(medianOf(toolSteps.get(step + "Classes"))).append(')');
				}
			});
			System.out.println(line);
		});
	}

	private static Map<String, Long> figures(String output, String prefix) {
		for (String line : output.split("\n")) {
			if (line.startsWith(prefix + " ")) {
				Map<String, Long> figures = new LinkedHashMap<>();
				for (String pair : line.substring(prefix.length() + 1).split(" ")) {
					String[] keyValue = pair.split("=");
					figures.put(keyValue[0], Long.parseLong(keyValue[1]));
				}
				return figures;
			}
		}
		throw new IllegalStateException("No line " + prefix + " in:\n" + output);
	}

	private static long medianOf(List<Long> values) {
		return values.stream().mapToLong(Long::longValue).sorted().toArray()[values.size() / 2];
	}

	private static Sample run(String classPath, Variant variant, List<String> extra)
			throws IOException, InterruptedException {
		long start = System.nanoTime();
		String output = output(classPath, variant, extra);
		long process = (System.nanoTime() - start) / 1_000_000;
		Map<String, Long> figures = figures(output, StartupApplication.READY);
		return new Sample(figures.get("ready"), figures.get("main"), process, figures.get("classes"));
	}

	/** Starts the application in a new JVM with the given class path and returns what it printed. */
	private static String output(String classPath, Variant variant, List<String> extra)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", classPath, StartupApplication.class.getName(), "--spring.main.web-application-type=none",
				"--spring.main.banner-mode=off"));
		command.addAll(variant.arguments());
		command.addAll(extra);
		Path log = Files.createTempFile("startup", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("SPRING_DATASOURCE_URL", variant.database().url());
		builder.environment().put("SPRING_DATASOURCE_USERNAME", variant.database().user());
		builder.environment().put("SPRING_DATASOURCE_PASSWORD", variant.database().password());
		Process process = builder.start();
		try {
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly().waitFor();
				throw new IllegalStateException(variant.name() + " did not exit within 5 minutes:\n" + Files.readString(log));
			}
			String output = Files.readString(log);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(variant.name() + " exited with " + process.exitValue() + ":\n" + output);
			}
			return output;
		}
		finally {
			Files.delete(log);
		}
	}

	private static long count(TestDatabase database, String from) {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + from)) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not count the history rows of " + database.name(), ex);
		}
	}

	private static void report(TestDatabaseServer server, int count, int runs, Map<Variant, List<Sample>> samples) {
		System.out.printf("%d revisions applied, nothing pending; median of %d fresh JVMs each, interleaved; %s; "
				+ "%d cores, Java %s, load average %.1f, %s%n", count, runs, server.description(),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), LocalDate.now());
		System.out.println("| variant | JVM start to ready (ms) | min–max | added to ready (ms) | whole process (ms) "
				+ "| added to process (ms) | JVM start to main() (ms) | classes loaded |");
		System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
		List<Sample> baseline = samples.values().iterator().next();
		samples.forEach((variant, runsOf) -> System.out.printf("| %s | %d | %d–%d | %s | %d | %s | %d | %d |%n",
				variant.name(), median(runsOf, Sample::ready), min(runsOf, Sample::ready), max(runsOf, Sample::ready),
				added(runsOf, baseline, Sample::ready), median(runsOf, Sample::process),
				added(runsOf, baseline, Sample::process), median(runsOf, Sample::main),
				median(runsOf, Sample::classes)));
		System.out.println("added: the median of per-round differences to the run without a tool in the same round");
		samples.forEach((variant, runsOf) -> System.out.println("ready, all runs, " + variant.name() + ": "
				+ runsOf.stream().map(Sample::ready).toList()));
	}

	private static String added(List<Sample> runs, List<Sample> baseline, ToLongFunction<Sample> figure) {
		if (runs == baseline) {
			return "–";
		}
		List<Long> differences = new ArrayList<>();
		for (int i = 0; i < runs.size(); i++) {
			differences.add(figure.applyAsLong(runs.get(i)) - figure.applyAsLong(baseline.get(i)));
		}
		Collections.sort(differences);
		return String.valueOf(differences.get(differences.size() / 2));
	}

	private static long median(List<Sample> runs, ToLongFunction<Sample> figure) {
		return runs.stream().mapToLong(figure).sorted().toArray()[runs.size() / 2];
	}

	private static long min(List<Sample> runs, ToLongFunction<Sample> figure) {
		return runs.stream().mapToLong(figure).min().orElseThrow();
	}

	private static long max(List<Sample> runs, ToLongFunction<Sample> figure) {
		return runs.stream().mapToLong(figure).max().orElseThrow();
	}

}
