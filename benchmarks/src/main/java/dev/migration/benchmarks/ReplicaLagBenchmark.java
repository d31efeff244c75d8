package dev.migration.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.run.BackfillGuards;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.testdb.BandwidthProxy;
import dev.migration.testdb.LocalServer;
import dev.migration.testdb.TestDatabase;

/**
 * Backfills a column of N rows on a primary whose streaming standby receives its WAL through a
 * link of limited bandwidth ({@link BandwidthProxy}), once without a replay-lag bound and once
 * with one, each on a fresh primary and standby; samples the lag every 200 ms until the standby
 * has replayed everything, prints a table and writes the lag over time as an SVG
 * ({@link LagChart}).
 *
 * <p>Two lags are sampled. The guard's: what the backfill's block reads between batches, the
 * largest {@code replay_lag} of {@code pg_stat_replication} on the primary, 0 for a standby
 * that replayed all there is. And the standby's own, independent of the walsender's lag
 * tracker: its {@code pg_last_wal_replay_lsn()} against the primary's WAL positions sampled
 * before, as the age of the oldest WAL it has not replayed.
 *
 * <p>Arguments: rows (200000), the bound in seconds (2), the link in MiB/s (8), and the chart's
 * file ({@code docs/backfill-lag.svg}).
 */
public final class ReplicaLagBenchmark {

	private static final long SAMPLE_MILLIS = 200;

