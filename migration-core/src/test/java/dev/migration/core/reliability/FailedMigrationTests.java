package dev.migration.core.reliability;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.execute.StepFailedException;
import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.MigrationRunException;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunResult;
import dev.migration.core.run.RunSettings;
import dev.migration.core.run.UnfinishedStep;
import dev.migration.core.execute.Direction;
import dev.migration.core.schema.ColumnType;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Migrations that fail halfway: a transactional one leaves no trace, a non-transactional one
 * is recorded with what it kept and resumes after it, fixed or not, and a failed concurrent
 * index build is cleaned up by the next run.
 */
@PostgresTest(emptyBeforeEach = true)
class FailedMigrationTests {

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	FailedMigrationTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Test
	void aTransactionalMigrationThatFailsHalfwayLeavesSchemaAndHistoryUnchanged() {
		upgrade(List.of(new CreateTally()));
		DatabaseSnapshot before = DatabaseSnapshot.of(this.jdbc);
		assertThatExceptionOfType(MigrationRunException.class)
			.isThrownBy(() -> upgrade(List.of(new CreateTally(), new CreateTableThenFail())))
			.withMessageContaining("'t2'")
			.withMessageContaining("rolled back")
			.havingCause()
			.isInstanceOfSatisfying(StepFailedException.class, (failure) -> assertThat(failure.rolledBack()).isTrue());
		assertThat(HistoryRows.exists(this.jdbc, "half_done")).isFalse();
		assertThat(HistoryRows.log(this.jdbc, "t2")).isEmpty();
		assertThat(HistoryRows.state(this.jdbc)).containsExactly("t1");
		assertThat(DatabaseSnapshot.of(this.jdbc)).isEqualTo(before);
	}

	@Test
	void aNonTransactionalMigrationThatFailsHalfwayIsRecordedAsFailedWithTheStatementsItKept() {
		upgradeToTallyWithABadItem();
		assertThatExceptionOfType(MigrationRunException.class)
			.isThrownBy(() -> upgrade(List.of(new CreateTally(), new TallyThenCheck())))
			.withMessageContaining("'t2'")
			.withMessageContaining("2 statement(s) of it committed before are recorded as done");
		List<Map<String, Object>> log = HistoryRows.log(this.jdbc, "t2");
		assertThat(log).singleElement().satisfies((row) -> {
			assertThat(row).containsEntry("action", "upgrade").containsEntry("outcome", "failed")
				.containsEntry("statements", 2);
			assertThat((String) row.get("error")).contains("item_qty_positive");
		});
		assertThat(HistoryRows.state(this.jdbc)).containsExactly("t1");
		Migrator migrator = migrator(List.of(new CreateTally(), new TallyThenCheck()));
		assertThat(migrator.current()).containsExactly("t1");
		assertThat(migrator.unfinished()).containsExactly(new UnfinishedStep("t2", Direction.UPGRADE, 2));
		assertThat(tally()).containsExactly("first", "second");
		this.jdbc.update("UPDATE item SET qty = 1");
		migrator.upgrade("heads");
		assertThat(migrator.unfinished()).isEmpty();
	}

	@Test
	void aFailedNonTransactionalMigrationWhoseCodeIsUnchangedResumesAfterTheStatementsItKept() {
		upgradeToTallyWithABadItem();
		assertThatExceptionOfType(MigrationRunException.class)
			.isThrownBy(() -> upgrade(List.of(new CreateTally(), new TallyThenCheck())));
		this.jdbc.update("UPDATE item SET qty = 1");
		RunResult result = upgrade(List.of(new CreateTally(), new TallyThenCheck()));
		assertThat(result.steps()).extracting(AppliedStep::revision, AppliedStep::statements)
			.containsExactly(tuple("t2", 3));
		assertThat(tally()).containsExactly("first", "second");
		assertThat(constraintValidated("item_qty_positive")).isTrue();
		assertThat(HistoryRows.log(this.jdbc, "t2")).extracting((row) -> row.get("outcome"), (row) -> row.get("statements"))
			.containsExactly(tuple("failed", 2),
					tuple("success", 3));
		assertThat(HistoryRows.state(this.jdbc)).containsExactly("t1", "t2");
	}

