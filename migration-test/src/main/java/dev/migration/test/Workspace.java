package dev.migration.test;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

/**
 * The empty database one check runs in: a fresh one on the shared test server, dropped
 * afterwards, or the database the tester was given, emptied first.
 */
sealed interface Workspace extends AutoCloseable {

	DataSource dataSource();

	@Override
	void close();

	/** Where each check gets its empty database. */
	@FunctionalInterface
	interface Provider {

		Workspace open();

	}

	static Provider fresh() {
		return () -> {
			TestDatabase database = TestDatabaseServer.get().createDatabase("migration_tester");
			return new Fresh(database, database.dataSource());
		};
	}

	static Provider given(DataSource dataSource) {
		return () -> {
			Given given = new Given(dataSource);
			given.empty();
			return given;
		};
	}

	/** A database made for one check. */
	record Fresh(TestDatabase database, DataSource dataSource) implements Workspace {

		@Override
		public void close() {
			if (!Boolean.getBoolean("migrations.test.keep-databases")) {
				TestDatabaseServer.get().dropDatabase(this.database);
			}
		}

	}

	/** The tester's own database, emptied before each check. */
	record Given(DataSource dataSource) implements Workspace {

		void empty() {
			JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
			List<String> schemas = jdbc.queryForList("SELECT nspname FROM pg_namespace n "
					+ "WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%' "
					+ "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = n.oid AND d.deptype = 'e')",
					String.class);
			for (String schema : schemas) {
				jdbc.execute("DROP SCHEMA \"" + schema.replace("\"", "\"\"") + "\" CASCADE");
			}
			jdbc.execute("CREATE SCHEMA IF NOT EXISTS public");
		}

		@Override
		public void close() {
		}

	}

}
