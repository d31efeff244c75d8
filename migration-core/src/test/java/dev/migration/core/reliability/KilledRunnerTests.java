package dev.migration.core.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.execute.ExecutionSettings;
import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunResult;
import dev.migration.core.run.RunSettings;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** A runner killed with SIGKILL in the middle of a long migration, and the run that follows. */
@PostgresTest(emptyBeforeEach = true)
class KilledRunnerTests {

	private final TestDatabase database;

	private final JdbcTemplate jdbc;

	private Process process;

	KilledRunnerTests(TestDatabase database) {
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
	void aRunnerKilledInTheMiddleOfAMigrationLeavesNoTraceOfItAndTheNextRunCompletes(@TempDir Path logs)
			throws Exception {
		Path output = logs.resolve("killed.log");
		this.process = UpgradeProcess.start(this.database, "slow", 0, output);
		boolean sleeping = Sessions.await(Duration.ofSeconds(20),
				() -> !this.process.isAlive() || Sessions.sleeping(this.jdbc));
		assertThat(sleeping && this.process.isAlive()).as("the slow step runs in the child, whose output was:%n%s",
				Files.exists(output) ? Files.readString(output) : "").isTrue();
		this.process.destroyForcibly();
		assertThat(this.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

		assertThat(HistoryRows.state(this.jdbc)).containsExactly("k1");
		assertThat(HistoryRows.log(this.jdbc, "k2")).isEmpty();
		assertThat(HistoryRows.exists(this.jdbc, "during_kill")).isFalse();
		assertThat(Sessions.await(Duration.ofSeconds(SlowHistory.SLEEP_SECONDS + 10),
				() -> !Sessions.holdingAdvisoryLock(this.jdbc)))
			.as("the dead runner's advisory lock is released").isTrue();

		RunResult result = restarted().upgrade("heads");
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly("k2", "k3");
		assertThat(HistoryRows.state(this.jdbc)).containsExactly("k1", "k2", "k3");
		assertThat(HistoryRows.logCounts(this.jdbc, "upgrade", "success")).isEqualTo(Map.of("k1", 1, "k2", 1, "k3", 1));
		assertThat(HistoryRows.logCounts(this.jdbc, "upgrade", "failed")).isEmpty();
		assertThat(this.jdbc.queryForList("SELECT id FROM during_kill", Long.class)).containsExactly(1L);
		assertThat(HistoryRows.exists(this.jdbc, "after_kill")).isTrue();
	}

	/** Waits long enough for the server to end the killed session, retrying on lock timeouts meanwhile. */
	private Migrator restarted() {
		RunSettings settings = RunSettings.defaults()
			.withExecution(new ExecutionSettings(Duration.ofMillis(500)))
			.withLockRetries(20, Duration.ofMillis(100))
			.withLockWait(Duration.ofSeconds(30));
		return Migrator.create(this.database.dataSource(), SlowHistory.all(), settings);
	}

}