	@Test
	void aFailedNonTransactionalMigrationFixedAfterWhatItKeptContinuesAfterIt() {
		upgradeToTallyWithABadItem();
		assertThatExceptionOfType(MigrationRunException.class)
			.isThrownBy(() -> upgrade(List.of(new CreateTally(), new TallyThenCheck())));
		String failedChecksum = (String) HistoryRows.log(this.jdbc, "t2").get(0).get("checksum");
		RunResult result = upgrade(List.of(new CreateTally(), new FixedTallyThenCheck()));
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly("t2");
		assertThat(tally()).containsExactly("first", "second");
		assertThat(constraintValidated("item_qty_positive")).isFalse();
		String fixedChecksum = this.jdbc.queryForObject(
				"SELECT checksum FROM migration_history_state WHERE revision = 't2'", String.class);
		assertThat(fixedChecksum).isNotNull().isNotEqualTo(failedChecksum);
		assertThat(HistoryRows.log(this.jdbc, "t2")).extracting((row) -> row.get("outcome"), (row) -> row.get("statements"))
			.containsExactly(tuple("failed", 2),
					tuple("success", 3));
	}

	@Test
	void aFailedConcurrentUniqueIndexLeavesAnInvalidIndexThatTheNextRunDropsAndRebuilds() {
		upgrade(List.of(new CreatePerson()));
		this.jdbc.update("INSERT INTO person (email) VALUES ('same@example.com'), ('same@example.com')");
		assertThatExceptionOfType(MigrationRunException.class)
			.isThrownBy(() -> upgrade(List.of(new CreatePerson(), new IndexPersonEmail())))
			.withMessageContaining("'i2'");
		assertThat(indexValid("ux_person_email")).containsExactly(false);
		assertThat(HistoryRows.state(this.jdbc)).containsExactly("i1");
		this.jdbc.update("DELETE FROM person WHERE id = (SELECT max(id) FROM person)");
		RunResult result = upgrade(List.of(new CreatePerson(), new IndexPersonEmail()));
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly("i2");
		assertThat(indexValid("ux_person_email")).containsExactly(true);
		assertThat(HistoryRows.state(this.jdbc)).containsExactly("i1", "i2");
	}

	private void upgradeToTallyWithABadItem() {
		upgrade(List.of(new CreateTally()));
		this.jdbc.update("INSERT INTO item (qty) VALUES (-1)");
	}

	private List<String> tally() {
		return this.jdbc.queryForList("SELECT step FROM tally ORDER BY step", String.class);
	}

	private boolean constraintValidated(String name) {
		return this.jdbc.queryForObject("SELECT convalidated FROM pg_constraint WHERE conname = ?", Boolean.class, name);
	}

	private List<Boolean> indexValid(String name) {
		return this.jdbc.queryForList("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
				+ "WHERE c.relname = ?", Boolean.class, name);
	}

	private RunResult upgrade(List<Migration> migrations) {
		return migrator(migrations).upgrade("heads");
	}

	private Migrator migrator(List<Migration> migrations) {
		return Migrator.create(this.dataSource, migrations, RunSettings.defaults());
	}

	@Revision(id = "t1", message = "create tally and item")
	static class CreateTally implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("tally", (t) -> t.column("step", ColumnType.TEXT));
			op.createTable("item", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("qty", ColumnType.INTEGER));
		}

	}

	@Revision(id = "t2", revises = "t1", message = "create a table, then fail")
	static class CreateTableThenFail implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("half_done", (t) -> t.column("id", ColumnType.BIGINT));
			op.execute("INSERT INTO tally (step) VALUES ('first')");
			op.execute("INSERT INTO no_such_table VALUES (1)");
		}

	}

	/** Two statements that count their runs, then one that fails while item holds a bad row. */
	@Revision(id = "t2", revises = "t1", message = "tally, then check", transactional = false)
	static class TallyThenCheck implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("INSERT INTO tally (step) VALUES ('first')");
			op.execute("INSERT INTO tally (step) VALUES ('second')");
			op.execute("ALTER TABLE item ADD CONSTRAINT item_qty_positive CHECK (qty > 0)");
		}

	}

	/** The same revision with its third statement fixed, so its checksum differs. */
	@Revision(id = "t2", revises = "t1", message = "tally, then check", transactional = false)
	static class FixedTallyThenCheck implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("INSERT INTO tally (step) VALUES ('first')");
			op.execute("INSERT INTO tally (step) VALUES ('second')");
			op.execute("ALTER TABLE item ADD CONSTRAINT item_qty_positive CHECK (qty > 0) NOT VALID");
		}

	}

	@Revision(id = "i1", message = "create person")
	static class CreatePerson implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("person", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("email", ColumnType.TEXT));
		}

	}

	@Revision(id = "i2", revises = "i1", message = "unique person email")
	static class IndexPersonEmail implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("ux_person_email", "person", (i) -> i.on("email").unique().concurrently());
		}

	}

}
