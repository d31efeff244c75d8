package dev.migration.autoconfigure.command;

import javax.sql.DataSource;

import org.springframework.util.ClassUtils;

import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.core.MigrationException;
import dev.migration.core.trace.ScratchDatabase;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

/**
 * The scratch database one trace runs on, made for it and dropped after: on the server of
 * {@code migrations.trace.url}, else on the embedded PostgreSQL of
 * {@code migration-test-database} when that is on the classpath. Never the application's.
 *
 * @param dataSource the database; each connection a new session
 * @param description where it is, for the report
 * @param drop drops it
 */
public record TraceScratch(DataSource dataSource, String description, Runnable drop) implements AutoCloseable {

	private static final String TEST_SERVER = "dev.migration.testdb.TestDatabaseServer";

	/**
	 * Makes the scratch database the properties name.
	 * @param trace {@code migrations.trace.*}
	 * @return the database, to close
	 * @throws CommandException when no server is configured or the database cannot be made
	 */
	public static TraceScratch open(MigrationProperties.Trace trace) {
		if (trace.getUrl() != null && !trace.getUrl().isBlank()) {
			try {
				ScratchDatabase database = ScratchDatabase.create(trace.getUrl().strip(), trace.getUsername(),
						trace.getPassword());
				return new TraceScratch(database.dataSource(), "database " + database.name()
						+ " on the server of migrations.trace.url", database::close);
			}
			catch (MigrationException ex) {
				throw new CommandException(CommandExit.FAILURE, ex.getMessage() + " (migrations.trace.url, "
						+ "migrations.trace.username).");
			}
		}
		if (ClassUtils.isPresent(TEST_SERVER, TraceScratch.class.getClassLoader())) {
			return Embedded.open();
		}
		throw new CommandException(CommandExit.USAGE, "trace and squash need a PostgreSQL server where they may create a "
				+ "scratch database (they change the database they run on and never use the application's): set "
				+ "migrations.trace.url (with migrations.trace.username and migrations.trace.password) to any "
				+ "database of a server where that user has CREATEDB, or add dev.migration:migration-test-database "
				+ "for an embedded PostgreSQL.");
	}

	@Override
	public void close() {
		this.drop.run();
	}

	/** The embedded server, in a class of its own so that nothing loads it when it is absent. */
	private static final class Embedded {

		static TraceScratch open() {
			TestDatabaseServer server = TestDatabaseServer.get();
			TestDatabase database = server.createDatabase("migration_trace");
			return new TraceScratch(database.dataSource(), "database " + database.name() + " on the "
					+ server.description(), () -> server.dropDatabase(database));
		}

	}

}
