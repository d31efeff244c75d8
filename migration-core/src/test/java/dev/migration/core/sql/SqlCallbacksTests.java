package dev.migration.core.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.lint.LintGate;
import dev.migration.core.lint.LintPolicy;
import dev.migration.core.lint.NotCheckedPolicy;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Flyway's SQL callbacks, run at the events Flyway 11 runs them at, in its order (asked of Flyway itself). */
class SqlCallbacksTests {

	private static final String LOG = "CREATE TABLE IF NOT EXISTS callback_log (n bigint GENERATED ALWAYS AS IDENTITY, "
			+ "event text);\n";

	@Test
	void callbacksRunAtTheirEventsInFlywaysOrder(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("V1__create_item.sql"), "CREATE TABLE item (id int);\n");
		Files.writeString(folder.resolve("V2__create_other.sql"), "CREATE TABLE other (id int);\n");
		for (String event : List.of("beforeMigrate", "beforeEachMigrate", "afterEachMigrate", "afterMigrate",
				"afterMigrateApplied", "afterMigrateError")) {
			Files.writeString(folder.resolve(event + "__log.sql"),
					LOG + "INSERT INTO callback_log (event) VALUES ('" + event + "');\n");
		}
		TestDatabase flywayDatabase = TestDatabaseServer.get().createDatabase("callbacks_flyway");
		TestDatabase ourDatabase = TestDatabaseServer.get().createDatabase("callbacks_ours");
		try {
			Flyway flyway = Flyway.configure()
				.dataSource(flywayDatabase.url(), flywayDatabase.user(), flywayDatabase.password())
				.locations("filesystem:" + folder)
				.load();
			flyway.migrate();
			flyway.migrate();
			migrator(ourDatabase.dataSource(), folder).upgrade("heads");
			migrator(ourDatabase.dataSource(), folder).upgrade("heads");
			List<String> flywayEvents = events(flywayDatabase.dataSource());
			assertThat(flywayEvents).as("Flyway 11's order").startsWith("beforeMigrate", "beforeEachMigrate");
			assertThat(events(ourDatabase.dataSource())).isEqualTo(flywayEvents);

			Files.writeString(folder.resolve("V3__broken.sql"), "CREATE TABLE broken (id int, id int);\n");
			assertThatException().isThrownBy(() -> migrator(ourDatabase.dataSource(), folder).upgrade("heads"));
			assertThat(events(ourDatabase.dataSource())).endsWith("beforeMigrate", "beforeEachMigrate",
					"afterMigrateError");
		}
		finally {
			TestDatabaseServer.get().dropDatabase(flywayDatabase);
			TestDatabaseServer.get().dropDatabase(ourDatabase);
		}
	}

	@Test
	void aCallbackOfAnEventThisProjectDoesNotRunIsRefusedNamingIt(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("beforeClean.sql"), "SELECT 1;\n");
		List<SqlScript> scripts = SqlScriptLocations.load(List.of("filesystem:" + folder), getClass().getClassLoader());
		assertThatExceptionOfType(InvalidSqlMigrationException.class).isThrownBy(() -> SqlCallbacks.split(scripts))
			.withMessageContaining("beforeClean.sql")
			.withMessageContaining("the event beforeClean, which this project does not run (it runs beforeMigrate, ");
		assertThatExceptionOfType(InvalidSqlMigrationException.class).as("never run as a revision")
			.isThrownBy(() -> SqlRevisions.declare(scripts))
			.withMessageContaining("it is a Flyway callback script (beforeClean)");
	}

	@Test
	void whatACallbackRunsIsLintedAsARevisionIs(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("V1__create_item.sql"), "CREATE TABLE item (id int, name text);\n");
		TestDatabase database = TestDatabaseServer.get().createDatabase("callbacks_lint");
		try {
			migrator(database.dataSource(), folder).upgrade("heads");
			Files.writeString(folder.resolve("afterMigrate__index.sql"), "CREATE INDEX ix_item_name ON item (name);\n");
			LintGate gate = new LintGate(LintPolicy.FAIL, 0, NotCheckedPolicy.FAIL);
			assertThatExceptionOfType(LintGate.LintFailedException.class)
				.isThrownBy(() -> migrator(database.dataSource(), folder).withUpgradeCheck(gate).upgrade("heads"))
				.withMessageContaining("index-not-concurrent in afterMigrate__index.sql");
			Files.writeString(folder.resolve("afterMigrate__index.sql"), "-- allow-unsafe: index-not-concurrent "
					+ "item holds a few rows\nCREATE INDEX IF NOT EXISTS ix_item_name ON item (name);\n");
			migrator(database.dataSource(), folder).withUpgradeCheck(gate).upgrade("heads");
			assertThat(new JdbcTemplate(database.dataSource())
				.queryForObject("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_item_name'", Integer.class)).isOne();
		}
		finally {
			TestDatabaseServer.get().dropDatabase(database);
		}
	}

	private static Migrator migrator(DataSource dataSource, Path folder) {
		SqlCallbacks.Split split = SqlCallbacks
			.split(SqlScriptLocations.load(List.of("filesystem:" + folder), SqlCallbacksTests.class.getClassLoader()));
		return new Migrator(dataSource, MigrationCatalog.ofDeclared(SqlRevisions.declare(split.migrations())),
				new PostgresDialect(), RunSettings.defaults())
			.withCallbacks(split.callbacks());
	}

	private static List<String> events(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForList("SELECT event FROM callback_log ORDER BY n", String.class);
	}

}
