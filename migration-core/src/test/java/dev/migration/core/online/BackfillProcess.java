package dev.migration.core.online;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.migration.core.Migration;
import dev.migration.core.run.Migrator;
import dev.migration.testdb.TestDatabase;

/**
 * The {@code main} a test starts in a JVM of its own to kill it: runs one revision that backfills
 * the table {@code items} and exits with 0 on success, 1 on failure.
 *
 * <p>Arguments: the JDBC URL, the user and the table's row count; the password comes from the environment variable
 * {@value #PASSWORD}, to keep it out of the process list.
 */
public final class BackfillProcess {

	static final String PASSWORD = "BACKFILL_TEST_PASSWORD";

	private BackfillProcess() {
	}

	public static void main(String[] args) {
		TestDatabase database = new TestDatabase("child", args[0], args[1], System.getenv(PASSWORD));
		try {
			migrator(database.dataSource(), Integer.parseInt(args[2])).upgrade("heads");
			System.exit(0);
		}
		catch (RuntimeException ex) {
			ex.printStackTrace();
			System.exit(1);
		}
	}

	/**
	 * Returns the migrator of the revision, the same in the child and in the test: each row's
	 * {@code fills} counts the times the backfill wrote it. A hundred batches with pauses make
	 * the walk last several times the second the server takes to notice a killed client.
	 * @param dataSource the database
	 * @param rows the rows of the table
	 * @return the migrator
	 */
	static Migrator migrator(DataSource dataSource, int rows) {
		Migration fill = (op) -> op.backfill("items", (b) -> b.set("filled = n, fills = fills + 1")
			.where("filled IS NULL")
			.batchSize(Math.max(1, rows / 100))
			.targetBatchDuration(Duration.ZERO)
			.pause(Duration.ofMillis(50)));
		return Revisions.of(dataSource, List.of(fill));
	}

	/**
	 * Starts this class in a new JVM with the test JVM's class path.
	 * @param database the database
	 * @param rows the rows of the table
	 * @param output the file that receives the process's standard output and error
	 * @return the started process
	 */
	static Process start(TestDatabase database, int rows, Path output) throws IOException {
		String java = System.getProperty("java.home") + "/bin/java";
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), BackfillProcess.class.getName(), database.url(), database.user(),
				Integer.toString(rows));
		builder.environment().put(PASSWORD, database.password());
		builder.redirectErrorStream(true).redirectOutput(output.toFile());
		return builder.start();
	}

}
