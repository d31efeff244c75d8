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
