package dev.migration.core.run;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.MigrationException;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.history.Action;
import dev.migration.core.history.HistoryEntry;
import dev.migration.core.scaffold.CompiledSource;
import dev.migration.core.scaffold.SquashTemplate;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.snapshot.SchemaSnapshot;
import dev.migration.core.snapshot.SnapshotReader;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A database that Liquibase 4 updated, taken over at the baseline revision that names its
 * changesets: nothing runs again, what follows the baseline does, and a history the baseline
 * does not stand for is refused, naming the changesets.
 */
@PostgresTest(emptyBeforeEach = true)
class LiquibaseAdoptionTests {

	private static final String CHANGELOG = "liquibase/changelog.xml";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	LiquibaseAdoptionTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Test
	void theFirstUpgradeMarksTheBaselineAppliedAndRunsOnlyWhatFollowsIt() throws Exception {
		liquibase(CHANGELOG, null);
		RunResult result = migrator().upgrade("heads");
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly("n1");
		assertThat(this.jdbc.queryForList("SELECT name FROM customer", String.class)).containsExactly("Ada");
		assertThat(migrator().history()).extracting(HistoryEntry::revision, HistoryEntry::action)
			.containsExactly(tuple("lb0", Action.STAMP), tuple("n1", Action.UPGRADE));
		assertThat(migrator().adopt().steps()).isEmpty();
	}

	@Test
	void aNewDatabaseRunsTheBaseline() {
		assertThat(migrator().upgrade("heads").steps()).extracting(AppliedStep::revision).containsExactly("lb0", "n1");
		assertThat(this.jdbc.queryForList("SELECT email FROM customer", String.class)).containsExactly("ada@example.com");
	}

	@Test
	void aChangesetThatDidNotRunToTheEndStopsTheTakeOverNamingItAndChangesNothing() throws Exception {
		liquibase(CHANGELOG, null);
		this.jdbc.update("UPDATE databasechangelog SET exectype = 'FAILED' WHERE id = '2'");
		assertThatExceptionOfType(LiquibaseAdoptionException.class).isThrownBy(() -> migrator().upgrade("heads"))
			.withMessageContaining("records changeset(s) [liquibase:liquibase/changelog.xml::2::bob (FAILED)] as not run "
					+ "to the end");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('migration_history_state') IS NULL", Boolean.class))
			.isTrue();
	}

	@Test
	void aChangesetNoBaselineNamesStopsTheTakeOverNamingIt() throws Exception {
		liquibase("liquibase/changelog-more.xml", null);
		assertThatExceptionOfType(LiquibaseAdoptionException.class).isThrownBy(() -> migrator().adopt())
			.withMessageContaining("changeset(s) [liquibase:liquibase/changelog-more.xml::4::carol] that no baseline "
					+ "revision replaces ([lb0] replace the others)")
			.withMessageContaining("--migrations.command=squash");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('migration_history_state') IS NULL", Boolean.class))
			.isTrue();
	}

	@Test
	void aDatabaseBehindTheBaselineIsRefusedAndUpdatingItWithLiquibaseAsAdvisedLetsItBeTakenOver() throws Exception {
		liquibase(CHANGELOG, 2);
		assertThatExceptionOfType(LiquibaseAdoptionException.class).isThrownBy(() -> migrator().upgrade("heads"))
			.withMessageContaining("lacks changeset(s) [liquibase:liquibase/changelog.xml::3::bob] that baseline lb0 "
					+ "stands for")
			.withMessageContaining("Update it with Liquibase");
		liquibase(CHANGELOG, null);
		assertThat(migrator().upgrade("heads").steps()).extracting(AppliedStep::revision).containsExactly("n1");
	}

