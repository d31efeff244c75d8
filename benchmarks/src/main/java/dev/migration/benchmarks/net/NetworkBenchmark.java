package dev.migration.benchmarks.net;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import dev.migration.benchmarks.RawDdl;
import dev.migration.benchmarks.RunnerBenchmark;
import dev.migration.benchmarks.net.LatencyProxy.Traffic;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScriptLocations;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

/**
 * {@link RunnerBenchmark}'s workload (apply N one-table revisions to an empty database, then the
 * no-op start-up with nothing pending) with this project and with Flyway, directly and through a
 * {@link LatencyProxy} that adds each given round-trip time, rounds interleaved over tools and
 * round trips in one run.
 *
 * <p>Arguments: [revisions (default 500)] [runs (default 3)] [round trips in ms, comma-separated,
 * 0 for direct (default {@code 0,1,5})].
 */
public final class NetworkBenchmark {

	private static final int PROBES = 200;

	/** Where {@link #tools} puts Flyway, which the others' ratios are taken against. */
	private static final int FLYWAY = 2;

	private static final double TOLERANCE_MILLIS = 0.5;

	private static final Pattern URL = Pattern.compile("^jdbc:postgresql://([^/:?,]+)(?::(\\d+))?(/.*)?$");

	private NetworkBenchmark() {
	}

	/** One contender and what it runs against a data source; {@code noop} false where it has no start-up check. */
	private record Tool(String name, Function<DataSource, Runnable> run, boolean noop) {
	}

	/** One timed call: its duration and what went through the proxy meanwhile (null when direct). */
	private record Call(long micros, Traffic traffic) {
	}

	/** One round of one tool at one round trip: apply from empty, then the no-op on the result. */
	private record Round(Call apply, Call noop) {
	}

	/** The two timed calls of a round. */
	private enum Case {

		APPLY, NOOP;

		Call of(Round round) {
			return (this == APPLY) ? round.apply() : round.noop();
		}

		String label(int count) {
			return (this == APPLY) ? "apply " + count + " from empty" : "no-op start-up";
		}

		/** Raw JDBC's no-op is a single existence check, not a tool's start-up: left out of the tables. */
		boolean shows(Tool tool) {
			return this == APPLY || tool.noop();
		}

	}

	public static void main(String[] args) throws IOException {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 500;
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		List<Integer> roundTrips = Arrays.stream(((args.length > 2) ? args[2] : "0,1,5").split(","))
			.map(String::trim)
			.map(Integer::valueOf)
			.toList();
		double loadBefore = loadAverage();
		TestDatabaseServer server = TestDatabaseServer.get();
		Path scripts = RunnerBenchmark.flywayScripts(count);
		List<Tool> tools = tools(count, "filesystem:" + scripts);
		Map<Integer, LatencyProxy> proxies = proxies(server, roundTrips);
		try {
			// one untimed round each, directly, so class loading and JIT do not count against either
			for (Tool tool : tools) {
				measure(server, tool, null);
			}
			Map<Integer, Map<Tool, List<Round>>> rounds = measure(server, tools, proxies, roundTrips, runs);
			report(server, count, runs, tools, rounds, loadBefore);
		}
		finally {
			for (LatencyProxy proxy : proxies.values()) {
				proxy.close();
			}
		}
	}

	/** Issue 3's contenders: this project with Java revisions and with the SQL files, Flyway with the files, raw JDBC. */
	private static List<Tool> tools(int count, String location) {
		MigrationCatalog javaCatalog = MigrationCatalog.ofDeclared(RunnerBenchmark.revisions(count));
		ClassLoader loader = NetworkBenchmark.class.getClassLoader();
		return List.of(
				new Tool("this project, Java revisions", (dataSource) -> () -> upgrade(dataSource, javaCatalog), true),
				// read, named and checksummed on every run, as Flyway reads them
				new Tool("this project, SQL files", (dataSource) -> () -> upgrade(dataSource, MigrationCatalog
					.ofDeclared(SqlRevisions.declare(SqlScriptLocations.load(List.of(location), loader)))), true),
				new Tool("Flyway " + flywayVersion() + ", SQL files", (dataSource) -> () -> Flyway.configure(loader)
					.dataSource(dataSource)
					.locations(location)
					.load()
					.migrate(), true),
				new Tool("raw JDBC, no tool", (dataSource) -> () -> RawDdl.apply(dataSource, count), false));
	}

