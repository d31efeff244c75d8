package dev.migration.core.crash;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash-point matrix: every revision kind that commits in parts is run once uninterrupted,
 * then once for every round trip k of that run with its connection terminated by the server
 * right after round trip k ({@code pg_terminate_backend}, as a DBA or a failover does), and
 * rerun; each rerun must succeed without help and leave the schema, every row, the history and
 * the progress exactly as the uninterrupted run did. {@link SlowCrashPointTests} kills the
 * process and restarts the server instead.
 */
// the class itself runs alone, as every other class does; only its scenarios run side by side
// (as many as junit-platform.properties allows), each on a database of its own
@Execution(ExecutionMode.SAME_THREAD)
class CrashPointTests {

	static List<CrashScenario> scenarios() {
		return CrashScenario.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	@Execution(ExecutionMode.CONCURRENT)
	void aRunWhoseConnectionIsTerminatedAfterAnyRoundTripIsFinishedByTheNextRun(CrashScenario scenario) {
		TestDatabase database = TestDatabaseServer.get().createDatabase("crash_point");
		try {
			assertThat(walk(scenario, database.dataSource())).as(scenario.name()).isEmpty();
		}
		finally {
			if (!Boolean.getBoolean("migrations.test.keep-databases")) {
				TestDatabaseServer.get().dropDatabase(database);
			}
		}
	}

	private static List<String> walk(CrashScenario scenario, DataSource dataSource) {
		return CrashMatrix.walk(scenario, dataSource, (run, k) -> {
			InterruptingDataSource interrupting = new InterruptingDataSource(dataSource, k);
			String outcome = CrashMatrix.runReporting(run, interrupting);
			return interrupting.interrupted() ? outcome : null;
		});
	}

}
