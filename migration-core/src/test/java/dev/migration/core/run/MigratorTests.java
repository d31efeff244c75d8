package dev.migration.core.run;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.migration.core.Migration;
import dev.migration.core.MigrationException;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.dialect.PostgresScanner;
import dev.migration.core.execute.Direction;
import dev.migration.core.history.Action;
import dev.migration.core.history.HistoryEntry;
import dev.migration.core.history.HistoryReader;
import dev.migration.core.history.HistoryStatements;
import dev.migration.core.history.HistoryTable;
import dev.migration.core.history.Outcome;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PostgresTest(emptyBeforeEach = true)
class MigratorTests {

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	MigratorTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Test
	void readingTheStateOfANeverMigratedDatabaseLeavesTheCallersTransactionUsable() {
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		HistoryReader reader = new HistoryReader(this.jdbc,
				new HistoryStatements(new PostgresDialect(), HistoryTable.defaults()));
		Integer answer = transaction.execute((status) -> {
			assertThat(migrator(SampleRevisions.all()).state().applied()).isEmpty();
			assertThat(reader.appliedInOneRoundTrip()).isEmpty();
			return this.jdbc.queryForObject("SELECT 42", Integer.class);
		});
		assertThat(answer).isEqualTo(42);
		assertThat(migrator(SampleRevisions.all()).state().applied()).isEmpty();
	}

	@Test
	void upgradeAppliesEveryRevisionAndRecordsEachStep() {
		RunResult result = migrator(SampleRevisions.all()).upgrade("heads");
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly("a1", "b2", "c3");
		assertThat(result.before()).isEmpty();
		assertThat(result.after()).containsExactly("c3");
		assertThat(this.jdbc.queryForList("SELECT email FROM account", String.class)).containsExactly("first@example.com");
		List<HistoryEntry> history = migrator(SampleRevisions.all()).history();
		assertThat(history).extracting(HistoryEntry::revision, HistoryEntry::action, HistoryEntry::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a1", Action.UPGRADE, Outcome.SUCCESS),
					org.assertj.core.groups.Tuple.tuple("b2", Action.UPGRADE, Outcome.SUCCESS),
					org.assertj.core.groups.Tuple.tuple("c3", Action.UPGRADE, Outcome.SUCCESS));
		assertThat(history.get(0).checksum()).hasSize(64);
		assertThat(history.get(0).appliedBy()).isEqualTo("postgres");
	}

	@Test
	void aSecondUpgradeFindsNothingToDo() {
		migrator(SampleRevisions.all()).upgrade("heads");
		RunResult again = migrator(SampleRevisions.all()).upgrade("heads");
		assertThat(again.isEmpty()).isTrue();
		assertThat(migrator(SampleRevisions.all()).history()).hasSize(3);
	}

	@Test
	void downgradeRevertsNewestFirstAndRecordsIt() {
		Migrator migrator = migrator(SampleRevisions.all());
		migrator.upgrade("heads");
		RunResult result = migrator.downgrade("base");
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly("c3", "b2", "a1");
		assertThat(result.steps()).extracting(AppliedStep::direction).containsOnly(Direction.DOWNGRADE);
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('account')", String.class)).isNull();
		assertThat(migrator.current()).isEmpty();
	}

	@Test
	void stampMarksRevisionsWithoutRunningThem() {
		Migrator migrator = migrator(SampleRevisions.all());
		RunResult stamped = migrator.stamp("b2");
		assertThat(stamped.steps()).extracting(AppliedStep::revision).containsExactly("a1", "b2");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('account')", String.class)).isNull();
		assertThat(migrator.current()).containsExactly("b2");
		assertThat(migrator.pending("heads")).extracting((revision) -> revision.id()).containsExactly("c3");
	}

	@Test
	void aStampRowSaysWhichWayItMovedTheRevision() {
		Migrator migrator = migrator(SampleRevisions.all());
		migrator.stamp("b2");
		migrator.stamp("a1");
		assertThat(migrator.history()).extracting((entry) -> entry.revision() + " " + entry.action().value() + " "
				+ entry.direction().value())
			.containsExactly("a1 stamp upgrade", "b2 stamp upgrade", "b2 stamp downgrade");
	}

