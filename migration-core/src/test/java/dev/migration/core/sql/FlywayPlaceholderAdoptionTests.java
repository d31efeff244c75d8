package dev.migration.core.sql;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.history.Action;
import dev.migration.core.history.HistoryEntry;
import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunResult;
import dev.migration.core.run.RunSettings;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A database Flyway 11 migrated with placeholders, taken over: its checksums are of the replaced text, as Flyway's. */
@PostgresTest(emptyBeforeEach = true)
class FlywayPlaceholderAdoptionTests {

	private static final String LOCATION = "classpath:sql/adopt-placeholders";

	private final TestDatabase database;

	private final DataSource dataSource;

	FlywayPlaceholderAdoptionTests(TestDatabase database) {
		this.database = database;
		this.dataSource = database.dataSource();
	}

	@Test
	void nothingRunsAgainWhenTheValuesAreTheOnesFlywayUsed() {
		flywayMigrate("ledger");
		RunResult result = migrator("ledger").upgrade("heads");
		assertThat(result.steps()).as("nothing runs again").isEmpty();
		assertThat(migrator("ledger").history()).extracting(HistoryEntry::revision, HistoryEntry::action)
			.containsExactly(tuple("V1", Action.STAMP), tuple("R__ledger_ids", Action.STAMP));
	}

	@Test
	void aRepeatableFileRunsAgainWhenAValueChangedAsUnderFlyway() {
		flywayMigrate("ledger");
		new JdbcTemplate(this.dataSource).execute("CREATE TABLE journal (id int PRIMARY KEY)");
		RunResult result = migrator("ledger").upgrade("heads");
		assertThat(result.steps()).isEmpty();
		// the versioned file is checked too: a changed value is a changed file, as Flyway's validate says
		Migrator journal = new Migrator(this.dataSource, MigrationCatalog.ofDeclared(SqlRevisions.declare(
				placeholders("ledger").apply(SqlScriptLocations.load(List.of(LOCATION), getClass().getClassLoader()))
					.stream()
					.map((script) -> script.fileName().startsWith("R__")
							? placeholders("journal").apply(rawOf(script)) : script)
					.toList())),
				new PostgresDialect(), RunSettings.defaults());
		assertThat(journal.upgrade("heads").steps()).extracting(AppliedStep::revision).containsExactly("R__ledger_ids");
		assertThat(new JdbcTemplate(this.dataSource).queryForObject("SELECT to_regclass('journal_ids')::text",
				String.class)).isEqualTo("journal_ids");
	}

	@Test
	void aVersionedFileIsSummedAsWrittenSoANewValueIsNoChangedFile() {
		migrator("ledger").upgrade("heads");
		assertThat(migrator("invoice").validate().changed()).as("as Flyway's validate: the file did not change").isEmpty();
		assertThat(migrator("invoice").pending("heads")).extracting((revision) -> revision.id())
			.as("the repeatable file runs with the new value").containsExactly("R__ledger_ids");
	}

	private SqlScript rawOf(SqlScript replaced) {
		return SqlScriptLocations.load(List.of(LOCATION), getClass().getClassLoader())
			.stream()
			.filter((script) -> script.fileName().equals(replaced.fileName()))
			.findFirst()
			.orElseThrow();
	}

	private void flywayMigrate(String tableName) {
		Flyway.configure()
			.dataSource(this.database.url(), this.database.user(), this.database.password())
			.locations(LOCATION)
			.placeholders(Map.of("tableName", tableName))
			.load()
			.migrate();
	}

	private Placeholders placeholders(String tableName) {
		return Placeholders.DEFAULTS.withValues(Map.of("tablename", tableName))
			.withBuiltIns(new BuiltInPlaceholders(this.dataSource, null, "flyway_schema_history"));
	}

	private Migrator migrator(String tableName) {
		List<SqlScript> scripts = placeholders(tableName)
			.apply(SqlScriptLocations.load(List.of(LOCATION), getClass().getClassLoader()));
		return new Migrator(this.dataSource, MigrationCatalog.ofDeclared(SqlRevisions.declare(scripts)),
				new PostgresDialect(), RunSettings.defaults());
	}

}