	@Test
	void theBaselineTheSquashCommandWritesFromTheLiquibaseDatabaseTakesItOverAndRebuildsItFromBase(@TempDir Path folder)
			throws Exception {
		liquibase(CHANGELOG, null);
		SchemaSnapshot built = withoutLiquibase(SnapshotReader.allSchemas().read(this.dataSource));
		SquashTemplate.Squash squash = Migrator.create(this.dataSource, List.of(), RunSettings.defaults())
			.squashLiquibase("lb1", LocalDate.of(2026, 12, 4), 1000);
		assertThat(squash.replaces()).containsExactly("liquibase:liquibase/changelog.xml::1::alice",
				"liquibase:liquibase/changelog.xml::2::bob", "liquibase:liquibase/changelog.xml::3::bob");
		Migration baseline = CompiledSource.migration(folder, "com.example.baseline", "LiquibaseBaseline",
				SquashTemplate.java(squash, "com.example.baseline", "LiquibaseBaseline"));
		Migrator migrator = Migrator.create(this.dataSource, List.of(baseline), RunSettings.defaults());
		assertThat(migrator.upgrade("heads").steps()).isEmpty();
		assertThat(migrator.history()).extracting(HistoryEntry::revision, HistoryEntry::action)
			.containsExactly(tuple("lb1", Action.STAMP));
		// what the baseline builds from base is what Liquibase built, rows included
		migrator.downgrade("base");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('customer') IS NULL", Boolean.class)).isTrue();
		migrator.upgrade("heads");
		assertThat(withoutLiquibase(SnapshotReader.allSchemas().read(this.dataSource)).diff(built).isEmpty()).isTrue();
		assertThat(this.jdbc.queryForList("SELECT email FROM customer", String.class)).containsExactly("ada@example.com");
	}

	@Test
	void aDatabaseWithMoreRowsThanABaselineCarriesIsRefusedAndRaisingTheLimitAsAdvisedWritesIt() throws Exception {
		liquibase(CHANGELOG, null);
		Migrator migrator = Migrator.create(this.dataSource, List.of(), RunSettings.defaults());
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator.squashLiquibase("lb1", LocalDate.of(2026, 12, 4), 0))
			.withMessageContaining("more than 0 rows")
			.withMessageContaining("raise migrations.squash.max-rows");
		assertThat(migrator.squashLiquibase("lb1", LocalDate.of(2026, 12, 4), 1).upgrade())
			.anyMatch((statement) -> statement.contains("ada@example.com"));
	}

	@Test
	void anEmptyLiquibaseHistoryHasNoBaselineToWrite() {
		this.jdbc.execute("CREATE TABLE databasechangelog (id text, author text, filename text, "
				+ "dateexecuted timestamp, orderexecuted integer, exectype text)");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Migrator.create(this.dataSource, List.of(), RunSettings.defaults())
				.squashLiquibase("lb1", LocalDate.of(2026, 12, 4), 1000))
			.withMessageContaining("records no changeset, so a baseline would stand for nothing");
	}

	private static SchemaSnapshot withoutLiquibase(SchemaSnapshot snapshot) {
		return SchemaSnapshot.of(snapshot.objects().stream()
			.filter((object) -> !object.name().startsWith("databasechangelog")).toList());
	}

	private void liquibase(String changelog, Integer count) throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(), database);
			if (count == null) {
				liquibase.update(new Contexts(), new LabelExpression());
			}
			else {
				liquibase.update(count, new Contexts(), new LabelExpression());
			}
		}
	}

	private Migrator migrator() {
		return Migrator.create(this.dataSource, List.of(new Baseline(), new AddNote()), RunSettings.defaults());
	}

	@Revision(id = "lb0", message = "customer, as Liquibase built it",
			replaces = { "liquibase:liquibase/changelog.xml::1::alice", "liquibase:liquibase/changelog.xml::2::bob",
					"liquibase:liquibase/changelog.xml::3::bob" })
	static class Baseline implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("customer", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("name", ColumnType.varchar(100), (c) -> c.notNull())
				.column("email", ColumnType.TEXT));
			op.createIndex("ix_customer_email", "customer", (i) -> i.on("email"));
			op.bulkInsert("customer", List.of("name", "email"), List.of(List.of("Ada", "ada@example.com")));
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DROP TABLE customer");
		}

	}

	@Revision(id = "n1", revises = "lb0", message = "customer note")
	static class AddNote implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.addColumn("customer", "note", ColumnType.TEXT);
		}

	}

}
