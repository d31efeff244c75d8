package dev.migration.core.online;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backfill over a uuid key killed with SIGKILL halfway, in a JVM of its own, then run again:
 * every row is filled exactly once. {@value #ROWS_PROPERTY} sets the row count (200,000 by
 * default; the README gives the 2,000,000-row command).
 */
@PostgresTest(emptyBeforeEach = true)
class KilledBackfillTests {

	static final String ROWS_PROPERTY = "migrations.test.killed-backfill-rows";

	private static final int ROWS = Integer.getInteger(ROWS_PROPERTY, 200_000);

	private static final String BACKFILL_SESSIONS = "SELECT count(*) FROM pg_stat_activity "
			+ "WHERE query LIKE 'DO $backfill$%' AND pid <> pg_backend_pid()";

	private final TestDatabase database;

	private final JdbcTemplate jdbc;

	private Process process;

	KilledBackfillTests(TestDatabase database) {
		this.database = database;
		this.jdbc = new JdbcTemplate(database.dataSource());
	}

	@AfterEach
	void killLeftoverProcess() {
		if (this.process != null) {
			this.process.destroyForcibly();
		}
	}

	@Test
	void aBackfillKilledHalfwayAndRunAgainFillsEveryRowExactlyOnce(@TempDir Path logs) throws Exception {
		this.jdbc.execute("CREATE TABLE items (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), n integer NOT NULL, "
				+ "filled integer, fills integer NOT NULL DEFAULT 0)");
		this.jdbc.update("INSERT INTO items (n) SELECT i FROM generate_series(1, ?) i", ROWS);
		this.jdbc.execute("VACUUM ANALYZE items");
		Path output = logs.resolve("backfill.log");
		this.process = BackfillProcess.start(this.database, ROWS, output);
		boolean started = await(Duration.ofSeconds(60), () -> !this.process.isAlive() || rowsDone() >= ROWS / 10);
		assertThat(started && this.process.isAlive()).as("the child is still filling, its output was:%n%s",
				Files.exists(output) ? Files.readString(output) : "").isTrue();
		this.process.destroyForcibly();
		assertThat(this.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
		// the server notices the lost client between two batches and ends its block
		assertThat(await(Duration.ofSeconds(30), () -> count(BACKFILL_SESSIONS) == 0))
			.as("the killed client's backfill stopped").isTrue();

		long doneAtKill = rowsDone();
		assertThat(doneAtKill).isBetween(ROWS / 10L, ROWS - 1L);
		assertThat(count("SELECT count(*) FROM items WHERE filled IS NOT NULL"))
			.as("each batch committed with its progress").isEqualTo(doneAtKill);

		BackfillProcess.migrator(this.database.dataSource(), ROWS).upgrade("heads");
		assertThat(count("SELECT count(*) FROM items WHERE fills <> 1 OR filled IS DISTINCT FROM n")).isZero();
		assertThat(rowsDone()).isEqualTo(ROWS);
		assertThat(this.jdbc.queryForObject("SELECT done FROM migration_backfill_progress", Boolean.class)).isTrue();
	}

	/** Rows the backfill reports done, 0 before its progress exists. */
	private long rowsDone() {
		if (count("SELECT count(*) FROM pg_class WHERE relname = 'migration_backfill_progress'") == 0) {
			return 0;
		}
		return count("SELECT coalesce(sum(rows_done), 0) FROM migration_backfill_progress");
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	private static boolean await(Duration limit, BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < end) {
			if (condition.getAsBoolean()) {
				return true;
			}
			Thread.sleep(20);
		}
		return condition.getAsBoolean();
	}

}
