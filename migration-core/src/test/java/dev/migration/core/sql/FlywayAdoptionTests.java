package dev.migration.core.sql;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.history.Action;
import dev.migration.core.history.HistoryEntry;
import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.ChecksumPolicy;
import dev.migration.core.run.FlywayAdoptionException;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunResult;
import dev.migration.core.run.RunSettings;
import dev.migration.core.run.UnknownRevisionPolicy;
import dev.migration.core.schema.QualifiedName;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.groups.Tuple.tuple;

/** A database migrated by Flyway 11, taken over: nothing runs again, new files apply. */
@PostgresTest(emptyBeforeEach = true)
class FlywayAdoptionTests {

	private final TestDatabase database;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	FlywayAdoptionTests(TestDatabase database) {
		this.database = database;
		this.dataSource = database.dataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	@BeforeEach
	void migratedByFlyway() {
		flyway("classpath:sql/adopt").load().migrate();
	}

	@Test
	void theFirstUpgradeTakesOverWhatFlywayAppliedAndRunsOnlyTheNewFile() {
		RunResult result = migrator("classpath:sql/adopt", "classpath:sql/adopt-next").upgrade("heads");
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly("V3");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM item", Integer.class)).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_item_name'",
				Integer.class)).isOne();
		assertThat(migrator("classpath:sql/adopt", "classpath:sql/adopt-next").history())
			.extracting(HistoryEntry::revision, HistoryEntry::action)
			.containsExactly(tuple("V1", Action.STAMP), tuple("V1.1", Action.STAMP), tuple("V2", Action.STAMP),
					tuple("V3", Action.UPGRADE));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history", Integer.class)).isEqualTo(3);
	}

	@Test
	void aDatabaseOnceAdoptedIsNotAdoptedAgainAfterADowngradeToBase() {
		Migrator migrator = migrator("classpath:sql/adopt");
		migrator.upgrade("heads");
		this.jdbc.execute("DROP TABLE item");
		this.jdbc.execute("DELETE FROM migration_history_state");
		RunResult again = migrator.adoptFlyway();
		assertThat(again.steps()).isEmpty();
	}

	@Test
	void aFailedFlywayMigrationStopsTheTakeOverNamingItAndChangesNothing() {
		this.jdbc.update("UPDATE flyway_schema_history SET success = false WHERE version = '2'");
		assertThatExceptionOfType(FlywayAdoptionException.class)
			.isThrownBy(() -> migrator("classpath:sql/adopt", "classpath:sql/adopt-next").upgrade("heads"))
			.withMessageContaining("version 2 (V2__add_item_price.sql) as failed")
			.withMessageContaining("flyway repair");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('migration_history') IS NULL", Boolean.class)).isTrue();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_item_name'",
				Integer.class)).isZero();
	}

	@Test
	void aVersionFlywayAppliedThatNoFileDeclaresStopsTheTakeOver() {
		List<SqlScript> withoutV2 = load("classpath:sql/adopt").stream()
			.filter((script) -> !script.fileName().startsWith("V2__"))
			.toList();
		Migrator migrator = new Migrator(this.dataSource,
				MigrationCatalog.ofDeclared(SqlRevisions.declare(withoutV2)), new PostgresDialect(),
				RunSettings.defaults());
		assertThatExceptionOfType(FlywayAdoptionException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("version 2 (V2__add_item_price.sql)")
			.withMessageContaining("revision V2");
	}

	@Test
	void aRepeatableScriptFlywayRanIsTakenOverAsItWasAndRunsAgainOnlyOnceChanged() {
		this.jdbc.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
		flyway("classpath:sql/adopt", "classpath:sql/adopt-repeatable").load().migrate();
		Migrator unchanged = migrator("classpath:sql/adopt", "classpath:sql/adopt-repeatable");
		assertThat(unchanged.upgrade("heads").steps()).isEmpty();
		assertThat(unchanged.history()).extracting(HistoryEntry::revision, HistoryEntry::action)
			.containsExactly(tuple("V1", Action.STAMP), tuple("V1.1", Action.STAMP), tuple("V2", Action.STAMP),
					tuple("R__item_view", Action.STAMP));
		List<SqlScript> changed = replace(load("classpath:sql/adopt", "classpath:sql/adopt-repeatable"),
				"R__item_view.sql", "CREATE OR REPLACE VIEW item_view AS\nSELECT id, name, price_cents FROM item;\n");
		assertThat(migrator(changed, RunSettings.defaults()).upgrade("heads").steps()).extracting(AppliedStep::revision)
			.containsExactly("R__item_view");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM item_view WHERE price_cents IS NULL",
				Integer.class)).isEqualTo(2);
	}

	@Test
	void aRepeatableScriptChangedSinceFlywayRanItRunsOnTakeOver() {
		this.jdbc.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
		flyway("classpath:sql/adopt", "classpath:sql/adopt-repeatable").load().migrate();
		List<SqlScript> changed = replace(load("classpath:sql/adopt", "classpath:sql/adopt-repeatable"),
				"R__item_view.sql", "CREATE OR REPLACE VIEW item_view AS\nSELECT id FROM item;\n");
		this.jdbc.execute("DROP VIEW item_view");
		RunResult result = migrator(changed, RunSettings.defaults()).upgrade("heads");
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly("R__item_view");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM item_view", Integer.class)).isEqualTo(2);
	}

	@Test
	void aRepeatableScriptWhoseLastFlywayRunFailedIsNotTakenOverButRunsAgain() {
		this.jdbc.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
		flyway("classpath:sql/adopt", "classpath:sql/adopt-repeatable").load().migrate();
		this.jdbc.update("UPDATE flyway_schema_history SET success = false WHERE version IS NULL");
		this.jdbc.execute("DROP VIEW item_view");
		RunResult result = migrator("classpath:sql/adopt", "classpath:sql/adopt-repeatable").upgrade("heads");
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly("R__item_view");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM item_view", Integer.class)).isEqualTo(2);
	}

	@Test
	void aVersionedFileChangedSinceFlywayAppliedItStopsTheTakeOverUnlessChecksumsOnlyWarn() {
		List<SqlScript> edited = replace(load("classpath:sql/adopt"), "V2__add_item_price.sql",
				"ALTER TABLE item ADD COLUMN price numeric(12, 2);\n");
		assertThatExceptionOfType(FlywayAdoptionException.class)
			.isThrownBy(() -> migrator(edited, RunSettings.defaults()).upgrade("heads"))
			.withMessageContaining("version 2 (V2__add_item_price.sql) changed since Flyway applied it")
			.withMessageContaining("migrations.checksum-policy=warn");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('migration_history') IS NULL", Boolean.class)).isTrue();
		RunSettings warn = RunSettings.defaults().withPolicies(ChecksumPolicy.WARN, UnknownRevisionPolicy.FAIL);
		assertThat(migrator(edited, warn).adoptFlyway().steps()).extracting(AppliedStep::revision)
			.containsExactly("V1", "V1.1", "V2");
	}

	@Test
	void flywayHistoryInAnotherTableIsFoundWhereMigrationsFlywayTableSays() {
		this.jdbc.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
		flyway("classpath:sql/adopt").table("schema_versions").load().migrate();
		RunSettings settings = RunSettings.defaults().withFlywayTable(QualifiedName.parse("public.schema_versions"));
		RunResult result = migrator(load("classpath:sql/adopt", "classpath:sql/adopt-next"), settings).upgrade("heads");
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly("V3");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM migration_history_state", Integer.class)).isEqualTo(4);
	}

	private FluentConfiguration flyway(String... locations) {
		return Flyway.configure()
			.dataSource(this.database.url(), this.database.user(), this.database.password())
			.locations(locations);
	}

	private static List<SqlScript> replace(List<SqlScript> scripts, String fileName, String text) {
		List<SqlScript> replaced = new ArrayList<>(scripts.stream()
			.filter((script) -> !script.fileName().equals(fileName))
			.toList());
		scripts.stream()
			.filter((script) -> script.fileName().equals(fileName))
			.forEach((script) -> replaced.add(new SqlScript(script.location(), fileName, text)));
		return replaced;
	}

	private Migrator migrator(String... locations) {
		return migrator(load(locations), RunSettings.defaults());
	}

	private Migrator migrator(List<SqlScript> scripts, RunSettings settings) {
		return new Migrator(this.dataSource, MigrationCatalog.ofDeclared(SqlRevisions.declare(scripts)),
				new PostgresDialect(), settings);
	}

	private static List<SqlScript> load(String... locations) {
		return SqlScriptLocations.load(List.of(locations), FlywayAdoptionTests.class.getClassLoader());
	}

}
