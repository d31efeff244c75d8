package dev.migration.core.online;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.MigrationException;
import dev.migration.core.history.BackfillProgress;
import dev.migration.core.run.BackfillGuards;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.core.schema.ColumnType;
import dev.migration.testdb.BandwidthProxy;
import dev.migration.testdb.LocalServer;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A backfill waits between batches while a real streaming standby replays behind the bound,
 * rests to keep its WAL rate within its bound, and refuses a guard its role cannot see through.
 */
class BackfillGuardTests {

	private static final int ROWS = 20_000;

	private static LocalServer primary;

	private static LocalServer standby;

	@BeforeAll
	static void startPrimaryAndStandby() throws Exception {
		primary = LocalServer.start("wal_level=replica");
		// every commit applied a second late: a standby that replays behind, as a busy one does
		standby = primary.standby("recovery_min_apply_delay=1s", "wal_receiver_status_interval=1s");
	}

	@AfterAll
	static void stop() throws Exception {
		if (standby != null) {
			standby.close();
		}
		if (primary != null) {
			primary.close();
		}
	}

	@Test
	void aBackfillWaitsWhileTheStandbyReplaysBehindTheBoundAndSaysWhy() throws Exception {
		TestDatabase database = primary.createDatabase("lagged");
		Migrator migrator = migrator(database.dataSource(), new BackfillGuards(Duration.ofMillis(500), null, false));
		migrator.upgrade("r1");
		Set<String> reasons = watchPauses(migrator, () -> migrator.upgrade("heads"));
		assertThat(reasons).anySatisfy((reason) -> assertThat(reason).startsWith("a standby replays ")
			.endsWith(" s behind, over the bound of 0.5 s"));
		JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
		assertThat(jdbc.queryForObject("SELECT count(*) FROM item WHERE filled IS NULL", Integer.class)).isZero();
		assertThat(migrator.backfills()).extracting(BackfillProgress::paused).containsOnlyNulls();
	}

	@Test
	void aBackfillFasterThanTheStandbysLinkWaitsBeforeTheLagShows() throws Exception {
		try (LocalServer server = LocalServer.start()) {
			TestDatabase database = server.createDatabase("thin");
			Duration bound = Duration.ofSeconds(2);
			// batches of about 0.7 MB of WAL, each well within the bound on the link
			Migrator migrator = migrator(database.dataSource(), new BackfillGuards(bound, null, false), 1_000);
			migrator.upgrade("r1");
			// the standby replays at once but receives 1 MiB a second: the backfill's 14 MB of WAL reach it late
			try (BandwidthProxy link = new BandwidthProxy("127.0.0.1", server.port(), 1024 * 1024);
					LocalServer thin = server.standbyThrough(link.port(), "wal_receiver_status_interval=1s")) {
				JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
				awaitReplayed(jdbc);
				AtomicReference<Double> worst = new AtomicReference<>(0.0);
				Set<String> reasons;
				// watched until the standby has replayed it all: the lag of WAL let through grows after the backfill
				try (LagWatcher watcher = new LagWatcher(jdbc, worst)) {
					reasons = watchPauses(migrator, () -> migrator.upgrade("heads"));
					awaitReplayed(jdbc);
				}
				assertThat(reasons).anySatisfy((reason) -> assertThat(reason).startsWith("a standby needs ")
					.endsWith(" s to receive and replay the WAL it lacks and one batch more, over three quarters of the "
							+ "bound of 2 s"));
				// the replay lag alone lets through all the WAL of the bound's first seconds and more (14 s of lag)
				// aimed at three quarters of the bound, it stays under it (1.3 to 1.9 s seen on a loaded machine); the
				// assertion leaves a quarter more for a CI machine's hiccups, far below what the old guard let through
				assertThat(worst.get()).as("the largest replay lag seen, in seconds").isLessThan(2.5);
			}
		}
	}

	@Test
	void withoutTheBoundTheSameBackfillNeverWaits() throws Exception {
		TestDatabase database = primary.createDatabase("unbound");
		Migrator migrator = migrator(database.dataSource(), BackfillGuards.NONE);
		migrator.upgrade("r1");
		assertThat(watchPauses(migrator, () -> migrator.upgrade("heads"))).isEmpty();
	}

	@Test
	void aBackfillRestsToKeepItsWalRateWithinTheBound() throws Exception {
		TestDatabase database = primary.createDatabase("wal_rate");
		long bound = 2L * 1024 * 1024;
		Migrator migrator = migrator(database.dataSource(), new BackfillGuards(null, bound, false));
		migrator.upgrade("r1");
		JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
		String before = jdbc.queryForObject("SELECT pg_current_wal_lsn()::text", String.class);
		long started = System.nanoTime();
		migrator.upgrade("heads");
		double seconds = (System.nanoTime() - started) / 1e9;
		long wal = jdbc.queryForObject("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::bigint", Long.class,
				before);
		assertThat(wal).as("the backfill writes enough WAL to be held back").isGreaterThan(bound);
		// the first batch's own time and the step's statements around the block are not rested
		assertThat(wal / seconds).as("WAL bytes a second over the run").isLessThan(bound * 1.25);
	}

