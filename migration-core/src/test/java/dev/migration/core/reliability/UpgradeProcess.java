package dev.migration.core.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.migration.core.ChildJvm;
import dev.migration.core.Migration;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunResult;
import dev.migration.core.run.RunSettings;
import dev.migration.testdb.TestDatabase;

/**
 * The {@code main} a reliability test starts in a JVM of its own: upgrades a database to
 * {@code heads} and exits with 0 on success, 1 on failure.
 *
 * <p>Arguments: the JDBC URL, the user, the history ({@code concurrent} or {@code slow}) and
 * the epoch millisecond to start at, so that processes started one after another begin
 * together, as {@link ChildJvm} passes them.
 */
public final class UpgradeProcess {

	/** Enough for every started JVM to load its classes before the common start. */
	static final Duration STARTUP_ALLOWANCE = Duration.ofMillis(2500);

	private UpgradeProcess() {
	}

	public static void main(String[] args) throws InterruptedException {
		TestDatabase database = ChildJvm.database(args);
		Migrator migrator = Migrator.create(database.dataSource(), history(args[2]), RunSettings.defaults());
		long startAt = Long.parseLong(args[3]);
		System.out.println("ready " + (startAt - System.currentTimeMillis()) + " ms before the start");
		Thread.sleep(Math.max(0, startAt - System.currentTimeMillis()));
		try {
			RunResult result = migrator.upgrade("heads");
			System.out.println("applied " + result.steps().size() + " revision(s): "
					+ result.steps().stream().map((step) -> step.revision()).toList());
			System.exit(0);
		}
		catch (RuntimeException ex) {
			ex.printStackTrace();
			System.exit(1);
		}
	}

	private static List<Migration> history(String name) {
		return switch (name) {
			case "concurrent" -> ConcurrentHistory.all();
			case "slow" -> SlowHistory.all();
			default -> throw new IllegalArgumentException("No history named " + name);
		};
	}

	/**
	 * Starts this class in a new JVM with the test JVM's class path.
	 * @param database the database to upgrade
	 * @param history {@code concurrent} or {@code slow}
	 * @param startAt the epoch millisecond to start the upgrade at
	 * @param output the file that receives the process's standard output and error
	 * @return the started process
	 */
	static Process start(TestDatabase database, String history, long startAt, Path output) throws IOException {
		return ChildJvm.of(UpgradeProcess.class, database, history, Long.toString(startAt))
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
	}

}
