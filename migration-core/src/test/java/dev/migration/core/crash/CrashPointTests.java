package dev.migration.core.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash-point matrix: every revision kind that commits in parts is run once uninterrupted,
 * then once for every round trip k of that run with its connection terminated by the server
 * right after round trip k, and rerun; each rerun must succeed without help and leave the
 * schema, every row, the history and the progress exactly as the uninterrupted run did.
 */
@PostgresTest
class CrashPointTests {

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	CrashPointTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	static List<CrashScenario> scenarios() {
		return CrashScenario.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void aRunInterruptedAfterAnyRoundTripIsFinishedByTheNextRunAsIfNothingHappened(CrashScenario scenario) {
		prepare(scenario);
		InterruptingDataSource counting = new InterruptingDataSource(this.dataSource, 0);
		scenario.run().apply(migrator(scenario, counting));
		Outcome expected = Outcome.of(this.dataSource);
		int roundTrips = counting.roundTrips();
		assertThat(roundTrips).as("round trips of the uninterrupted run").isGreaterThan(3);
		List<String> mismatches = new ArrayList<>();
		for (int k = 1; k <= roundTrips; k++) {
			prepare(scenario);
			InterruptingDataSource interrupting = new InterruptingDataSource(this.dataSource, k);
			String failure = runInterrupted(scenario, interrupting);
			// a lock-timeout retry (autovacuum may hold a lock a moment) makes one run longer than another
			assertThat(interrupting.interrupted() || interrupting.roundTrips() < k)
				.as("round trip %d of %d was reached; the uninterrupted run sent%n%s%nthis one%n%s", k, roundTrips,
						String.join("\n", counting.trips()), String.join("\n", interrupting.trips()))
				.isTrue();
			try {
				scenario.run().apply(migrator(scenario, this.dataSource));
			}
			catch (RuntimeException ex) {
				mismatches.add("after round trip " + k + " (" + failure + "), the rerun failed: " + ex.getMessage());
				continue;
			}
			Outcome actual = Outcome.of(this.dataSource);
			if (!actual.equals(expected)) {
				mismatches.add("after round trip " + k + " (" + failure + "), the rerun left " + describe(expected, actual));
			}
		}
		assertThat(mismatches).as("%s, interrupted after each of %d round trips", scenario, roundTrips).isEmpty();
	}

	private static String runInterrupted(CrashScenario scenario, InterruptingDataSource interrupting) {
		try {
			scenario.run().apply(migrator(scenario, interrupting));
			return "the run itself succeeded";
		}
		catch (RuntimeException ex) {
			String message = String.valueOf(ex.getMessage());
			return "it failed: " + message.substring(0, Math.min(message.length(), 160));
		}
	}

	private void prepare(CrashScenario scenario) {
		this.jdbc.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
		migrator(scenario, this.dataSource).upgrade(scenario.before());
	}

	private static Migrator migrator(CrashScenario scenario, DataSource dataSource) {
		return new Migrator(dataSource, scenario.catalog(), new PostgresDialect(),
				RunSettings.defaults().withLockWait(Duration.ofSeconds(10)));
	}

	private static String describe(Outcome expected, Outcome actual) {
		List<String> differences = new ArrayList<>();
		if (!expected.schema().equals(actual.schema())) {
			differences.add("schema: " + expected.schema().diff(actual.schema()).describe("expected -> rerun"));
		}
		if (!expected.rows().equals(actual.rows())) {
			differences.add("rows: " + actual.rows() + " instead of " + expected.rows());
		}
		if (!expected.state().equals(actual.state()) || !expected.log().equals(actual.log())) {
			differences.add("history: " + actual.state() + " " + actual.log() + " instead of " + expected.state() + " "
					+ expected.log());
		}
		if (!expected.backfills().equals(actual.backfills())) {
			differences.add("backfills: " + actual.backfills() + " instead of " + expected.backfills());
		}
		if (actual.progress() != 0) {
			differences.add(actual.progress() + " progress row(s)");
		}
		return String.join("; ", differences);
	}

}