	private static void upgrade(DataSource dataSource, MigrationCatalog catalog) {
		new Migrator(dataSource, catalog, new PostgresDialect(), RunSettings.defaults()).upgrade("heads");
	}

	/** A proxy per round trip above 0, each checked with {@code SELECT 1} against the direct round trip. */
	private static Map<Integer, LatencyProxy> proxies(TestDatabaseServer server, List<Integer> roundTrips)
			throws IOException {
		Map<Integer, LatencyProxy> proxies = new LinkedHashMap<>();
		TestDatabase probe = server.createDatabase("net_probe");
		try {
			double direct = medianRoundTrip(probe);
			System.out.printf("SELECT 1 round trip, direct: median %.3f ms of %d%n", direct, PROBES);
			for (int roundTrip : roundTrips) {
				if (roundTrip > 0) {
					LatencyProxy proxy = proxy(probe, roundTrip);
					proxies.put(roundTrip, proxy);
					check(proxy, probe, roundTrip, direct);
				}
			}
		}
		catch (RuntimeException | IOException ex) {
			for (LatencyProxy proxy : proxies.values()) {
				proxy.close();
			}
			throw ex;
		}
		finally {
			server.dropDatabase(probe);
		}
		return proxies;
	}

	private static LatencyProxy proxy(TestDatabase database, int roundTripMillis) throws IOException {
		Matcher url = URL.matcher(database.url());
		if (!url.matches()) {
			throw new IllegalArgumentException("Not a single-host PostgreSQL JDBC URL: " + database.name());
		}
		int port = (url.group(2) != null) ? Integer.parseInt(url.group(2)) : 5432;
		return new LatencyProxy(url.group(1), port, Duration.ofMillis(roundTripMillis));
	}

	private static void check(LatencyProxy proxy, TestDatabase probe, int roundTrip, double direct) {
		double measured = medianRoundTrip(through(proxy, probe));
		System.out.printf("SELECT 1 round trip through the %d ms proxy: median %.3f ms of %d (expected %.3f)%n",
				roundTrip, measured, PROBES, roundTrip + direct);
		if (Math.abs(measured - (roundTrip + direct)) > TOLERANCE_MILLIS) {
			throw new IllegalStateException("The " + roundTrip + " ms proxy measured " + measured
					+ " ms a round trip, more than " + TOLERANCE_MILLIS + " ms off " + (roundTrip + direct) + " ms");
		}
	}

