package dev.migration.core.crash;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

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
		try (OwnConnection own = new OwnConnection(dataSource); WarmConnections warm = new WarmConnections(dataSource)) {
			return walk(scenario, dataSource, new Harness(own, warm), fault);
		}
	}

	private static List<String> walk(CrashScenario scenario, DataSource dataSource, Harness harness, Fault fault) {
		prepare(scenario, harness);
		InterruptingDataSource counting = new InterruptingDataSource(dataSource, 0);
		scenario.run().apply(migrator(scenario, counting));
		Outcome expected = outcome(scenario, harness);
		int roundTrips = counting.roundTrips();
		List<String> mismatches = new ArrayList<>();
		if (roundTrips < 4) {
			mismatches.add("the uninterrupted run made only " + roundTrips + " round trip(s)");
		}
		int unreached = 0;
		for (int k = 1; k <= roundTrips; k++) {
			prepare(scenario, harness);
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
			Outcome actual = outcome(scenario, harness);
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

	/** Empties the database and brings it to the scenario's starting point with an uninterrupted run. */
	private static void prepare(CrashScenario scenario, Harness harness) {
		new JdbcTemplate(harness.connection().dataSource()).execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
		// only the runs under test need sessions of their own; this one may reuse warm ones, as from a pool
		migrator(scenario, harness.warm()).upgrade(scenario.before());
	}

	/** Reads what a run left, every read on the walk's own connection. */
	private static Outcome outcome(CrashScenario scenario, Harness harness) {
		DataSource reader = harness.connection().dataSource();
		return Outcome.of(reader, migrator(scenario, reader));
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

	/**
	 * What the walk itself works with, beside the runs under test.
	 *
	 * @param connection the connection it empties the database and reads outcomes on
	 * @param warm the connections the run that sets the scene reuses
	 */
	private record Harness(OwnConnection connection, WarmConnections warm) {
	}

	/**
	 * The walk's own connection, kept open from one run to the next for emptying the database and
	 * reading outcomes, and opened again when a fault ended it.
	 */
	private static final class OwnConnection implements AutoCloseable {

		private final DataSource target;

		private Connection connection;

		private SingleConnectionDataSource current;

		OwnConnection(DataSource target) {
			this.target = target;
		}

		/**
		 * Returns a data source that hands out this one connection, open and alive.
		 * @return the data source; closing its connection leaves it open
		 */
		DataSource dataSource() {
			// a fresh session costs more than all the reads of an outcome, as its catalog caches start cold
			try {
				if (this.connection == null || !this.connection.isValid(5)) {
					close();
					this.connection = this.target.getConnection();
					this.current = new SingleConnectionDataSource(this.connection, true);
				}
				return this.current;
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not connect for the crash matrix: " + ex.getMessage(), ex);
			}
		}

		@Override
		public void close() {
			if (this.current != null) {
				this.current.destroy();
				this.current = null;
				this.connection = null;
			}
		}

	}

}
