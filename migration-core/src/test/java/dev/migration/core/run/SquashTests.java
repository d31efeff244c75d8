package dev.migration.core.run;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.catalog.InvalidMigrationException;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.history.Action;
import dev.migration.core.history.HistoryEntry;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.snapshot.SnapshotReader;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A squash revision stands for the history it replaces: new databases run it, databases that
 * have that history count it as applied, and a database partway through it is refused.
 */
@PostgresTest(emptyBeforeEach = true)
class SquashTests {

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	SquashTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Test
	void aNewDatabaseRunsTheSquashAndThenWhatFollowsTheReplacedRevisions() {
		RunResult result = migrator(squashed()).upgrade("heads");
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly("s0", "d4");
		assertThat(this.jdbc.queryForList("SELECT email FROM account", String.class)).containsExactly("first@example.com");
		assertThat(migrator(squashed()).current()).containsExactly("d4");
	}

	@Test
	void aDatabaseWithTheWholeReplacedHistoryRecordsTheSquashInItsPlaceAndRunsNothingOfIt() {
		migrator(SampleRevisions.all()).upgrade("heads");
		assertThat(migrator(squashed()).state().current()).containsExactly("s0");
		RunResult result = migrator(squashed()).upgrade("heads");
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly("d4");
		assertThat(this.jdbc.queryForList("SELECT email FROM account", String.class)).containsExactly("first@example.com");
		assertThat(this.jdbc.queryForList("SELECT revision FROM migration_history_state ORDER BY revision",
				String.class)).containsExactly("d4", "s0");
		List<HistoryEntry> history = migrator(squashed()).history();
		assertThat(history).extracting(HistoryEntry::revision).containsExactly("a1", "b2", "c3", "s0", "d4");
		assertThat(history.get(3).action()).isEqualTo(Action.STAMP);
		assertThat(migrator(squashed()).validate().isClean()).isTrue();
		// the squash's downgrade is what takes that history back to base
		migrator(squashed()).downgrade("base");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('account') IS NULL", Boolean.class)).isTrue();
		assertThat(migrator(squashed()).current()).isEmpty();
	}

	@Test
	void aDatabasePartwayThroughTheReplacedHistoryIsRefusedAndTheAdviceLeadsToAWorkingState() {
		migrator(SampleRevisions.all()).upgrade("b2");
		assertThatExceptionOfType(SquashedHistoryException.class).isThrownBy(() -> migrator(squashed()).upgrade("heads"))
			.withMessageContaining("squash revision s0 replaces, but not [c3]")
			.withMessageContaining("Upgrade the database with a release whose code still has the replaced revisions");
		assertThat(this.jdbc.queryForList("SELECT revision FROM migration_history_state ORDER BY revision",
				String.class)).containsExactly("a1", "b2");
		migrator(SampleRevisions.all()).upgrade("heads");
		assertThat(migrator(squashed()).upgrade("heads").steps()).extracting(AppliedStep::revision)
			.containsExactly("d4");
	}

	@Test
	void whileTheReplacedRevisionsAreStillInCodeTheGraphHasOnlyTheSquashAndTheyFormTheHistoryToCompare() {
		List<Migration> both = new ArrayList<>(SampleRevisions.all());
		both.addAll(squashed());
		MigrationCatalog catalog = MigrationCatalog.of(both);
		assertThat(catalog.graph().topologicalOrder()).extracting((node) -> node.id()).containsExactly("s0", "d4");
		MigrationCatalog history = catalog.replacedBy("s0");
		assertThat(history.graph().heads()).containsExactly("c3");
		new Migrator(this.dataSource, history, new PostgresDialect(), RunSettings.defaults()).upgrade("heads");
		var longWay = SnapshotReader.allSchemas().read(this.dataSource);
		new Migrator(this.dataSource, history, new PostgresDialect(), RunSettings.defaults()).downgrade("base");
		Migrator.create(this.dataSource, List.of(new Squash()), RunSettings.defaults())
			.upgrade("heads");
		assertThat(SnapshotReader.allSchemas().read(this.dataSource)).isEqualTo(longWay);
		assertThatExceptionOfType(InvalidMigrationException.class)
			.isThrownBy(() -> MigrationCatalog.of(squashed()).replacedBy("s0"))
			.withMessageContaining("missing: [a1, b2, c3]");
	}

	@Test
	void aLaterSquashStandsForAnEarlierOneAndForTheHistoryBehindIt() {
		migrator(SampleRevisions.all()).upgrade("heads");
		List<Migration> twice = new ArrayList<>(squashed());
		twice.add(new SecondSquash());
		// the first squash, still in code, says what it replaced: a1..c3 count as s0, and s0 with d4 as s1
		migrator(List.of(new SampleRevisions.CreateAccount(), new SampleRevisions.IndexAccountEmail(),
				new SampleRevisions.SeedAccount(), new AddNote())).upgrade("heads");
		assertThat(migrator(twice).upgrade("heads").steps()).isEmpty();
		assertThat(this.jdbc.queryForList("SELECT revision FROM migration_history_state", String.class))
			.containsExactly("s1");
	}

	@Test
	void aSquashMustStandForAWholeHistoryFromBase() {
		assertThatExceptionOfType(InvalidMigrationException.class)
			.isThrownBy(() -> MigrationCatalog.of(List.of(new SampleRevisions.CreateAccount(),
					new SampleRevisions.IndexAccountEmail(), new PartialSquash())))
			.withMessageContaining("Revision b2 is replaced by squash p0, but its parent a1 is not")
			.withMessageContaining("Add a1 to the replaces of p0");
		assertThatExceptionOfType(InvalidMigrationException.class)
			.isThrownBy(() -> MigrationCatalog.of(List.of(new SampleRevisions.CreateAccount(), new RevisingSquash())))
			.withMessageContaining("a squash stands for the history from base: it revises nothing");
		List<Migration> twice = new ArrayList<>(squashed());
		twice.add(new PartialSquash());
		assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(() -> MigrationCatalog.of(twice))
			.withMessageContaining("Revisions s0 and p0 both replace b2");
	}

	private static List<Migration> squashed() {
		return List.of(new Squash(), new AddNote());
	}

	private Migrator migrator(List<Migration> migrations) {
		return Migrator.create(this.dataSource, migrations, RunSettings.defaults());
	}

	@Revision(id = "s0", replaces = { "a1", "b2", "c3" }, message = "account, squashed")
	static class Squash implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("account", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("email", ColumnType.TEXT, (c) -> c.notNull()));
			op.createIndex("ix_account_email", "account", (i) -> i.on("email"));
			op.bulkInsert("account", List.of("email"), List.of(List.of("first@example.com")));
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DROP TABLE account");
		}

	}

	@Revision(id = "d4", revises = "c3", message = "add note")
	static class AddNote implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.addColumn("account", "note", ColumnType.TEXT);
		}

	}

	@Revision(id = "s1", replaces = { "s0", "d4" }, message = "account with note, squashed")
	static class SecondSquash implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("account", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("email", ColumnType.TEXT, (c) -> c.notNull())
				.column("note", ColumnType.TEXT));
		}

	}

	@Revision(id = "p0", replaces = "b2", message = "index only")
	static class PartialSquash implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT 1");
		}

	}

	@Revision(id = "r0", revises = "a1", replaces = "a1", message = "revising squash")
	static class RevisingSquash implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT 1");
		}

	}

}
