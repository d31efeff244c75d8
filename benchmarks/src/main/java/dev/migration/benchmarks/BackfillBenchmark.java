package dev.migration.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

/**
 * Fills a column of N rows three ways while a client keeps updating random rows: this
 * project's {@code op.backfill} (keyset batches), one single-statement {@code UPDATE}, and the
 * naive batched pattern ({@code WHERE id IN (SELECT id ... WHERE col IS NULL LIMIT n)}) that
 * rescans the table. Prints rows/s, the client's longest stall, and the JVM's peak heap.
 *
 * <p>Arguments: row counts, such as {@code 100000 5000000}, and the key types to measure,
 * {@code bigint} and {@code uuid} (both when none is given); the naive pattern runs only up to
 * 200,000 rows, since it degrades quadratically.
 */
public final class BackfillBenchmark {

	private static final int NAIVE_LIMIT = 200_000;

	/** How many keys of a uuid-keyed table the client picks its rows from. */
	private static final int CLIENT_KEYS = 100_000;

	private BackfillBenchmark() {
	}

	public static void main(String[] args) {
		TestDatabaseServer server = TestDatabaseServer.get();
		List<String> keys = Stream.of(args).filter(Key.NAMES::contains).toList();
		List<Integer> counts = Stream.of(args).filter((arg) -> !Key.NAMES.contains(arg)).map(Integer::valueOf).toList();
		System.out.println("| key | rows | method | seconds | rows/s | longest client stall (ms) | client updates |");
		System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
		for (int rows : counts.isEmpty() ? List.of(100_000) : counts) {
			for (Key key : Key.values()) {
				if (keys.isEmpty() || keys.contains(key.sql)) {
					measure(server, key, rows);
				}
			}
		}
	}

	private static void measure(TestDatabaseServer server, Key key, int rows) {
		run(server, key, rows, "op.backfill (this project)", BackfillBenchmark::backfill);
		run(server, key, rows, "single UPDATE", (dataSource) -> new JdbcTemplate(dataSource)
			.update("UPDATE orders SET total_cents = round(total * 100) WHERE total_cents IS NULL"));
		if (rows <= NAIVE_LIMIT) {
			run(server, key, rows, "naive IN (SELECT ... LIMIT)", BackfillBenchmark::naive);
		}
		System.out.printf("JVM peak heap while filling %,d rows on a %s key: %d MiB%n", rows, key.sql, peakHeapMiB());
		resetPeakHeap();
	}

	private static void run(TestDatabaseServer server, Key key, int rows, String method, Fill fill) {
		TestDatabase database = server.createDatabase("backfill");
		try (HikariDataSource dataSource = RunnerBenchmark.pool(database)) {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			jdbc.execute("CREATE TABLE orders (id " + key.definition + " PRIMARY KEY, "
					+ "total numeric(12, 2) NOT NULL, total_cents bigint, note text)");
			jdbc.update("INSERT INTO orders (total) SELECT i + 0.25 FROM generate_series(1, ?) i", rows);
			jdbc.execute("VACUUM ANALYZE orders");
			Client client = new Client(dataSource, clientKeys(jdbc, key, rows));
			client.start();
			long start = System.nanoTime();
			fill.run(dataSource);
			double seconds = (System.nanoTime() - start) / 1e9;
			client.stop();
			Integer missing = jdbc.queryForObject("SELECT count(*) FROM orders WHERE total_cents IS NULL", Integer.class);
			if (missing != 0) {
				throw new IllegalStateException(method + " left " + missing + " rows unfilled");
			}
			System.out.printf("| %s | %,d | %s | %.2f | %,.0f | %d | %,d |%n", key.sql, rows, method, seconds,
					rows / seconds, client.longestStallMillis(), client.updates());
		}
		finally {
			server.dropDatabase(database);
		}
	}

	private static void backfill(DataSource dataSource) {
		RevisionNode node = RevisionNode.of("b1", "fill cents");
		DeclaredRevision revision = new DeclaredRevision(node, (op) -> op.backfill("orders",
				(b) -> b.set("total_cents = round(total * 100)").where("total_cents IS NULL").pause(Duration.ZERO)),
				true);
		// the table was made outside the revisions, as a live table is: the first upgrade takes it as the base
		new Migrator(dataSource, MigrationCatalog.ofDeclared(List.of(revision)), new PostgresDialect(),
				RunSettings.defaults()).withBaselineOnMigrate("base").upgrade("heads");
	}

	private static void naive(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		while (jdbc.update("UPDATE orders SET total_cents = round(total * 100) WHERE id IN "
				+ "(SELECT id FROM orders WHERE total_cents IS NULL LIMIT 1000)") > 0) {
			// each statement its own transaction, as the pattern is usually run
		}
	}

	/** Picks the key of a row for the client: any of a bigint key, one of a sample of a uuid key read before the clock starts. */
	private static Supplier<Object> clientKeys(JdbcTemplate jdbc, Key key, int rows) {
		if (key == Key.BIGINT) {
			return () -> ThreadLocalRandom.current().nextLong(1, rows + 1);
		}
		List<Object> sample = jdbc.queryForList("SELECT id FROM orders ORDER BY random() LIMIT ?", Object.class,
				CLIENT_KEYS);
		return () -> sample.get(ThreadLocalRandom.current().nextInt(sample.size()));
	}

	private static void resetPeakHeap() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeapMiB() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak / (1024 * 1024);
	}

	/** The type of the key the backfill walks. */
	private enum Key {

		BIGINT("bigint", "bigint GENERATED BY DEFAULT AS IDENTITY"),

		UUID("uuid", "uuid DEFAULT gen_random_uuid()");

		static final List<String> NAMES = Stream.of(values()).map((key) -> key.sql).toList();

		private final String sql;

		private final String definition;

		Key(String sql, String definition) {
			this.sql = sql;
			this.definition = definition;
		}

	}

	/** A way to fill the column. */
	@FunctionalInterface
	private interface Fill {

		void run(DataSource dataSource);

	}

	/** An application client updating random rows one at a time, recording its longest wait. */
	private static final class Client {

		private final JdbcTemplate jdbc;

		private final Supplier<Object> keys;

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicLong longest = new AtomicLong();

		private final AtomicLong updates = new AtomicLong();

		private final Thread thread;

		Client(DataSource dataSource, Supplier<Object> keys) {
			this.jdbc = new JdbcTemplate(dataSource);
			this.keys = keys;
			this.thread = new Thread(this::loop, "client");
		}

		void start() {
			this.thread.start();
		}

		void stop() {
			this.running.set(false);
			try {
				this.thread.join(60_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		long longestStallMillis() {
			return this.longest.get() / 1_000_000;
		}

		long updates() {
			return this.updates.get();
		}

		private void loop() {
			while (this.running.get()) {
				Object id = this.keys.get();
				long start = System.nanoTime();
				this.jdbc.update("UPDATE orders SET note = 'touched' WHERE id = ?", id);
				this.longest.accumulateAndGet(System.nanoTime() - start, Math::max);
				this.updates.incrementAndGet();
			}
		}

	}

}
