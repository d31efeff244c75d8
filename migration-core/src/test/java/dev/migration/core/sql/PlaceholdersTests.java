package dev.migration.core.sql;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Flyway's placeholders, replaced before a file is split, linted, checksummed or run. */
@PostgresTest(emptyBeforeEach = true)
class PlaceholdersTests {

	private final DataSource dataSource;

	PlaceholdersTests(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Test
	void namesMatchWithoutRegardToCaseAsFlywayMatchesThem() {
		Placeholders placeholders = Placeholders.DEFAULTS.withValues(Map.of("dbReaderUserName", "reader"));
		assertThat(placeholders.apply(script("GRANT SELECT ON task TO ${dbReaderUsername};\n")).text())
			.isEqualTo("GRANT SELECT ON task TO reader;\n");
	}

	@Test
	void flywaysBuiltInsComeFromTheFileAndTheDatabase() {
		Placeholders placeholders = Placeholders.DEFAULTS
			.withBuiltIns(new BuiltInPlaceholders(this.dataSource, null, "flyway_schema_history"));
		String text = placeholders.apply(script("-- ${flyway:filename} ${flyway:user} ${flyway:database} "
				+ "${flyway:defaultSchema} ${flyway:table} ${flyway:timestamp}\n")).text();
		String database = new JdbcTemplate(this.dataSource).queryForObject("SELECT current_database()", String.class);
		String user = new JdbcTemplate(this.dataSource).queryForObject("SELECT current_user", String.class);
		assertThat(text).matches("-- V1__grants\\.sql " + user + " " + database
				+ " public flyway_schema_history \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\n");
		assertThat(Placeholders.DEFAULTS.withBuiltIns(new BuiltInPlaceholders(this.dataSource, "ort_server", null))
			.apply(script("SET search_path TO ${flyway:defaultSchema};")).text()).isEqualTo("SET search_path TO ort_server;");
	}

	@Test
	void aPlaceholderWithoutAValueIsAnErrorNamingTheFileLineAndProperty() {
		assertThatExceptionOfType(InvalidSqlMigrationException.class)
			.isThrownBy(() -> Placeholders.DEFAULTS.apply(script("CREATE TABLE t (id int);\n\nGRANT ALL ON t TO ${owner};\n")))
			.withMessage("SQL migration classpath:db/migration/V1__grants.sql (line 3): the placeholder ${owner} has no "
					+ "value; set migrations.placeholders.owner (names match without regard to case), or, if the text "
					+ "is no placeholder, set migrations.placeholder-replacement=false.");
		assertThatExceptionOfType(InvalidSqlMigrationException.class).as("no database, no flyway:user")
			.isThrownBy(() -> Placeholders.DEFAULTS.apply(script("GRANT ALL ON t TO ${flyway:user};")))
			.withMessageContaining("${flyway:user} has no value");
	}

	@Test
	void textThatIsNoPlaceholderIsLeftAsWrittenAndReplacementCanBeTurnedOff() {
		String text = "SELECT '${' AS open, '}' AS close;\nSELECT '${}';\n";
		assertThat(Placeholders.DEFAULTS.apply(script(text)).text()).isEqualTo(text);
		Placeholders off = new Placeholders(false, "${", "}", Map.of(), BuiltInPlaceholders.NONE);
		assertThat(off.apply(script("SELECT '${not_a_placeholder}';")).text()).isEqualTo("SELECT '${not_a_placeholder}';");
		Placeholders brackets = new Placeholders(true, "#[", "]", Map.of("owner", "app"), BuiltInPlaceholders.NONE);
		assertThat(brackets.apply(script("GRANT ALL ON t TO #[OWNER]; SELECT '${x}';")).text())
			.isEqualTo("GRANT ALL ON t TO app; SELECT '${x}';");
	}

	@Test
	void whatRunsIsTheReplacedText() {
		Placeholders placeholders = Placeholders.DEFAULTS.withValues(Map.of("tableName", "invoice"));
		List<SqlScript> scripts = placeholders.apply(List.of(script("CREATE TABLE ${tableName} (id int);")));
		Migrator migrator = new Migrator(this.dataSource, MigrationCatalog.ofDeclared(SqlRevisions.declare(scripts)),
				new PostgresDialect(), RunSettings.defaults());
		migrator.upgrade("heads");
		assertThat(new JdbcTemplate(this.dataSource).queryForObject("SELECT to_regclass('invoice')::text", String.class))
			.isEqualTo("invoice");
		assertThat(migrator.upgradeSql("base", "heads")).contains("CREATE TABLE invoice (id int);")
			.doesNotContain("${");
	}

	private static SqlScript script(String text) {
		return new SqlScript("classpath:db/migration/V1__grants.sql", "V1__grants.sql", text);
	}

}
