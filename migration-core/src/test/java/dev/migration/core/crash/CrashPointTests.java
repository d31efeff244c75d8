package dev.migration.core.crash;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash-point matrix: every revision kind that commits in parts is run once uninterrupted,
 * then once for every round trip k of that run with its connection terminated by the server
 * right after round trip k ({@code pg_terminate_backend}, as a DBA or a failover does), and
 * rerun; each rerun must succeed without help and leave the schema, every row, the history and
 * the progress exactly as the uninterrupted run did. {@link SlowCrashPointTests} kills the
 * process and restarts the server instead.
 */
@PostgresTest
class CrashPointTests {

	private final DataSource dataSource;

	CrashPointTests(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	static List<CrashScenario> scenarios() {
		return CrashScenario.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void aRunWhoseConnectionIsTerminatedAfterAnyRoundTripIsFinishedByTheNextRun(CrashScenario scenario) {
		List<String> mismatches = CrashMatrix.walk(scenario, this.dataSource, (run, k) -> {
			InterruptingDataSource interrupting = new InterruptingDataSource(this.dataSource, k);
			String outcome = CrashMatrix.runReporting(run, interrupting);
			return interrupting.interrupted() ? outcome : null;
		});
		assertThat(mismatches).as(scenario.name()).isEmpty();
	}

}
