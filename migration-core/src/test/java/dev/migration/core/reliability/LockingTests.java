package dev.migration.core.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.execute.ExecutionSettings;
import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.LockWaitTimeoutException;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunResult;
import dev.migration.core.run.RunSettings;
import dev.migration.core.schema.ColumnType;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Locks held by others: a long transaction on the table being altered, and another runner
 * holding the migration lock.
 */
@PostgresTest(emptyBeforeEach = true)
class LockingTests {

	private static final Duration LOCK_TIMEOUT = Duration.ofMillis(200);

	private static final Duration BLOCKER_HELD = Duration.ofMillis(1500);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	LockingTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Test
	void aMigrationBlockedByALongTransactionRetriesWithoutHoldingUpOtherQueriesAndCompletesOnceItEnds()
			throws Exception {
		Migrator migrator = Migrator.create(this.dataSource, List.of(new CreateAccount(), new AddNote()),
				RunSettings.defaults().withExecution(new ExecutionSettings(LOCK_TIMEOUT))
					.withLockRetries(20, Duration.ofMillis(100)));
		migrator.upgrade("l1");
		BlockedRun blocked = upgradeWhileBlocked(migrator, BLOCKER_HELD);
		assertThat(blocked.result().steps()).singleElement().satisfies((step) -> {
			assertThat(step.revision()).isEqualTo("l2");
			assertThat(step.retries()).isPositive();
		});
		assertThat(blocked.longestReadMillis()).as("longest count(*) on the table, in ms").isLessThan(1000);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM information_schema.columns "
				+ "WHERE table_name = 'account' AND column_name = 'note'", Integer.class)).isOne();
		assertThat(HistoryRows.log(this.jdbc, "l2")).singleElement().satisfies((row) -> {
			assertThat(row).containsEntry("outcome", "success");
			assertThat((Integer) row.get("retries")).isPositive();
		});
	}

	@Test
	void aRunnerThatCannotGetTheMigrationLockInTimeGivesUpNamingTheSettingAndChangesNothing() throws Exception {
		List<Migration> migrations = List.of(new CreateAccount(), new SlowAddNote());
		Migrator.create(this.dataSource, migrations, RunSettings.defaults()).upgrade("l1");
		CompletableFuture<RunResult> holder = CompletableFuture
			.supplyAsync(() -> Migrator.create(this.dataSource, migrations, RunSettings.defaults()).upgrade("heads"));
		assertThat(Sessions.await(Duration.ofSeconds(10), () -> holder.isDone() || Sessions.sleeping(this.jdbc)))
			.isTrue();
		assertThat(holder).as("the first runner is inside its slow step").isNotDone();
		DatabaseSnapshot before = DatabaseSnapshot.of(this.jdbc);
		Migrator impatient = Migrator.create(this.dataSource, migrations,
				RunSettings.defaults().withLockWait(Duration.ofMillis(200)));
		assertThatExceptionOfType(LockWaitTimeoutException.class).isThrownBy(() -> impatient.upgrade("heads"))
			.withMessageContaining("migration_history")
			.withMessageContaining("nothing was changed")
			.withMessageContaining("migrations.lock-wait");
		assertThat(DatabaseSnapshot.of(this.jdbc)).isEqualTo(before);
		assertThat(holder.get(30, TimeUnit.SECONDS).steps()).extracting(AppliedStep::revision).containsExactly("l2");
		assertThat(HistoryRows.logCounts(this.jdbc, "upgrade", "success")).isEqualTo(Map.of("l1", 1, "l2", 1));
	}

	@Test
	void attemptsBeforeTheLastGiveWayAfterTheProbeTimeoutSoQueriesQueueOnlyMilliseconds() throws Exception {
		Migrator migrator = Migrator.create(this.dataSource, List.of(new CreateAccount(), new AddNote()),
				RunSettings.defaults().withExecution(new ExecutionSettings(Duration.ofSeconds(5)))
					.withLockRetries(20, Duration.ofMillis(100)));
		migrator.upgrade("l1");
		BlockedRun blocked = upgradeWhileBlocked(migrator, BLOCKER_HELD);
		assertThat(blocked.result().steps()).singleElement()
			.satisfies((step) -> assertThat(step.retries()).isPositive());
		// an attempt waiting the full 5 s lock timeout would queue the reads until the blocker ends
		assertThat(blocked.longestReadMillis()).as("longest count(*) on the table, in ms").isLessThan(500);
	}

	@Test
	void theLastAttemptWaitsTheFullLockTimeout() throws Exception {
		Migrator migrator = Migrator.create(this.dataSource, List.of(new CreateAccount(), new AddNote()),
				RunSettings.defaults()
					.withExecution(new ExecutionSettings(Duration.ofSeconds(5), Duration.ofMinutes(1),
							Duration.ofMillis(20)))
					.withLockRetries(2, Duration.ofMillis(50)));
		migrator.upgrade("l1");
		BlockedRun blocked = upgradeWhileBlocked(migrator, BLOCKER_HELD);
		assertThat(blocked.result().steps()).singleElement()
			.satisfies((step) -> assertThat(step.retries()).isEqualTo(2));
	}

	/** Upgrades to heads while another session reads the table in a transaction held open for {@code held}. */
	private BlockedRun upgradeWhileBlocked(Migrator migrator, Duration held) throws Exception {
		try (Connection blocker = this.dataSource.getConnection()) {
			blocker.setAutoCommit(false);
			try (Statement statement = blocker.createStatement()) {
				// reading takes the ACCESS SHARE lock, held until the commit below
				statement.executeQuery("SELECT * FROM account").close();
			}
			AtomicBoolean done = new AtomicBoolean();
			CompletableFuture<Long> longestRead = CompletableFuture.supplyAsync(() -> longestCount(done));
			try {
				CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
				Thread.sleep(held.toMillis());
				assertThat(run).as("the migration waits for the blocker").isNotDone();
				blocker.commit();
				RunResult result = run.get(30, TimeUnit.SECONDS);
				done.set(true);
				return new BlockedRun(result, longestRead.get(10, TimeUnit.SECONDS));
			}
			finally {
				done.set(true);
			}
		}
	}

	private record BlockedRun(RunResult result, long longestReadMillis) {

	}

	/** Runs {@code count(*)} on the altered table until {@code done}, returning the slowest in ms. */
	private long longestCount(AtomicBoolean done) {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			long longest = 0;
			while (!done.get()) {
				long start = System.nanoTime();
				try (ResultSet count = statement.executeQuery("SELECT count(*) FROM account")) {
					count.next();
				}
				longest = Math.max(longest, (System.nanoTime() - start) / 1_000_000);
			}
			return longest;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Revision(id = "l1", message = "create account")
	static class CreateAccount implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("account", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey()));
			op.execute("INSERT INTO account SELECT FROM generate_series(1, 100)");
		}

	}

	@Revision(id = "l2", revises = "l1", message = "add note")
	static class AddNote implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.addColumn("account", "note", ColumnType.TEXT);
		}

	}

	@Revision(id = "l2", revises = "l1", message = "add note, slowly")
	static class SlowAddNote implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT pg_sleep(1.5)");
			op.addColumn("account", "note", ColumnType.TEXT);
		}

	}

}