	/** Median milliseconds of a {@code SELECT 1} on one connection, after as many untimed ones. */
	private static double medianRoundTrip(TestDatabase database) {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			long[] nanos = new long[PROBES];
			for (int i = 0; i < PROBES * 2; i++) {
				long start = System.nanoTime();
				try (ResultSet result = statement.executeQuery("SELECT 1")) {
					result.next();
				}
				if (i >= PROBES) {
					nanos[i - PROBES] = System.nanoTime() - start;
				}
			}
			Arrays.sort(nanos);
			return nanos[PROBES / 2] / 1e6;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("SELECT 1 failed on " + database.name(), ex);
		}
	}

	/** The same database, reached through the proxy; directly when there is none. */
	private static TestDatabase through(LatencyProxy proxy, TestDatabase database) {
		if (proxy == null) {
			return database;
		}
		Matcher url = URL.matcher(database.url());
		if (!url.matches()) {
			throw new IllegalArgumentException("Not a single-host PostgreSQL JDBC URL: " + database.name());
		}
		String rest = (url.group(3) != null) ? url.group(3) : "/";
		return new TestDatabase(database.name(), "jdbc:postgresql://127.0.0.1:" + proxy.port() + rest,
				database.user(), database.password());
	}

	/** Rounds of every tool at every round trip, the tools' order turning by one every round. */
	private static Map<Integer, Map<Tool, List<Round>>> measure(TestDatabaseServer server, List<Tool> tools,
			Map<Integer, LatencyProxy> proxies, List<Integer> roundTrips, int runs) {
		Map<Integer, Map<Tool, List<Round>>> rounds = new LinkedHashMap<>();
		for (int roundTrip : roundTrips) {
			Map<Tool, List<Round>> byTool = new LinkedHashMap<>();
			tools.forEach((tool) -> byTool.put(tool, new ArrayList<>()));
			rounds.put(roundTrip, byTool);
		}
		for (int run = 0; run < runs; run++) {
			for (int roundTrip : roundTrips) {
				for (int i = 0; i < tools.size(); i++) {
					Tool tool = tools.get((run + i) % tools.size());
					Round round = measure(server, tool, proxies.get(roundTrip));
					rounds.get(roundTrip).get(tool).add(round);
					System.out.printf("run %d, %d ms, %s: apply %s ms, no-op %s ms%n", run + 1, roundTrip, tool.name(),
							millis(round.apply().micros()), millis(round.noop().micros()));
				}
			}
		}
		return rounds;
	}

	/** Apply from empty, then the no-op, each call timed, on a fresh database and a pool of its own. */
	private static Round measure(TestDatabaseServer server, Tool tool, LatencyProxy proxy) {
		TestDatabase database = server.createDatabase("net");
		try (HikariDataSource dataSource = RunnerBenchmark.pool(through(proxy, database))) {
			Call apply = call(tool.run().apply(dataSource), proxy);
			Call noop = call(tool.run().apply(dataSource), proxy);
			return new Round(apply, noop);
		}
		finally {
			server.dropDatabase(database);
		}
	}

	private static Call call(Runnable work, LatencyProxy proxy) {
		Traffic before = (proxy != null) ? proxy.traffic() : null;
		long start = System.nanoTime();
		work.run();
		long micros = (System.nanoTime() - start) / 1_000;
		return new Call(micros, (proxy != null) ? proxy.traffic().minus(before) : null);
	}

	private static void report(TestDatabaseServer server, int count, int runs, List<Tool> tools,
			Map<Integer, Map<Tool, List<Round>>> rounds, double loadBefore) {
		System.out.printf("%d revisions, median (min–max) of %d interleaved runs per round trip, %s; %d cores, "
				+ "Java %s, load average %.2f before, %.2f after, %s%n", count, runs, server.description(),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadBefore,
				loadAverage(), LocalDate.now());
		Tool flyway = tools.get(FLYWAY);
		List<Tool> others = tools.stream().filter((tool) -> tool != flyway).toList();
		header(tools.stream().map((tool) -> tool.name() + " (ms)").toList(),
				others.stream().map((tool) -> tool.name() + " / Flyway").toList());
		rounds.forEach((roundTrip, byTool) -> {
			for (Case kind : Case.values()) {
				row(roundTrip, kind.label(count), tools.stream().map((tool) -> times(tool, byTool.get(tool), kind)).toList(),
						others.stream().map((tool) -> ratio(tool, byTool.get(tool), byTool.get(flyway), kind)).toList());
			}
		});
		System.out.println("round trips: client chunks that followed a reply (in parentheses: all client chunks, "
				+ "connections opened), median of the runs");
		header(tools.stream().map(Tool::name).toList(), List.of());
		rounds.forEach((roundTrip, byTool) -> {
			for (Case kind : Case.values()) {
				if (roundTrip > 0) {
					row(roundTrip, kind.label(count),
							tools.stream().map((tool) -> traffic(tool, byTool.get(tool), kind)).toList(), List.of());
				}
			}
		});
		perRoundTrip(tools, rounds);
		rounds.forEach((roundTrip, byTool) -> byTool.forEach((tool, list) -> System.out.println("all runs (apply/no-op, "
				+ "ms), " + roundTrip + " ms, " + tool.name() + ": " + list.stream()
					.map((round) -> millis(round.apply().micros()) + "/" + millis(round.noop().micros()))
					.toList())));
	}

	private static void header(List<String> columns, List<String> more) {
		System.out.println("| added round trip | case | " + String.join(" | ", columns)
				+ more.stream().map((column) -> " | " + column).collect(Collectors.joining()) + " |");
		System.out.println("| --- | --- |" + " --- |".repeat(columns.size() + more.size()));
	}

	private static void row(int roundTrip, String label, List<String> cells, List<String> more) {
		System.out.println("| " + roundTrip + " ms | " + label + " | " + String.join(" | ", cells)
				+ more.stream().map((cell) -> " | " + cell).collect(Collectors.joining()) + " |");
	}

	private static String times(Tool tool, List<Round> rounds, Case kind) {
		if (!kind.shows(tool)) {
			return "–";
		}
		ToLongFunction<Round> micros = (round) -> kind.of(round).micros();
		return millis(median(rounds, micros)) + " (" + millis(min(rounds, micros)) + "–" + millis(max(rounds, micros))
				+ ")";
	}

	private static String ratio(Tool tool, List<Round> rounds, List<Round> flyway, Case kind) {
		return kind.shows(tool) ? String.format("%.2fx", medianRatio(rounds, flyway, (round) -> kind.of(round).micros()))
				: "–";
	}

	private static String traffic(Tool tool, List<Round> rounds, Case kind) {
		if (!kind.shows(tool)) {
			return "–";
		}
		return median(rounds, (round) -> kind.of(round).traffic().turns()) + " ("
				+ median(rounds, (round) -> kind.of(round).traffic().clientChunks()) + ", "
				+ median(rounds, (round) -> kind.of(round).traffic().connections()) + ")";
	}

	/** Time added over direct, per round trip counted, per millisecond added: near 1 when round trips explain it. */
	private static void perRoundTrip(List<Tool> tools, Map<Integer, Map<Tool, List<Round>>> rounds) {
		Map<Tool, List<Round>> direct = rounds.get(0);
		if (direct == null) {
			return;
		}
		System.out.println("median time added over direct / round trips / added round trip:");
		rounds.forEach((roundTrip, byTool) -> {
			for (Tool tool : tools) {
				if (roundTrip > 0) {
					System.out.printf("%d ms, %s: apply %s, no-op %s%n", roundTrip, tool.name(),
							addedShare(tool, direct.get(tool), byTool.get(tool), Case.APPLY, roundTrip),
							addedShare(tool, direct.get(tool), byTool.get(tool), Case.NOOP, roundTrip));
				}
			}
		});
	}

	private static String addedShare(Tool tool, List<Round> direct, List<Round> proxied, Case kind, int roundTrip) {
		if (!kind.shows(tool)) {
			return "–";
		}
		ToLongFunction<Round> micros = (round) -> kind.of(round).micros();
		long added = median(proxied, micros) - median(direct, micros);
		long turns = median(proxied, (round) -> kind.of(round).traffic().turns());
		return String.format("%.2f", added / 1000.0 / Math.max(1, turns) / roundTrip);
	}

	/** Each run against the Flyway run of the same round, so drifting machine load cancels out. */
	private static double medianRatio(List<Round> ours, List<Round> theirs, ToLongFunction<Round> micros) {
		double[] ratios = new double[ours.size()];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = (double) micros.applyAsLong(ours.get(i)) / Math.max(1, micros.applyAsLong(theirs.get(i)));
		}
		Arrays.sort(ratios);
		return ratios[ratios.length / 2];
	}

	private static long median(List<Round> rounds, ToLongFunction<Round> figure) {
		return rounds.stream().mapToLong(figure).sorted().toArray()[rounds.size() / 2];
	}

	private static long min(List<Round> rounds, ToLongFunction<Round> figure) {
		return rounds.stream().mapToLong(figure).min().orElseThrow();
	}

	private static long max(List<Round> rounds, ToLongFunction<Round> figure) {
		return rounds.stream().mapToLong(figure).max().orElseThrow();
	}

	/** Whole milliseconds from 100 up, tenths below. */
	private static String millis(long micros) {
		return (micros >= 100_000) ? String.valueOf(Math.round(micros / 1000.0))
				: String.format("%.1f", micros / 1000.0);
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static String flywayVersion() {
		try (InputStream version = Flyway.class.getResourceAsStream("/org/flywaydb/core/internal/version.txt")) {
			return (version != null) ? new String(version.readAllBytes(), StandardCharsets.UTF_8).trim() : "";
		}
		catch (IOException ex) {
			// the version only labels the output
			return "";
		}
	}

}
