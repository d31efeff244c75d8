package dev.migration.jpa;

import javax.sql.DataSource;

import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

/** Where the model check makes (and drops) its two empty databases. */
@FunctionalInterface
public interface ScratchDatabases {

	/**
	 * Makes an empty database.
	 * @param hint a word for its name
	 * @return the database, dropped when closed
	 */
	Scratch open(String hint);

	/**
	 * The shared test server of {@code migration-test-database}; a database is kept when
	 * {@code -Dmigrations.test.keep-databases=true}.
	 * @return the scratch databases
	 */
	static ScratchDatabases testServer() {
		return (hint) -> {
			TestDatabaseServer server = TestDatabaseServer.get();
			TestDatabase database = server.createDatabase("model_check_" + hint);
			return new Scratch(database.dataSource(), () -> {
				if (!Boolean.getBoolean("migrations.test.keep-databases")) {
					server.dropDatabase(database);
				}
			});
		};
	}

	/**
	 * One empty database.
	 *
	 * @param dataSource its connections
	 * @param drop drops it
	 */
	record Scratch(DataSource dataSource, Runnable drop) implements AutoCloseable {

		@Override
		public void close() {
			this.drop.run();
		}

	}

}
