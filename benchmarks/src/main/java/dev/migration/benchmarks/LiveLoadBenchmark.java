package dev.migration.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.execute.Direction;
import dev.migration.core.execute.ExecutionSettings;
import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.MigrationListener;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

/**
 * Migrates a table of N rows while {@link LoadGenerator#CLIENTS} application clients read and
 * write it at a fixed total rate, and measures what the clients feel. Three scenarios, each on
 * a fresh database:
 * <ul>
 * <li>A: this project's {@link Migrator} runs six revisions made of safe operations (add a
 * nullable column, backfill it, SET NOT NULL online, CREATE INDEX CONCURRENTLY, a foreign key
 * NOT VALID then validated, a unique index built concurrently and promoted), with the default
 * lock timeout (1 s), lock probes (25 ms) and retries (5);</li>
 * <li>B: the same change as plain DDL, one statement per transaction as Flyway runs one SQL
 * file per migration, without a lock timeout;</li>
 * <li>C: A again while another session holds a transaction that read the table, so the first
 * DDL cannot get its lock until that transaction ends.</li>
 * </ul>
 * Each scenario: a warm-up, an idle baseline under load, the migration under load, a few
 * seconds after. Prints Markdown tables and writes a latency-over-time chart as SVG.
 *
 * <p>Arguments: rows (default 1,000,000) and total requests per second (default 400), then
 * options for experiments as {@code key=value}: {@code hold} seconds of C's long transaction
 * (12), {@code lock-timeout} and {@code lock-probe} of A and C in ms and their lock
 * {@code retries} (the project's defaults, 1000, 25 and 5), {@code backfill-target} and {@code backfill-pause} in ms (the
 * defaults of {@code op.backfill}, 100 and 10), and the {@code scenarios} to run ({@code ABC};
 * the chart is written only when all three run with the defaults).
 */
public final class LiveLoadBenchmark {

	private static final Duration WARM_UP = Duration.ofSeconds(5);

	private static final Duration IDLE = Duration.ofSeconds(15);

	private static final Duration AFTER = Duration.ofSeconds(5);

	/** Warm-up under load, idle baseline, after the migration. */
	private static final Duration[] PHASES = { WARM_UP, IDLE, AFTER };

	private static final Duration[] WARM_UP_PHASES = { Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO };

	private static final Path CHART = Path.of("docs", "live-load.svg");

	/** The targets for A and C. */
	static final double MAX_P99_RATIO = 2.0;

	static final double MAX_STALL_MILLIS = 1000;

	static final double MIN_STALL_RATIO_B_TO_A = 10;