	@Test
	void aGuardTheRoleCannotSeeThroughIsRefusedAndGrantingPgMonitorLetsItRun() throws Exception {
		TestDatabase database = primary.createDatabase("unprivileged");
		JdbcTemplate admin = new JdbcTemplate(database.dataSource());
		admin.execute("CREATE ROLE filler LOGIN PASSWORD 'filler'");
		admin.execute("GRANT CREATE, USAGE ON SCHEMA public TO filler");
		DataSource filler = new TestDatabase(database.name(), database.url(), "filler", "filler").dataSource();
		Migrator migrator = migrator(filler, new BackfillGuards(Duration.ofSeconds(30), null, false));
		migrator.upgrade("r1");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("cannot see the replay lag of standbys")
			.withMessageContaining("GRANT pg_monitor TO the migration user, or unset migrations.backfill.max-replica-lag");
		admin.execute("GRANT pg_monitor TO filler");
		migrator.upgrade("heads");
		assertThat(admin.queryForObject("SELECT count(*) FROM item WHERE filled IS NULL", Integer.class)).isZero();
	}

	@Test
	void aBackfillWaitsWhileAutovacuumWorksOnItsTableAndGoesOnAfter() throws Exception {
		try (LocalServer server = LocalServer.start("autovacuum_naptime=1")) {
			TestDatabase database = server.createDatabase("vacuumed");
			Migrator migrator = migrator(database.dataSource(), new BackfillGuards(null, null, true));
			migrator.upgrade("r1");
			JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
			// dead rows, and an autovacuum so slow that it is still at work when the backfill starts
			jdbc.execute("ALTER TABLE item SET (autovacuum_enabled = true, autovacuum_vacuum_threshold = 0, "
					+ "autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_cost_delay = 100, "
					+ "autovacuum_vacuum_cost_limit = 1)");
			jdbc.update("UPDATE item SET payload = payload || 'z'");
			awaitAutovacuum(jdbc);
			AtomicBoolean stopped = new AtomicBoolean();
			Thread stopper = new Thread(() -> {
				try {
					Thread.sleep(1_500);
				}
				catch (InterruptedException ex) {
					return;
				}
				// the worker ends when it is cancelled; switched off, no other one starts
				jdbc.execute("ALTER TABLE item SET (autovacuum_enabled = false)");
				jdbc.queryForList("SELECT pg_cancel_backend(pid) FROM pg_stat_progress_vacuum "
						+ "WHERE relid = 'item'::regclass", Boolean.class);
				stopped.set(true);
			});
			stopper.start();
			Set<String> reasons = watchPauses(migrator, () -> migrator.upgrade("heads"));
			stopper.join();
			assertThat(stopped).isTrue();
			assertThat(reasons).containsExactly("autovacuum is working on the table");
			assertThat(jdbc.queryForObject("SELECT count(*) FROM item WHERE filled IS NULL", Integer.class)).isZero();
		}
	}

	/** Waits until a standby streams and every standby has replayed all the primary has written. */
	private static void awaitReplayed(JdbcTemplate jdbc) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (jdbc.queryForObject("SELECT coalesce(bool_and(replay_lsn >= pg_current_wal_lsn()), false) "
					+ "FROM pg_stat_replication", Boolean.class)) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("A standby has not replayed the primary's WAL within 60 s");
	}

	private static void awaitAutovacuum(JdbcTemplate jdbc) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (jdbc.queryForObject("SELECT count(*) FROM pg_stat_progress_vacuum WHERE relid = 'item'::regclass",
					Integer.class) > 0) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("No autovacuum worker started on item within 60 s");
	}

	private static Migrator migrator(DataSource dataSource, BackfillGuards guards) {
		return migrator(dataSource, guards, 5_000);
	}

	private static Migrator migrator(DataSource dataSource, BackfillGuards guards, int batchSize) {
		Migration create = (op) -> {
			op.createTable("item", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.primaryKey())
				.column("payload", ColumnType.TEXT).column("filled", ColumnType.INTEGER));
			op.execute("INSERT INTO item (id, payload) SELECT i, repeat('x', 200) FROM generate_series(1, " + ROWS + ") i");
			// the WAL the test measures is the backfill's: no vacuum of the fresh rows writes beside it
			op.execute("ALTER TABLE item SET (autovacuum_enabled = false)");
		};
		Migration fill = (op) -> op.backfill("item", (b) -> b.set("filled = 1, payload = payload || 'y'")
			.where("filled IS NULL").batchSize(batchSize).targetBatchDuration(Duration.ZERO));
		List<Migration> revisions = List.of(create, fill);
		return Revisions.of(dataSource, revisions, RunSettings.defaults().withBackfillGuards(guards));
	}

	/** Reads the largest replay lag of the standbys every 100 ms, as the guard does, until closed. */
	private static final class LagWatcher implements AutoCloseable {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final Thread thread;

		LagWatcher(JdbcTemplate jdbc, AtomicReference<Double> worst) {
			this.thread = new Thread(() -> {
				while (this.running.get()) {
					Double lag = jdbc.queryForObject("SELECT max(CASE WHEN replay_lsn >= pg_current_wal_lsn() THEN 0 "
							+ "ELSE coalesce(extract(epoch FROM replay_lag), 0) END)::float8 FROM pg_stat_replication",
							Double.class);
					if (lag != null) {
						worst.accumulateAndGet(lag, Math::max);
					}
					try {
						Thread.sleep(100);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			this.thread.start();
		}

		@Override
		public void close() {
			this.running.set(false);
			try {
				this.thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/** Runs the work while another thread reads the backfills' progress, and returns each reason to wait it saw. */
	private static Set<String> watchPauses(Migrator migrator, Runnable work) throws InterruptedException {
		Set<String> reasons = ConcurrentHashMap.newKeySet();
		AtomicBoolean running = new AtomicBoolean(true);
		Thread watcher = new Thread(() -> {
			while (running.get()) {
				migrator.backfills().stream().map(BackfillProgress::paused).filter((reason) -> reason != null)
					.forEach(reasons::add);
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		watcher.start();
		try {
			work.run();
		}
		finally {
			running.set(false);
			watcher.join();
		}
		return reasons;
	}

}
