package dev.migration.core.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.FlywayAdoptionException;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.core.run.SquashedHistoryException;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A baseline file ({@code B<version>__*.sql}) squashes the versioned files up to its version. */
@PostgresTest(emptyBeforeEach = true)
class SqlBaselineTests {

	private static final SqlScript V1 = script("V1__item.sql", "CREATE TABLE item (id integer PRIMARY KEY, name text);");

	private static final SqlScript V2 = script("V2__seed.sql", "INSERT INTO item VALUES (1, 'first');");

	private static final SqlScript B2 = script("B2__item_squashed.sql", "-- replaces: V1, V2\n"
			+ "CREATE TABLE item (id integer PRIMARY KEY, name text);\nINSERT INTO item VALUES (1, 'first');");

	private static final SqlScript V3 = script("V3__note.sql", "ALTER TABLE item ADD COLUMN note text;");

	private final TestDatabase database;

	private final JdbcTemplate jdbc;

	SqlBaselineTests(TestDatabase database) {
		this.database = database;
		this.jdbc = new JdbcTemplate(database.dataSource());
	}

	@Test
	void theFilesAfterABaselineFollowItAndANewDatabaseStartsFromIt() {
		List<DeclaredRevision> revisions = SqlRevisions.declare(List.of(V3, B2));
		assertThat(revisions).extracting(DeclaredRevision::id).containsExactly("B2", "V3");
		assertThat(revisions.get(1).node().downRevisions()).containsExactly("B2");
		assertThat(migrator(B2, V3).upgrade("heads").steps()).extracting(AppliedStep::revision)
			.containsExactly("B2", "V3");
		assertThat(this.jdbc.queryForList("SELECT name FROM item", String.class)).containsExactly("first");
	}

	@Test
	void aDatabaseWithTheSquashedFilesRunsOnlyWhatFollowsWhileTheyAreStillThereAndAfterTheyAreGone() {
		migrator(V1, V2).upgrade("heads");
		assertThat(migrator(V1, V2, B2, V3).upgrade("heads").steps()).extracting(AppliedStep::revision)
			.containsExactly("V3");
		assertThat(this.jdbc.queryForList("SELECT revision FROM migration_history_state ORDER BY revision",
				String.class)).containsExactly("B2", "V3");
		assertThat(migrator(B2, V3).upgrade("heads").isEmpty()).isTrue();
		assertThat(this.jdbc.queryForList("SELECT name FROM item", String.class)).containsExactly("first");
	}

	@Test
	void aLaterBaselineSquashesTheEarlierOneAndTheFilesSince() {
		SqlScript b1 = script("B1__item.sql", "-- replaces: V1\nCREATE TABLE item (id integer PRIMARY KEY, name text);");
		SqlScript b2 = script("B2__item_squashed.sql", B2.text().replace("V1, V2", "B1, V2"));
		migrator(b1, V2).upgrade("heads");
		assertThat(SqlRevisions.declare(List.of(b1, V2, b2)).get(2).replaces()).containsExactly("B1", "V2");
		assertThat(migrator(b1, V2, b2, V3).upgrade("heads").steps()).extracting(AppliedStep::revision)
			.containsExactly("V3");
		assertThat(this.jdbc.queryForList("SELECT revision FROM migration_history_state ORDER BY revision",
				String.class)).containsExactly("B2", "V3");
	}

	@Test
	void aBaselineWhoseReplacesLineLeavesOutAFileBeforeItIsRefusedNamingIt() {
		SqlScript b2 = script("B2__item_squashed.sql", B2.text().replace("V1, V2", "V1"));
		assertThatExceptionOfType(InvalidSqlMigrationException.class)
			.isThrownBy(() -> SqlRevisions.declare(List.of(V1, V2, b2)))
			.withMessageContaining("B2__item_squashed.sql")
			.withMessageContaining("its '-- replaces:' lines leave out [V2]");
	}

	@Test
	void aDatabasePartwayThroughTheSquashedFilesIsRefusedAndNothingChanges() {
		migrator(V1).upgrade("heads");
		assertThatExceptionOfType(SquashedHistoryException.class).isThrownBy(() -> migrator(B2, V3).upgrade("heads"))
			.withMessageContaining("squash revision B2 replaces, but not [V2]");
		assertThat(this.jdbc.queryForList("SELECT revision FROM migration_history_state", String.class))
			.containsExactly("V1");
		migrator(V1, V2).upgrade("heads");
		assertThat(migrator(B2, V3).upgrade("heads").steps()).extracting(AppliedStep::revision).containsExactly("V3");
	}

	@Test
	void aDatabaseFlywayMigratedIsTakenOverAtTheBaselineAndTheNextFileRuns(@TempDir Path folder) throws IOException {
		write(folder, V1, V2);
		flyway(folder).migrate();
		assertThat(migrator(B2, V3).upgrade("heads").steps()).extracting(AppliedStep::revision).containsExactly("V3");
		assertThat(this.jdbc.queryForList("SELECT revision FROM migration_history_state ORDER BY revision",
				String.class)).containsExactly("B2", "V3");
	}

	@Test
	void aFlywayDatabasePartwayThroughTheSquashedFilesIsNotTakenOver(@TempDir Path folder) throws IOException {
		write(folder, V1);
		flyway(folder).migrate();
		assertThatExceptionOfType(FlywayAdoptionException.class).isThrownBy(() -> migrator(B2, V3).upgrade("heads"))
			.withMessageContaining("records some of the files that B2 squashes, but not [V2]");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('migration_history_state') IS NULL", Boolean.class))
			.isTrue();
	}

	private Flyway flyway(Path folder) {
		return Flyway.configure()
			.dataSource(this.database.url(), this.database.user(), this.database.password())
			.locations("filesystem:" + folder)
			.load();
	}

	private static void write(Path folder, SqlScript... scripts) throws IOException {
		for (SqlScript script : scripts) {
			Files.writeString(folder.resolve(script.fileName()), script.text());
		}
	}

	private Migrator migrator(SqlScript... scripts) {
		DataSource dataSource = this.database.dataSource();
		return new Migrator(dataSource, MigrationCatalog.ofDeclared(SqlRevisions.declare(new ArrayList<>(Arrays.asList(scripts)))),
				new PostgresDialect(), RunSettings.defaults());
	}

	private static SqlScript script(String fileName, String text) {
		return new SqlScript("classpath:db/migration/" + fileName, fileName, text);
	}

}
