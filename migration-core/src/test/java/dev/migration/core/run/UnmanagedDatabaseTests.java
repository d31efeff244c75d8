package dev.migration.core.run;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.history.Action;
import dev.migration.core.history.HistoryEntry;
import dev.migration.core.history.HistoryTable;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/** A first upgrade of a database that holds tables but no history: refused, unless a baseline says what they are. */
@PostgresTest(emptyBeforeEach = true)
class UnmanagedDatabaseTests {

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	UnmanagedDatabaseTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Test
	void tablesWithoutAHistoryAreRefusedNamingThemAndTheWaysForward() {
		this.jdbc.execute("CREATE TABLE orders (id int PRIMARY KEY)");
		assertThatExceptionOfType(UnmanagedDatabaseException.class)
			.isThrownBy(() -> migrator(RunSettings.defaults()).upgrade("heads"))
			.withMessageStartingWith("The database holds 1 table(s) (public.orders) but no migration history: no table "
					+ "migration_history_state in the first schema of the search path, and no Flyway history to take over.")
			.withMessageContaining("--migrations.command=stamp --migrations.target=<revision>")
			.withMessageContaining("migrations.baseline-on-migrate=<revision>")
			.withMessageEndingWith("Nothing was changed.");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('migration_history_state')::text", String.class)).isNull();
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('customer')::text", String.class)).isNull();
	}

	@Test
	void followingTheAdviceToStampTheMatchingRevisionLetsTheRestApply() {
		this.jdbc.execute("CREATE TABLE orders (id int PRIMARY KEY)");
		migrator(RunSettings.defaults()).stamp("u1");
		RunResult result = migrator(RunSettings.defaults()).upgrade("heads");
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly("u2");
	}

	@Test
	void aBaselineOnMigrateMarksItsRevisionAndAppliesTheRest() {
		this.jdbc.execute("CREATE TABLE orders (id int PRIMARY KEY)");
		Migrator migrator = migrator(RunSettings.defaults()).withBaselineOnMigrate("u1");
		RunResult result = migrator.upgrade("heads");
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly("u2");
		assertThat(migrator.history()).extracting(HistoryEntry::revision, HistoryEntry::action)
			.containsExactly(tuple("u1", Action.STAMP), tuple("u2", Action.UPGRADE));
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('customer')::text", String.class)).isEqualTo("customer");
	}

	@Test
	void aTypoInTheHistorySchemaIsRefusedNamingTheSchemaThatHoldsTheHistory() {
		this.jdbc.execute("CREATE SCHEMA app");
		RunSettings app = RunSettings.defaults().withHistory(new HistoryTable("app", HistoryTable.DEFAULT_TABLE));
		migrator(app).upgrade("heads");
		RunSettings typo = RunSettings.defaults().withHistory(new HistoryTable("ap", HistoryTable.DEFAULT_TABLE));
		assertThatExceptionOfType(UnmanagedDatabaseException.class).isThrownBy(() -> migrator(typo).upgrade("heads"))
			.withMessageContaining("no table migration_history_state in schema ap (migrations.schema)")
			.withMessageContaining("A history of this name is in schema(s) app: if it is this application's, set "
					+ "migrations.schema to it.");
		assertThat(migrator(app).upgrade("heads").steps()).as("following the advice: nothing left to run").isEmpty();
	}

	@Test
	void anEmptyDatabaseNeedsNoBaseline() {
		this.jdbc.execute("CREATE SCHEMA reporting");
		assertThat(migrator(RunSettings.defaults()).upgrade("heads").steps()).hasSize(2);
	}

	private Migrator migrator(RunSettings settings) {
		return Migrator.create(this.dataSource, List.of(new CreateOrders(), new CreateCustomer()), settings);
	}

	@Revision(id = "u1", message = "create orders")
	static class CreateOrders implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE orders (id int PRIMARY KEY)");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DROP TABLE orders");
		}

	}

	@Revision(id = "u2", revises = "u1", message = "create customer")
	static class CreateCustomer implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE customer (id int PRIMARY KEY)");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DROP TABLE customer");
		}

	}

}