	private LiveLoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		TestDatabaseServer server = TestDatabaseServer.get();
		long started = System.nanoTime();
		// the load and the migrator share this JVM: load their classes and compile them before measuring
		progress("Warming up the JVM on a small table");
		for (Scenario scenario : List.of(Scenario.A, Scenario.B)) {
			run(server, scenario, options.forWarmUp(), WARM_UP_PHASES);
		}
		List<Result> results = new ArrayList<>();
		for (Scenario scenario : Scenario.values()) {
			if (options.scenarios.contains(scenario.name())) {
				results.add(run(server, scenario, options, PHASES));
			}
		}
		report(results, options);
		if (results.size() == Scenario.values().length && options.defaults) {
			LatencyChart.write(CHART, results, options.rows, options.rate);
			System.out.printf(Locale.ROOT, "%nChart written to %s.%n", CHART);
		}
		System.out.printf(Locale.ROOT, "Whole run %.0f s%n", (System.nanoTime() - started) / 1e9);
	}

	private static Result run(TestDatabaseServer server, Scenario scenario, Options options, Duration[] phases)
			throws Exception {
		long rows = options.rows;
		double rate = options.rate;
		TestDatabase database = server.createDatabase("liveload");
		try (HikariDataSource migrationPool = pool(database, 4, "migration");
				HikariDataSource loadPool = pool(database, LoadGenerator.CLIENTS, "load")) {
			JdbcTemplate jdbc = new JdbcTemplate(migrationPool);
			long loading = System.nanoTime();
			LiveLoadSchema.create(jdbc, rows);
			progress("%s: %,d rows loaded and analyzed in %.1f s; load of %.0f requests/s starting", scenario.label,
					rows, (System.nanoTime() - loading) / 1e9, rate);
			LoadGenerator load = new LoadGenerator(loadPool, rows, LiveLoadSchema.CUSTOMERS, rate);
			load.start();
			sleep(phases[0]);
			long idleStart = load.now();
			long[] idleCpu = CpuMeter.read();
			sleep(phases[1]);
			Timeline timeline = new Timeline(load);
			LongTransaction blocker = (scenario == Scenario.C) ? LongTransaction.begin(database, options.hold, load)
					: null;
			timeline.migrationStart = load.now();
			long[] migrationCpu = CpuMeter.read();
			progress("%s: idle baseline done; migrating", scenario.label);
			if (scenario == Scenario.B) {
				plainDdl(migrationPool, load, timeline);
			}
			else {
				new Migrator(migrationPool,
						MigrationCatalog.of(LiveLoadSchema.revisions(options.backfillTarget, options.backfillPause)),
						new PostgresDialect(), options.settings, timeline)
					// the live tables were made outside the revisions: the first upgrade takes them as the base
					.withBaselineOnMigrate("base")
					.upgrade("heads");
			}
			timeline.migrationEnd = load.now();
			long[] afterCpu = CpuMeter.read();
			progress("%s: migrated in %.1f s; %d lock-timeout retries", scenario.label,
					(timeline.migrationEnd - timeline.migrationStart) / 1e9, timeline.retries.size());
			sleep(phases[2]);
			long end = load.now();
			RequestLog log = load.stop();
			long[] held = (blocker != null) ? blocker.await() : null;
			LiveLoadSchema.check(jdbc);
			return new Result(scenario, log, idleStart, timeline.migrationStart, timeline.migrationEnd, end,
					List.copyOf(timeline.steps), List.copyOf(timeline.retries), held, CpuMeter.busy(idleCpu, migrationCpu),
					CpuMeter.busy(migrationCpu, afterCpu));
		}
		finally {
			server.dropDatabase(database);
		}
	}

	/** B: each statement in its own transaction, as Flyway runs one SQL file per migration. */
	private static void plainDdl(HikariDataSource dataSource, LoadGenerator load, Timeline timeline)
			throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			for (int i = 0; i < LiveLoadSchema.PLAIN_DDL.size(); i++) {
				long start = load.now();
				connection.setAutoCommit(false);
				try (Statement statement = connection.createStatement()) {
					statement.execute(LiveLoadSchema.PLAIN_DDL.get(i));
				}
				connection.commit();
				connection.setAutoCommit(true);
				timeline.steps.add(new Step(LiveLoadSchema.STEPS.get(i), start, load.now()));
				if (i == 0) {
					load.writeNewColumn();
				}
			}
		}
	}

	private static void report(List<Result> results, Options options) {
		System.out.printf(Locale.ROOT, "%n%,d rows, %d clients, %.0f requests/s in all (60%% reads by id, 20%% inserts, "
				+ "20%% updates); idle %d s after %d s warm-up, %d s after the migration; C's transaction held %d s; "
				+ "A and C: lock timeout %d ms (probes %d ms), %d retries, backfill target %s, pause %s%n%n",
				options.rows, LoadGenerator.CLIENTS, options.rate, IDLE.toSeconds(), WARM_UP.toSeconds(),
				AFTER.toSeconds(), options.hold.toSeconds(), options.settings.execution().lockTimeout().toMillis(),
				options.settings.execution().lockProbeTimeout().toMillis(),
				options.settings.lockRetries(), millis(options.backfillTarget, "100 ms (default)"),
				millis(options.backfillPause, "10 ms (default)"));
		System.out.println("| scenario | idle p50 / p99 / max (ms) | migration p50 / p99 / max (ms) | p99 migration / idle "
				+ "| longest stall (ms) | errors | migration (s) | lock retries |");
		System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
		for (Result result : results) {
			RequestLog.Stats idle = result.idle();
			RequestLog.Stats migration = result.migration();
			System.out.printf(Locale.ROOT, "| %s | %.2f / %.2f / %.1f | %.2f / %.2f / %.1f | %.2fx | %.0f | %d | %.1f | %s |%n",
					result.scenario.label, idle.millis(0.5), idle.millis(0.99), idle.maxMillis(), migration.millis(0.5),
					migration.millis(0.99), migration.maxMillis(), result.p99Ratio(), result.longestStallMillis(),
					result.errors(), result.migrationSeconds(),
					(result.scenario == Scenario.B) ? "–" : String.valueOf(result.retries.size()));
		}
		System.out.println();
		System.out.println("| scenario | requests | service time p99 idle → migration (ms) "
				+ "| longest time with no answer at all (ms) | machine CPU busy idle → migration |");
		System.out.println("| --- | --- | --- | --- | --- |");
		for (Result result : results) {
			System.out.printf(Locale.ROOT, "| %s | %,d | %.2f → %.2f | %,d | %.0f%% → %.0f%% |%n", result.scenario.label,
					result.log.size(), result.log.service(result.idleStart, result.migrationStart).millis(0.99),
					result.log.service(result.migrationStart, result.migrationEnd).millis(0.99),
					result.log.longestSilenceMicros(result.migrationStart, result.end) / 1000, 100 * result.idleCpu,
					100 * result.migrationCpu);
		}
		System.out.println();
		StringBuilder header = new StringBuilder("| step |");
		StringBuilder rule = new StringBuilder("| --- |");
		for (Result result : results) {
			String name = result.scenario.name();
			header.append(String.format(" %s (s) | %s p99 / max (ms) |", name, name));
			rule.append(" --- | --- |");
		}
		System.out.println(header);
		System.out.println(rule);
		for (int i = 0; i < LiveLoadSchema.STEPS.size(); i++) {
			StringBuilder row = new StringBuilder("| ").append(i + 1).append(". ").append(LiveLoadSchema.STEPS.get(i))
				.append(" |");
			for (Result result : results) {
				Step step = result.steps.get(i);
				RequestLog.Stats latency = result.log.latency(step.start, step.end);
				row.append(String.format(Locale.ROOT, " %.2f | %.1f / %.0f |", (step.end - step.start) / 1e9,
						latency.millis(0.99), latency.maxMillis()));
			}
			System.out.println(row);
		}
		System.out.println();
		System.out.println("| scenario | reads p99 idle → migration (ms) | inserts p99 idle → migration (ms) "
				+ "| updates p99 idle → migration (ms) |");
		System.out.println("| --- | --- | --- | --- |");
		for (Result result : results) {
			StringBuilder row = new StringBuilder("| ").append(result.scenario.label).append(" |");
			for (byte kind : new byte[] { RequestLog.READ, RequestLog.INSERT, RequestLog.UPDATE }) {
				row.append(String.format(Locale.ROOT, " %.2f → %.2f |",
						result.log.latency(result.idleStart, result.migrationStart, kind).millis(0.99),
						result.log.latency(result.migrationStart, result.migrationEnd, kind).millis(0.99)));
			}
			System.out.println(row);
		}
		System.out.println();
		for (Result result : results) {
			for (Map.Entry<String, Integer> error : result.log.errors().entrySet()) {
				System.out.printf("%s error x%d: %s%n", result.scenario.label, error.getValue(), error.getKey());
			}
		}
		Result a = find(results, Scenario.A);
		Result b = find(results, Scenario.B);
		if (a != null && b != null) {
			double ratio = b.longestStallMillis() / a.longestStallMillis();
			System.out.printf(Locale.ROOT, "B's longest stall / A's longest stall = %.0f ms / %.0f ms = %.1fx "
					+ "(target >= %.0fx: %s)%n", b.longestStallMillis(), a.longestStallMillis(), ratio,
					MIN_STALL_RATIO_B_TO_A, met(ratio >= MIN_STALL_RATIO_B_TO_A));
		}
		for (Result result : results) {
			if (result.scenario == Scenario.B) {
				continue;
			}
			System.out.printf(Locale.ROOT, "%s: errors %d (target 0: %s); p99 %.2fx idle (target <= %.0fx: %s); "
					+ "longest stall %.0f ms (target <= %.0f ms: %s)%n", result.scenario.label, result.errors(),
					met(result.errors() == 0), result.p99Ratio(), MAX_P99_RATIO, met(result.p99Ratio() <= MAX_P99_RATIO),
					result.longestStallMillis(), MAX_STALL_MILLIS, met(result.longestStallMillis() <= MAX_STALL_MILLIS));
		}
		for (Result result : results) {
			if (!result.retries.isEmpty()) {
				System.out.printf(Locale.ROOT, "%s: lock-timeout retries at %s s (since the migration began)%n",
						result.scenario.label, result.retries.stream()
							.map((at) -> String.format(Locale.ROOT, "%.1f", (at - result.migrationStart) / 1e9))
							.toList());
			}
		}
	}

	private static Result find(List<Result> results, Scenario scenario) {
		return results.stream().filter((result) -> result.scenario == scenario).findFirst().orElse(null);
	}

	private static String millis(Duration duration, String otherwise) {
		return (duration != null) ? duration.toMillis() + " ms" : otherwise;
	}

	private static String met(boolean met) {
		return met ? "met" : "NOT met";
	}

	private static HikariDataSource pool(TestDatabase database, int size, String name) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.url());
		dataSource.setUsername(database.user());
		dataSource.setPassword(database.password());
		dataSource.setMaximumPoolSize(size);
		dataSource.setMinimumIdle(size);
		dataSource.setPoolName(name);
		return dataSource;
	}

	private static void sleep(Duration duration) throws InterruptedException {
		Thread.sleep(duration.toMillis());
	}

	private static void progress(String format, Object... args) {
		System.err.printf(Locale.ROOT, format + "%n", args);
	}

	/** What to run: the arguments. */
	private static final class Options {

		long rows = 1_000_000;

		double rate = 400;

		Duration hold = Duration.ofSeconds(12);

		RunSettings settings = RunSettings.defaults();

		Duration backfillTarget;

		Duration backfillPause;

		String scenarios = "ABC";

		/** Whether the migration runs with the project's defaults. */
		boolean defaults = true;

		/** A small table, for warming up the JVM. */
		Options forWarmUp() {
			Options small = new Options();
			small.rows = 20_000;
			small.rate = this.rate;
			small.settings = this.settings;
			return small;
		}

		static Options parse(String[] args) {
			Options options = new Options();
			int positional = 0;
			for (String arg : args) {
				int equals = arg.indexOf('=');
				if (equals < 0) {
					if (positional++ == 0) {
						options.rows = Long.parseLong(arg);
					}
					else {
						options.rate = Double.parseDouble(arg);
					}
					continue;
				}
				String value = arg.substring(equals + 1);
				switch (arg.substring(0, equals)) {
					case "hold" -> options.hold = Duration.ofSeconds(Long.parseLong(value));
					case "scenarios" -> options.scenarios = value.toUpperCase(Locale.ROOT);
					case "lock-timeout" -> options.settings = options.settings
						.withExecution(new ExecutionSettings(Duration.ofMillis(Long.parseLong(value)),
								options.settings.execution().nonBlockingLockTimeout(),
								options.settings.execution().lockProbeTimeout()));
					case "lock-probe" -> options.settings = options.settings
						.withExecution(new ExecutionSettings(options.settings.execution().lockTimeout(),
								options.settings.execution().nonBlockingLockTimeout(), Duration.ofMillis(Long.parseLong(value))));
					case "retries" -> options.settings = options.settings.withLockRetries(Integer.parseInt(value),
							options.settings.retryBackoff());
					case "backfill-target" -> options.backfillTarget = Duration.ofMillis(Long.parseLong(value));
					case "backfill-pause" -> options.backfillPause = Duration.ofMillis(Long.parseLong(value));
					default -> throw new IllegalArgumentException("Unknown option " + arg);
				}
				options.defaults &= arg.startsWith("hold=") || arg.startsWith("scenarios=");
			}
			return options;
		}

	}

	/** The three scenarios. */
	enum Scenario {

		A("A: this project"),

		B("B: plain DDL (Flyway-style)"),

		C("C: this project, long transaction");

		final String label;

		Scenario(String label) {
			this.label = label;
		}

	}

	/** One step of a migration, in nanoseconds since the load started. */
	record Step(String name, long start, long end) {
	}

	/** What one scenario measured; times in nanoseconds since its load started. */
	record Result(Scenario scenario, RequestLog log, long idleStart, long migrationStart, long migrationEnd, long end,
			List<Step> steps, List<Long> retries, long[] held, double idleCpu, double migrationCpu) {

		RequestLog.Stats idle() {
			return this.log.latency(this.idleStart, this.migrationStart);
		}

		RequestLog.Stats migration() {
			return this.log.latency(this.migrationStart, this.migrationEnd);
		}

		/** The longest latency of any request due from the migration's start to the end. */
		double longestStallMillis() {
			return this.log.latency(this.migrationStart, this.end).maxMillis();
		}

		double p99Ratio() {
			return migration().millis(0.99) / idle().millis(0.99);
		}

		int errors() {
			return this.log.latency(this.idleStart, this.end).failures();
		}

		double migrationSeconds() {
			return (this.migrationEnd - this.migrationStart) / 1e9;
		}

	}

	/** Collects the steps and lock-timeout retries of a run as the migrator reports them. */
	private static final class Timeline implements MigrationListener {

		private final LoadGenerator load;

		final List<Step> steps = Collections.synchronizedList(new ArrayList<>());

		final List<Long> retries = Collections.synchronizedList(new ArrayList<>());

		long migrationStart;

		long migrationEnd;

		Timeline(LoadGenerator load) {
			this.load = load;
		}

		@Override
		public void stepCompleted(AppliedStep step) {
			long now = this.load.now();
			long start = this.steps.isEmpty() ? this.migrationStart : this.steps.get(this.steps.size() - 1).end();
			this.steps.add(new Step(LiveLoadSchema.STEPS.get(this.steps.size()), start, now));
			if (this.steps.size() == 1) {
				this.load.writeNewColumn();
			}
		}

		@Override
		public void stepRetrying(String revision, Direction direction, int attempt, Duration pause) {
			this.retries.add(this.load.now());
			progress("  revision %s hit the lock timeout; attempt %d in %d ms", revision, attempt, pause.toMillis());
		}

	}

	/**
	 * Another session's transaction that read the table and stays open: it holds ACCESS SHARE,
	 * which any ALTER TABLE must wait for; it commits after the hold, whatever the migration does.
	 */
	private static final class LongTransaction {

		private final Thread thread;

		private final long start;

		private volatile long end;

		private LongTransaction(Connection connection, Duration hold, LoadGenerator load) {
			this.start = load.now();
			this.thread = new Thread(() -> {
				try (connection) {
					Thread.sleep(hold.toMillis());
					connection.commit();
				}
				catch (SQLException | InterruptedException ex) {
					// closing the connection ends the transaction all the same
				}
				this.end = load.now();
			}, "long-transaction");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		static LongTransaction begin(TestDatabase database, Duration hold, LoadGenerator load) throws SQLException {
			Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT id, status FROM orders ORDER BY id LIMIT 1")) {
				result.next();
			}
			return new LongTransaction(connection, hold, load);
		}

		/** Waits for the commit; returns when the transaction began and ended. */
		long[] await() throws InterruptedException {
			this.thread.join(TimeUnit.MINUTES.toMillis(5));
			return new long[] { this.start, this.end };
		}

	}

}