	@Test
	void aTransactionalStepIsLoggedWithTheTimeItsStatementsTook() {
		migrator(List.of(new SlowTransactional())).upgrade("heads");
		assertThat(migrator(List.of(new SlowTransactional())).history()).singleElement()
			.satisfies((entry) -> assertThat(entry.durationMs()).isBetween(250L, 10_000L));
	}

	@Test
	void aRunWhoseThreadIsInterruptedStopsBeforeTheNextStep() throws Exception {
		List<Migration> revisions = List.of(new SlowTransactional(), new AfterSlow());
		java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
		Thread run = new Thread(() -> {
			try {
				migrator(revisions).upgrade("heads");
			}
			catch (RuntimeException ex) {
				failure.set(ex);
			}
		});
		run.start();
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (this.jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
				+ "AND position('pg_sleep(' IN query) > 0 AND pid <> pg_backend_pid()", Integer.class) == 0) {
			assertThat(System.nanoTime()).as("the slow step started").isLessThan(deadline);
			Thread.sleep(10);
		}
		run.interrupt();
		run.join(10_000);
		assertThat(failure.get()).isInstanceOf(MigrationRunException.class)
			.hasMessageContaining("stopped after 1 of 2")
			.hasMessageContaining("before revision 's2'")
			.hasCauseInstanceOf(RunStoppedException.class);
		assertThat(migrator(revisions).current()).containsExactly("s1");
		assertThat(migrator(revisions).upgrade("heads").steps()).extracting(AppliedStep::revision).containsExactly("s2");
	}

	@Revision(id = "s1", message = "slow")
	static class SlowTransactional implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT pg_sleep(0.3)");
			op.execute("CREATE TABLE slow_done (id integer)");
		}

	}

	@Revision(id = "s2", revises = "s1", message = "after slow")
	static class AfterSlow implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE after_slow (id integer)");
		}

	}

	@Test
	void aChangedAppliedRevisionStopsTheRunNamingBothChecksums() {
		migrator(SampleRevisions.all()).upgrade("heads");
		List<Migration> changed = new ArrayList<>(SampleRevisions.all().subList(0, 2));
		changed.add(new SampleRevisions.ChangedSeedAccount());
		assertThatExceptionOfType(ChecksumMismatchException.class)
			.isThrownBy(() -> migrator(changed).upgrade("heads"))
			.withMessageContaining("c3: applied with checksum ")
			.withMessageContaining("migrations.checksum-policy=warn");
	}

	@Test
	void followingTheRepairAdviceAcceptsAChangedMiddleRevisionAndKeepsTheLaterOnesApplied() {
		migrator(SampleRevisions.all()).upgrade("heads");
		List<Migration> changed = new ArrayList<>(List.of(new SampleRevisions.CreateAccount(),
				new ChangedIndexAccountEmail(), new SampleRevisions.SeedAccount(), new SampleRevisions.DropEmail()));
		assertThatExceptionOfType(ChecksumMismatchException.class)
			.isThrownBy(() -> migrator(changed).upgrade("heads"))
			.withMessageContaining("b2: applied with checksum ")
			.withMessageContaining("--migrations.command=repair");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator(changed).repair("c3"))
			.withMessageContaining("there is nothing to repair");
		RunResult repaired = migrator(changed).repair("heads");
		assertThat(repaired.steps()).extracting(AppliedStep::revision).containsExactly("b2");
		assertThat(migrator(changed).validate().isClean()).isTrue();
		// c3 stays applied: the upgrade runs only the new revision, and its seed row is there once
		assertThat(migrator(changed).upgrade("heads").steps()).extracting(AppliedStep::revision).containsExactly("d4");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM account", Integer.class)).isEqualTo(1);
		assertThat(migrator(changed).repair("heads").isEmpty()).isTrue();
	}

	@Revision(id = "b2", revises = "a1", message = "index account email, changed")
	static class ChangedIndexAccountEmail implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("ix_account_email", "account", (i) -> i.on("email").include("id").concurrently());
		}

	}

	@Test
	void anUnknownAppliedRevisionStopsTheRun() {
		List<Migration> newer = new ArrayList<>(SampleRevisions.all());
		newer.add(new SampleRevisions.DropEmail());
		migrator(newer).upgrade("heads");
		assertThatExceptionOfType(UnknownAppliedRevisionException.class)
			.isThrownBy(() -> migrator(SampleRevisions.all()).upgrade("heads"))
			.withMessageStartingWith("The database has revision(s) [d4] applied, which this code does not declare");
	}

	@Test
	void theOfflineScriptRecordsHistoryLikeAnOnlineRun() {
		String script = migrator(SampleRevisions.all()).upgradeSql("base", "heads");
		assertThat(script).contains("CREATE TABLE IF NOT EXISTS migration_history (")
			.contains("INSERT INTO migration_history_state (revision, checksum) VALUES ('a1', '");
		assertThat(migrator(SampleRevisions.all()).current()).isEmpty();
		PostgresScanner.split(script).forEach(this.jdbc::execute);
		Migrator migrator = migrator(SampleRevisions.all());
		assertThat(migrator.current()).containsExactly("c3");
		assertThat(migrator.validate().isClean()).isTrue();
		assertThat(migrator.history()).extracting(HistoryEntry::revision).containsExactly("a1", "b2", "c3");
		assertThat(this.jdbc.queryForList("SELECT email FROM account", String.class)).containsExactly("first@example.com");
		assertThat(migrator.upgrade("heads").isEmpty()).isTrue();
	}

	@Test
	void listenersHearEveryCompletedStep() {
		List<String> heard = new ArrayList<>();
		MigrationListener listener = new MigrationListener() {
			@Override
			public void stepCompleted(AppliedStep step) {
				heard.add(step.revision() + " " + step.direction());
			}
		};
		new Migrator(this.dataSource, dev.migration.core.catalog.MigrationCatalog.of(SampleRevisions.all()),
				new dev.migration.core.dialect.PostgresDialect(), RunSettings.defaults(), listener)
			.upgrade("b2");
		assertThat(heard).containsExactly("a1 UPGRADE", "b2 UPGRADE");
	}

	@Test
	void aRunInProgressIsSeenFromAnotherMigrator() throws Exception {
		Migrator migrator = migrator(SampleRevisions.all());
		assertThat(migrator.runInProgress()).isFalse();
		try (java.sql.Connection connection = this.dataSource.getConnection();
				AdvisoryLock lock = AdvisoryLock.acquire(connection, RunSettings.defaults().history(),
						java.time.Duration.ofSeconds(1))) {
			assertThat(migrator.runInProgress()).isTrue();
		}
		assertThat(migrator.runInProgress()).isFalse();
	}

	@Test
	void oneRevisionsSqlShowsBothDirections() {
		Migrator migrator = migrator(SampleRevisions.all());
		assertThat(migrator.revisionSql("b2", Direction.UPGRADE))
			.contains("CREATE INDEX CONCURRENTLY ix_account_email ON account (email);");
		assertThat(migrator.revisionSql("b", Direction.DOWNGRADE))
			.contains("DROP INDEX CONCURRENTLY ix_account_email;");
	}

	@Test
	void aFailureInsideATransactionNamesTheStatementThatFailed() {
		Migration broken = new BrokenSecondStatement();
		assertThatExceptionOfType(MigrationRunException.class)
			.isThrownBy(() -> migrator(List.of(broken)).upgrade("heads"))
			.withMessageContaining("in statement:\nINSERT INTO nowhere VALUES (1)")
			.withMessageContaining("Its transaction was rolled back");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('first')", String.class)).isNull();
	}

	@Test
	void aNonTransactionalRevisionMayCommitInsideADoBlock() {
		migrator(List.of(new CommittingDoBlock())).upgrade("heads");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM batches", Integer.class)).isEqualTo(3);
	}

	@dev.migration.core.Revision(id = "x1", message = "broken second statement")
	static class BrokenSecondStatement implements Migration {

		@Override
		public void upgrade(dev.migration.core.Operations op) {
			op.execute("CREATE TABLE first (id int)");
			op.execute("INSERT INTO nowhere VALUES (1)");
			op.execute("CREATE TABLE third (id int)");
		}

	}

	@dev.migration.core.Revision(id = "y1", message = "commit per batch", transactional = false)
	static class CommittingDoBlock implements Migration {

		@Override
		public void upgrade(dev.migration.core.Operations op) {
			op.execute("CREATE TABLE batches (n int)");
			op.execute("DO $$ BEGIN FOR i IN 1..3 LOOP INSERT INTO batches VALUES (i); COMMIT; END LOOP; END $$");
		}

	}

	private Migrator migrator(List<Migration> migrations) {
		return Migrator.create(this.dataSource, migrations, RunSettings.defaults());
	}

}
