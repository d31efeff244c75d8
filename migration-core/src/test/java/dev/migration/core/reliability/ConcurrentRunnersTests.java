package dev.migration.core.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunResult;
import dev.migration.core.run.RunSettings;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Eight runners start together on one database, as threads and as processes. */
@PostgresTest(emptyBeforeEach = true)
class ConcurrentRunnersTests {

	private static final int RUNNERS = 8;

	private final TestDatabase database;

	private final JdbcTemplate jdbc;

	private final List<Process> processes = new ArrayList<>();

	ConcurrentRunnersTests(TestDatabase database) {
		this.database = database;
		this.jdbc = new JdbcTemplate(database.dataSource());
	}

	@AfterEach
	void killLeftoverProcesses() {
		this.processes.forEach(Process::destroyForcibly);
	}

	@Test
	void eightThreadsStartedTogetherApplyEveryRevisionExactlyOnce() throws Exception {
		CyclicBarrier start = new CyclicBarrier(RUNNERS);
		ExecutorService pool = Executors.newFixedThreadPool(RUNNERS);
		try {
			List<Future<RunResult>> runs = new ArrayList<>();
			for (int i = 0; i < RUNNERS; i++) {
				Migrator migrator = Migrator.create(this.database.dataSource(), ConcurrentHistory.all(),
						RunSettings.defaults());
				runs.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return migrator.upgrade("heads");
				}));
			}
			List<String> applied = new ArrayList<>();
			for (Future<RunResult> run : runs) {
				run.get(60, TimeUnit.SECONDS).steps().stream().map(AppliedStep::revision).forEach(applied::add);
			}
			assertThat(applied).containsExactlyInAnyOrderElementsOf(ConcurrentHistory.ids());
		}
		finally {
			pool.shutdownNow();
		}
		assertEveryRevisionAppliedOnce();
	}

	@Test
	void eightProcessesStartedTogetherApplyEveryRevisionExactlyOnce(@TempDir Path logs) throws Exception {
		long startAt = System.currentTimeMillis() + UpgradeProcess.STARTUP_ALLOWANCE.toMillis();
		for (int i = 0; i < RUNNERS; i++) {
			this.processes.add(UpgradeProcess.start(this.database, "concurrent", startAt, logs.resolve(i + ".log")));
		}
		for (int i = 0; i < RUNNERS; i++) {
			Process process = this.processes.get(i);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("runner %d finished", i).isTrue();
			assertThat(process.exitValue()).as("exit code of runner %d, whose output was:%n%s", i,
					Files.readString(logs.resolve(i + ".log")))
				.isZero();
		}
		assertEveryRevisionAppliedOnce();
		List<String> outputs = new ArrayList<>();
		for (int i = 0; i < RUNNERS; i++) {
			outputs.add(Files.readString(logs.resolve(i + ".log")));
		}
		assertThat(outputs).as("the runners overlapped: some waited for the lock")
			.anyMatch((output) -> output.contains("Waiting up to"));
	}

	private void assertEveryRevisionAppliedOnce() {
		Map<String, Integer> once = ConcurrentHistory.ids()
			.stream()
			.collect(Collectors.toMap(Function.identity(), (id) -> 1));
		assertThat(HistoryRows.logCounts(this.jdbc, "upgrade", "success")).isEqualTo(once);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM migration_history", Integer.class))
			.isEqualTo(ConcurrentHistory.ids().size());
		assertThat(HistoryRows.state(this.jdbc)).containsExactlyElementsOf(ConcurrentHistory.ids());
		assertThat(this.jdbc.queryForList("SELECT revision FROM applied_mark ORDER BY revision", String.class))
			.containsExactlyElementsOf(ConcurrentHistory.ids());
		assertThat(this.jdbc.queryForObject(
				"SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass('ix_item_name')",
				Boolean.class))
			.isTrue();
	}

}
