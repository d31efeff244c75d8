package dev.migration.core.sql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.history.HistoryTable;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.OwnedSchemas;
import dev.migration.core.run.RunResult;
import dev.migration.core.run.RunSettings;
import dev.migration.core.snapshot.SchemaSnapshot;
import dev.migration.core.snapshot.SnapshotReader;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thirty-three real-looking SQL files (tables, constraints, data with quotes and semicolons,
 * functions and triggers in dollar quotes, a DO block, concurrent indexes, an empty file, a
 * partitioned table) applied by this project and by Flyway 11 to two fresh databases: the
 * schemas and the row counts come out the same.
 */
@PostgresTest(emptyBeforeEach = true)
class FlywayEquivalenceTests {

	private static final String LOCATION = "classpath:sql/equivalence";

	private final DataSource ours;

	private TestDatabase flywayDatabase;

	FlywayEquivalenceTests(DataSource dataSource) {
		this.ours = dataSource;
	}

	@BeforeEach
	void twoEmptyDatabases() {
		this.flywayDatabase = TestDatabaseServer.get().createDatabase("flyway");
	}

	@AfterEach
	void dropFlywayDatabase() {
		TestDatabaseServer.get().dropDatabase(this.flywayDatabase);
	}

	@Test
	void theSameFilesGiveTheSameSchemaAndRowsAsFlyway() {
		List<SqlScript> scripts = SqlScriptLocations.load(List.of(LOCATION), getClass().getClassLoader());
		assertThat(scripts).hasSizeGreaterThanOrEqualTo(30);
		new Migrator(this.ours, MigrationCatalog.ofDeclared(SqlRevisions.declare(scripts)), new PostgresDialect(),
				RunSettings.defaults())
			.upgrade("heads");
		Flyway.configure()
			.dataSource(this.flywayDatabase.url(), this.flywayDatabase.user(), this.flywayDatabase.password())
			.locations(LOCATION)
			// Flyway's default lock keeps a transaction open, which CREATE INDEX CONCURRENTLY waits for forever
			.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
			.load()
			.migrate();
		SchemaSnapshot ourSchema = SnapshotReader.allSchemas().read(this.ours);
		SchemaSnapshot flywaySchema = SnapshotReader.allSchemas(new HistoryTable(null, "flyway_schema_history"))
			.read(this.flywayDatabase.dataSource());
		assertThat(flywaySchema.diff(ourSchema).isEmpty())
			.as(() -> "schema differences:\n" + flywaySchema.diff(ourSchema).describe("Flyway database -> ours"))
			.isTrue();
		assertThat(ourSchema.objects()).hasSizeGreaterThan(50);
		assertThat(rowCounts(this.ours)).isEqualTo(rowCounts(this.flywayDatabase.dataSource()))
			.containsEntry("public.customer", 75L);
	}

	/**
	 * A history as a team switching from Flyway has it: placeholders (their own and Flyway's
	 * built-ins), an afterMigrate callback and a schema of its own. Same schema and rows under
	 * Flyway and here; a database Flyway migrated is taken over without running a file again.
	 */
	@Test
	void aHistoryWithPlaceholdersCallbacksAndItsOwnSchemaGivesTheSameSchemaAndRowsAndIsTakenOver() {
		// emptying the database between tests clears public only
		new JdbcTemplate(this.ours).execute("DROP SCHEMA IF EXISTS bpdm CASCADE");
		try {
			switchingFromFlyway();
		}
		finally {
			new JdbcTemplate(this.ours).execute("DROP SCHEMA IF EXISTS bpdm CASCADE");
		}
	}

	private void switchingFromFlyway() {
		String location = "classpath:sql/switching";
		Flyway.configure()
			.dataSource(this.flywayDatabase.url(), this.flywayDatabase.user(), this.flywayDatabase.password())
			.locations(location)
			.defaultSchema("bpdm")
			.schemas("bpdm")
			.placeholders(Map.of("companyName", "ACME"))
			.load()
			.migrate();
		switching(this.ours, location).upgrade("heads");
		SchemaSnapshot ourSchema = SnapshotReader.allSchemas(new HistoryTable("bpdm", HistoryTable.DEFAULT_TABLE))
			.read(this.ours);
		SchemaSnapshot flywaySchema = SnapshotReader.allSchemas(new HistoryTable("bpdm", "flyway_schema_history"))
			.read(this.flywayDatabase.dataSource());
		assertThat(flywaySchema.diff(ourSchema).isEmpty())
			.as(() -> "schema differences:\n" + flywaySchema.diff(ourSchema).describe("Flyway database -> ours"))
			.isTrue();
		assertThat(rowCounts(this.ours)).isEqualTo(rowCounts(this.flywayDatabase.dataSource()))
			.containsEntry("bpdm.partner", 2L)
			.containsEntry("bpdm.switch_audit", 1L);
		JdbcTemplate jdbc = new JdbcTemplate(this.ours);
		assertThat(jdbc.queryForList("SELECT name FROM bpdm.partner_names ORDER BY 1", String.class))
			.containsExactly("ACME", "Other; Inc.");
		assertThat(jdbc.queryForObject("SELECT note FROM bpdm.switch_audit", String.class))
			.isEqualTo(new JdbcTemplate(this.flywayDatabase.dataSource()).queryForObject("SELECT note FROM bpdm.switch_audit",
					String.class));
		RunResult takenOver = switching(this.flywayDatabase.dataSource(), location).upgrade("heads");
		assertThat(takenOver.steps()).as("nothing runs again").isEmpty();
		assertThat(new JdbcTemplate(this.flywayDatabase.dataSource())
			.queryForObject("SELECT count(*) FROM bpdm.partner", Long.class)).isEqualTo(2L);
	}

	private Migrator switching(DataSource dataSource, String location) {
		SqlCallbacks.Split split = SqlCallbacks.split(Placeholders.DEFAULTS.withValues(Map.of("companyname", "ACME"))
			.withBuiltIns(new BuiltInPlaceholders(dataSource, "bpdm", "flyway_schema_history"))
			.apply(SqlScriptLocations.load(List.of(location), getClass().getClassLoader())));
		return new Migrator(dataSource, MigrationCatalog.ofDeclared(SqlRevisions.declare(split.migrations())),
				new PostgresDialect(), RunSettings.defaults())
			.withSchemas(new OwnedSchemas("bpdm", List.of(), true))
			.withCallbacks(split.callbacks());
	}

	private static Map<String, Long> rowCounts(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : jdbc.queryForList("SELECT format('%I.%I', schemaname, relname) FROM pg_stat_user_tables "
				+ "WHERE relname NOT LIKE 'migration%' AND relname <> 'flyway_schema_history' ORDER BY 1", String.class)) {
			counts.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
		}
		return counts;
	}

}