	private ReplicaLagBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 200_000;
		Duration bound = Duration.ofMillis((long) (1000 * ((args.length > 1) ? Double.parseDouble(args[1]) : 2)));
		long link = (long) (1024 * 1024 * ((args.length > 2) ? Double.parseDouble(args[2]) : 8));
		Path chart = Path.of((args.length > 3) ? args[3] : "docs/backfill-lag.svg");
		System.out.printf("%d cores, Java %s, load %s; %,d rows, bound %s, link %.1f MiB/s%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load(), rows, bound,
				link / 1048576.0);
		List<Result> results = new ArrayList<>();
		results.add(measure("no bound", rows, BackfillGuards.NONE, link));
		System.out.println("load " + load());
		results.add(measure("max-replica-lag " + seconds(bound) + " s", rows,
				new BackfillGuards(bound, null, false), link));
		System.out.println("load " + load());
		System.out.println();
		System.out.println("| guard | rows | backfill (s) | rows/s | WAL (MiB) | standby caught up (s) | max lag (s) | p95 lag (s) "
				+ "| max lag, standby's own (s) | max behind (MiB) | time paused (s) | pauses |");
		System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
		for (Result result : results) {
			System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.0f | %.1f | %.2f | %.2f | %.2f | %.1f | %.1f | %d |%n",
					result.label(), rows, result.backfillSeconds(), rows / result.backfillSeconds(),
					result.walBytes() / 1048576.0, result.caughtUpSeconds(), result.max(Sample::guardLag),
					result.percentile(Sample::guardLag, 0.95), result.max(Sample::standbyLag),
					result.max((sample) -> sample.bytesBehind() / 1048576.0), result.pausedSeconds(), result.pauses());
		}
		LagChart.write(chart, results, rows, bound, link);
		System.out.println("Wrote " + chart);
	}

	private static Result measure(String label, int rows, BackfillGuards guards, long link) throws Exception {
		// WAL is kept for the standby however far behind it falls, and no checkpoint falls inside one run only
		try (LocalServer primary = LocalServer.start("wal_keep_size=16GB", "max_wal_size=16GB", "checkpoint_timeout=1h")) {
			TestDatabase database = primary.createDatabase("bench");
			JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
			Migrator migrator = migrator(database.dataSource(), rows, guards);
			migrator.upgrade("r1");
			jdbc.execute("VACUUM (FREEZE, ANALYZE) item");
			// the standby is copied straight from the primary; only its stream goes through the thin link
			try (BandwidthProxy proxy = new BandwidthProxy("127.0.0.1", primary.port(), link);
					LocalServer standby = primary.standbyThrough(proxy.port())) {
				TestDatabase replica = standby.database("bench");
				awaitCaughtUp(database, replica, Duration.ofSeconds(60));
				Sampler sampler = new Sampler(database, replica);
				sampler.start();
				migrator.upgrade("heads");
				double backfillSeconds = sampler.seconds();
				awaitCaughtUp(database, replica, Duration.ofMinutes(15));
				double caughtUpSeconds = sampler.seconds();
				List<Sample> samples = sampler.stop();
				Integer left = jdbc.queryForObject("SELECT count(*) FROM item WHERE filled IS NULL", Integer.class);
				if (left != 0) {
					throw new IllegalStateException("The backfill left " + left + " rows unfilled");
				}
				Result result = new Result(label, backfillSeconds, caughtUpSeconds, standbyLags(samples));
				System.out.printf(Locale.ROOT, "%s: backfill %.1f s, standby caught up at %.1f s, %,d bytes through the link%n",
						label, backfillSeconds, caughtUpSeconds, proxy.forwarded());
				return result;
			}
		}
	}

	/** The table, made and filled before the standby is copied, and the backfill of its column. */
	private static Migrator migrator(DataSource dataSource, int rows, BackfillGuards guards) {
		DeclaredRevision create = new DeclaredRevision(RevisionNode.of("r1", "create item"), (op) -> {
			op.execute("CREATE TABLE item (id bigint PRIMARY KEY, payload text, filled int) "
					+ "WITH (autovacuum_enabled = false)");
			op.execute("INSERT INTO item (id, payload) SELECT i, md5(i::text) FROM generate_series(1, " + rows + ") i");
		}, true);
		// the builder's defaults: 1,000 rows to start, sized toward 100 ms a batch, 10 ms between batches
		DeclaredRevision fill = new DeclaredRevision(RevisionNode.of("r2", "fill item.filled", "r1"),
				(op) -> op.backfill("item", (b) -> b.set("filled = length(payload)").where("filled IS NULL")), true);
		return new Migrator(dataSource, MigrationCatalog.ofDeclared(List.of(create, fill)), new PostgresDialect(),
				RunSettings.defaults().withBackfillGuards(guards));
	}

	/** Waits until the standby has replayed all the primary had written, as the standby itself says. */
	private static void awaitCaughtUp(TestDatabase primary, TestDatabase standby, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (Connection onPrimary = connect(primary); Connection onStandby = connect(standby)) {
			while (true) {
				long written = queryLong(onPrimary, "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
				long replayed = queryLong(onStandby, "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::bigint");
				if (replayed >= written) {
					return;
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The standby is still " + (written - replayed) + " bytes behind after "
							+ timeout);
				}
				Thread.sleep(SAMPLE_MILLIS / 2);
			}
		}
	}

	/**
	 * Adds to each sample the standby's own lag: how long ago the primary wrote the WAL just after
	 * what the standby has replayed, found between the two samples of the primary's position
	 * around it.
	 */
	private static List<Sample> standbyLags(List<Sample> samples) {
		List<Sample> result = new ArrayList<>();
		int first = 0;
		for (Sample sample : samples) {
			double lag = 0;
			if (sample.replayed() < sample.written()) {
				while (samples.get(first).written() <= sample.replayed()) {
					first++;
				}
				double writtenAt = samples.get(first).seconds();
				if (first > 0) {
					Sample before = samples.get(first - 1);
					Sample after = samples.get(first);
					writtenAt = before.seconds() + (after.seconds() - before.seconds())
							* (sample.replayed() - before.written()) / (double) (after.written() - before.written());
				}
				lag = sample.seconds() - writtenAt;
			}
			result.add(new Sample(sample.seconds(), sample.written(), sample.replayed(), sample.guardLag(),
					sample.bytesBehind(), sample.paused(), lag));
		}
		return result;
	}

	private static Connection connect(TestDatabase database) throws SQLException {
		return DriverManager.getConnection(database.url(), database.user(), database.password());
	}

	private static long queryLong(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	static String load() {
		return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0).replace(".0", "");
	}

	/**
	 * One reading.
	 *
	 * @param seconds since the backfill started
	 * @param written the primary's WAL write position
	 * @param replayed the standby's replay position, read just after
	 * @param guardLag the replay lag as the backfill's guard reads it, in seconds
	 * @param bytesBehind the WAL the primary has written and the standby not yet replayed, as the primary sees it
	 * @param paused the reason the backfill waits, or {@code null}
	 * @param standbyLag the age of the oldest WAL the standby has not replayed, in seconds
	 */
	record Sample(double seconds, long written, long replayed, double guardLag, long bytesBehind, String paused,
			double standbyLag) {
	}

	/** One case: its samples from the backfill's start until the standby had replayed it all. */
	record Result(String label, double backfillSeconds, double caughtUpSeconds, List<Sample> samples) {

		long walBytes() {
			return this.samples.get(this.samples.size() - 1).written() - this.samples.get(0).written();
		}

		double max(ToDoubleFunction<Sample> value) {
			return this.samples.stream().mapToDouble(value).max().orElse(0);
		}

		double percentile(ToDoubleFunction<Sample> value, double fraction) {
			double[] values = this.samples.stream().mapToDouble(value).sorted().toArray();
			return values[(int) Math.ceil(fraction * values.length) - 1];
		}

		/** The time between samples that both found the backfill waiting, and half of each edge. */
		double pausedSeconds() {
			double paused = 0;
			for (int i = 1; i < this.samples.size(); i++) {
				Sample before = this.samples.get(i - 1);
				Sample after = this.samples.get(i);
				int waiting = ((before.paused() != null) ? 1 : 0) + ((after.paused() != null) ? 1 : 0);
				paused += waiting * (after.seconds() - before.seconds()) / 2;
			}
			return paused;
		}

		/** Waits begun, as seen by the samples: a short wait between two samples goes unseen. */
		long pauses() {
			long pauses = 0;
			for (int i = 0; i < this.samples.size(); i++) {
				if (this.samples.get(i).paused() != null && (i == 0 || this.samples.get(i - 1).paused() == null)) {
					pauses++;
				}
			}
			return pauses;
		}

	}

	/** Reads the primary and the standby every 200 ms on a thread of its own. */
	private static final class Sampler {

		private final TestDatabase primary;

		private final TestDatabase standby;

		private final List<Sample> samples = new ArrayList<>();

		private final Thread thread;

		private volatile boolean running = true;

		private volatile Exception failure;

		private long start;

		Sampler(TestDatabase primary, TestDatabase standby) {
			this.primary = primary;
			this.standby = standby;
			this.thread = new Thread(this::loop, "lag-sampler");
		}

		void start() {
			this.start = System.nanoTime();
			this.thread.start();
		}

		double seconds() {
			return (System.nanoTime() - this.start) / 1e9;
		}

		List<Sample> stop() throws Exception {
			this.running = false;
			this.thread.join();
			if (this.failure != null) {
				throw this.failure;
			}
			return this.samples;
		}

		private void loop() {
			try (Connection onPrimary = connect(this.primary); Connection onStandby = connect(this.standby);
					Statement primary = onPrimary.createStatement()) {
				boolean progress = false;
				long next = this.start;
				while (this.running) {
					double seconds = seconds();
					long written;
					double guardLag;
					long behind;
					// the guard's own expression, from PostgresBackfill
					try (ResultSet row = primary.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint, "
							+ "(SELECT max(CASE WHEN r.replay_lsn >= pg_current_wal_lsn() THEN 0 "
							+ "ELSE coalesce(extract(epoch FROM r.replay_lag), 0) END) FROM pg_stat_replication r), "
							+ "(SELECT max(pg_wal_lsn_diff(pg_current_wal_lsn(), r.replay_lsn))::bigint "
							+ "FROM pg_stat_replication r), to_regclass('migration_backfill_progress') IS NOT NULL")) {
						row.next();
						written = row.getLong(1);
						guardLag = row.getDouble(2);
						if (row.wasNull()) {
							throw new IllegalStateException("No standby in pg_stat_replication at " + seconds + " s");
						}
						behind = row.getLong(3);
						progress = row.getBoolean(4);
					}
					String paused = null;
					if (progress) {
						try (ResultSet row = primary.executeQuery("SELECT paused FROM migration_backfill_progress")) {
							paused = row.next() ? row.getString(1) : null;
						}
					}
					long replayed = queryLong(onStandby, "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::bigint");
					this.samples.add(new Sample(seconds, written, replayed, guardLag, behind, paused, 0));
					next += SAMPLE_MILLIS * 1_000_000;
					long sleep = next - System.nanoTime();
					if (sleep > 0) {
						Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
					}
				}
			}
			catch (Exception ex) {
				this.failure = ex;
			}
		}

	}

}
