package dev.migration.core.online;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.migration.core.ChildJvm;
import dev.migration.core.Migration;
import dev.migration.core.run.Migrator;
import dev.migration.testdb.TestDatabase;

/**
 * The {@code main} a test starts in a JVM of its own to kill it: runs one revision that backfills
 * the table {@code items} and exits with 0 on success, 1 on failure.
 *
 * <p>Arguments: the JDBC URL, the user and the table's row count, as {@link ChildJvm} passes them.
 */
public final class BackfillProcess {

	private BackfillProcess() {
	}

	public static void main(String[] args) {
		TestDatabase database = ChildJvm.database(args);
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
		return ChildJvm.of(BackfillProcess.class, database, Integer.toString(rows))
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
	}

}
