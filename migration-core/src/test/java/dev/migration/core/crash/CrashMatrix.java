package dev.migration.core.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;

/**
 * Walks one scenario through every interruption point: an uninterrupted run gives the
 * expected outcome and the number of round trips; then, for each round trip k, the database
 * is prepared again, the run is interrupted after round trip k by the given fault, rerun
 * without help, and compared with the expected outcome.
 */
final class CrashMatrix {

	private CrashMatrix() {
	}

	/**
	 * Interrupts one run of a scenario after a round trip.
	 */
	@FunctionalInterface
	interface Fault {

		/**
		 * Runs the scenario and interrupts it after round trip k.
		 * @param scenario the scenario
		 * @param k the round trip
		 * @return what happened to the interrupted run, for the report, or {@code null} when the
		 * run ended before round trip k
		 */
		String interrupt(CrashScenario scenario, int k);

	}

	/**
	 * Walks a scenario.
	 * @param scenario the scenario
	 * @param dataSource the database, emptied before each run
	 * @param fault how a run is interrupted
	 * @return one line per interruption point whose rerun failed or differed; empty when none
	 */
	static List<String> walk(CrashScenario scenario, DataSource dataSource, Fault fault) {
		prepare(scenario, dataSource);
		InterruptingDataSource counting = new InterruptingDataSource(dataSource, 0);
		scenario.run().apply(migrator(scenario, counting));
		Outcome expected = Outcome.of(dataSource, migrator(scenario, dataSource));
		int roundTrips = counting.roundTrips();
		List<String> mismatches = new ArrayList<>();
		if (roundTrips < 4) {
			mismatches.add("the uninterrupted run made only " + roundTrips + " round trip(s)");
		}
		int unreached = 0;
		for (int k = 1; k <= roundTrips; k++) {
			prepare(scenario, dataSource);
			String interrupted = fault.interrupt(scenario, k);
			if (interrupted == null) {
				// a lock-timeout retry (autovacuum may hold a lock a moment) makes one run longer than another
				unreached++;
				continue;
			}
			try {
				scenario.run().apply(migrator(scenario, dataSource));
			}
			catch (RuntimeException ex) {
				mismatches.add("after round trip " + k + " (" + interrupted + "), the rerun failed: " + ex.getMessage());
				continue;
			}
			Outcome actual = Outcome.of(dataSource, migrator(scenario, dataSource));
			if (!actual.equals(expected)) {
				mismatches.add("after round trip " + k + " (" + interrupted + "), the rerun left "
						+ describe(expected, actual));
			}
		}
		if (unreached > Math.max(2, roundTrips / 5)) {
			mismatches.add(unreached + " of " + roundTrips + " interruption points were never reached");
		}
		return mismatches;
	}

	/**
	 * Runs a scenario, reporting how it ended.
	 * @param scenario the scenario
	 * @param dataSource where to run it
	 * @return the outcome, for the report
	 */
	static String runReporting(CrashScenario scenario, DataSource dataSource) {
		try {
			scenario.run().apply(migrator(scenario, dataSource));
			return "the run itself succeeded";
		}
		catch (RuntimeException ex) {
			String message = String.valueOf(ex.getMessage());
			return "it failed: " + message.substring(0, Math.min(message.length(), 160));
		}
	}

	static Migrator migrator(CrashScenario scenario, DataSource dataSource) {
		return new Migrator(dataSource, scenario.catalog(), new PostgresDialect(),
				RunSettings.defaults().withLockWait(Duration.ofSeconds(30)));
	}

	private static void prepare(CrashScenario scenario, DataSource dataSource) {
		new JdbcTemplate(dataSource).execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
		migrator(scenario, dataSource).upgrade(scenario.before());
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
		if (!expected.drift().equals(actual.drift())) {
			differences.add("drift: '" + actual.drift() + "' instead of '" + expected.drift() + "'");
		}
		if (actual.progress() != 0) {
			differences.add(actual.progress() + " progress row(s)");
		}
		return String.join("; ", differences);
	}

}
