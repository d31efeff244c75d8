package dev.migration.core.reliability;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.execute.StepFailedException;
import dev.migration.core.graph.CycleDetectedException;
import dev.migration.core.graph.DuplicateRevisionException;
import dev.migration.core.graph.MissingRevisionException;
import dev.migration.core.graph.MultipleHeadsException;
import dev.migration.core.graph.UnknownRevisionException;
import dev.migration.core.op.IrreversibleOperationException;
import dev.migration.core.run.ChecksumMismatchException;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.core.run.UnknownAppliedRevisionException;
import dev.migration.core.schema.ColumnType;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bad input against a database at b3: each is a typed error naming the revision and the fix,
 * and the database is exactly as it was before.
 */
@PostgresTest(emptyBeforeEach = true)
class BadInputTests {

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private DatabaseSnapshot before;

	BadInputTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@BeforeEach
	void databaseAtB3() {
		migrator(applied()).upgrade("heads");
		this.before = DatabaseSnapshot.of(this.jdbc);
		assertThat(this.before.state()).hasSize(3);
	}

	@AfterEach
	void nothingChanged() {
		assertThat(DatabaseSnapshot.of(this.jdbc)).isEqualTo(this.before);
	}

	@Test
	void aDuplicateRevisionIdIsRejectedNamingTheRevision() {
		assertThatExceptionOfType(DuplicateRevisionException.class)
			.isThrownBy(() -> migrator(with(new DuplicateOfB3())).upgrade("heads"))
			.withMessageContaining("'b3' is declared by more than one migration")
			.withMessageContaining("Give each migration its own revision id");
	}

	@Test
	void aMissingParentIsRejectedNamingTheRevisionAndTheAttribute() {
		assertThatExceptionOfType(MissingRevisionException.class)
			.isThrownBy(() -> migrator(with(new RevisesMissing())).upgrade("heads"))
			.withMessageContaining("'b4' revises 'b9', which no migration declares")
			.withMessageContaining("correct the revises attribute of 'b4'");
	}

	@Test
	void aCycleIsRejectedNamingItsRevisions() {
		assertThatExceptionOfType(CycleDetectedException.class)
			.isThrownBy(() -> migrator(with(new CycleOne(), new CycleTwo())).upgrade("heads"))
			.withMessageContaining("c1")
			.withMessageContaining("c2")
			.withMessageContaining("to break the cycle");
	}

	@Test
	void targetHeadWithTwoHeadsIsRejectedNamingBothAndTheWaysOut() {
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> migrator(with(new HeadOne(), new HeadTwo())).upgrade("head"))
			.withMessageContaining("'h4'")
			.withMessageContaining("'h5'")
			.withMessageContaining("target 'heads'")
			.withMessageContaining("merges them");
	}

	@Test
	void aChangedAppliedMigrationStopsTheRunNamingTheRevisionAndHowToAcceptIt() {
		List<Migration> changed = List.of(new CreateAccount(), new AddAccountEmail(), new ChangedCreateAudit(),
				new AddAuditNote());
		assertThatExceptionOfType(ChecksumMismatchException.class)
			.isThrownBy(() -> migrator(changed).upgrade("heads"))
			.withMessageContaining("b3: applied with checksum " + this.before.state().get(2).get("checksum"))
			.withMessageContaining("migrations.checksum-policy=warn");
	}

	@Test
	void anUnknownRevisionInTheDatabaseStopsTheRunNamingItAndTheSetting() {
		assertThatExceptionOfType(UnknownAppliedRevisionException.class)
			.isThrownBy(() -> migrator(List.of(new CreateAccount(), new AddAccountEmail())).upgrade("heads"))
			.withMessageContaining("[b3]")
			.withMessageContaining("migrations.unknown-revision-policy=ignore");
	}

	@Test
	void aTargetThatDoesNotExistIsRejectedNamingIt() {
		assertThatExceptionOfType(UnknownRevisionException.class)
			.isThrownBy(() -> migrator(with(new AddAuditNote())).upgrade("b7"))
			.withMessageContaining("'b7'")
			.withMessageContaining("Check it against the @Revision ids");
	}

	@Test
	void aDowngradeThroughAnIrreversibleRevisionFailsBeforeAnyStepRuns() {
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> migrator(applied()).downgrade("base"))
			.withMessageContaining("downgrade of revision 'b1'")
			.withMessageContaining("Write downgrade() for this revision")
			.withCauseInstanceOf(IrreversibleOperationException.class);
	}

	private Migrator migrator(List<Migration> migrations) {
		return Migrator.create(this.dataSource, migrations, RunSettings.defaults());
	}

	private static List<Migration> applied() {
		return List.of(new CreateAccount(), new AddAccountEmail(), new CreateAudit());
	}

	private static List<Migration> with(Migration... more) {
		List<Migration> migrations = new ArrayList<>(applied());
		migrations.addAll(List.of(more));
		return migrations;
	}

	/** Raw SQL without a downgrade: it has no automatic reverse. */
	@Revision(id = "b1", message = "create account")
	static class CreateAccount implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE account (id bigint PRIMARY KEY)");
		}

	}

	@Revision(id = "b2", revises = "b1", message = "add account email")
	static class AddAccountEmail implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.addColumn("account", "email", ColumnType.TEXT);
		}

	}

	@Revision(id = "b3", revises = "b2", message = "create audit")
	static class CreateAudit implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("audit", (t) -> t.column("id", ColumnType.BIGINT));
		}

	}

	@Revision(id = "b3", revises = "b2", message = "create audit, changed since")
	static class ChangedCreateAudit implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("audit", (t) -> t.column("id", ColumnType.BIGINT).column("note", ColumnType.TEXT));
		}

	}

	@Revision(id = "b3", revises = "b1", message = "another b3")
	static class DuplicateOfB3 implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("other", (t) -> t.column("id", ColumnType.BIGINT));
		}

	}

	@Revision(id = "b4", revises = "b3", message = "add audit note")
	static class AddAuditNote implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.addColumn("audit", "note", ColumnType.TEXT);
		}

	}

	@Revision(id = "b4", revises = "b9", message = "revises a revision nobody declares")
	static class RevisesMissing implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("orphan", (t) -> t.column("id", ColumnType.BIGINT));
		}

	}

	@Revision(id = "c1", revises = { "b3", "c2" }, message = "first of a cycle")
	static class CycleOne implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("cycle_one", (t) -> t.column("id", ColumnType.BIGINT));
		}

	}

	@Revision(id = "c2", revises = "c1", message = "second of a cycle")
	static class CycleTwo implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("cycle_two", (t) -> t.column("id", ColumnType.BIGINT));
		}

	}

	@Revision(id = "h4", revises = "b3", message = "one head")
	static class HeadOne implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("head_one", (t) -> t.column("id", ColumnType.BIGINT));
		}

	}

	@Revision(id = "h5", revises = "b3", message = "another head")
	static class HeadTwo implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("head_two", (t) -> t.column("id", ColumnType.BIGINT));
		}

	}

}
