package dev.migration.core.crash;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.execute.ExecutionSettings;
import dev.migration.core.execute.Fault;
import dev.migration.core.execute.StepFailedException;
import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.LockLostException;
import dev.migration.core.run.MigrationRunException;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunResult;
import dev.migration.core.run.RunSettings;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScriptLocations;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Faults of the infrastructure rather than of the revision: a lock held by another session, a
 * terminated session, a lock released under the run, a failed concurrent build whoever wrote
 * it. Each must say so, and following what it says must lead to a finished run.
 */
@PostgresTest(emptyBeforeEach = true)
class InfrastructureFaultTests {

	private static final Duration LOCK_TIMEOUT = Duration.ofMillis(200);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private Connection blocker;

	InfrastructureFaultTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@AfterEach
	void releaseBlocker() throws Exception {
		if (this.blocker != null) {
			this.blocker.close();
		}
	}

	@Test
	void aLockTimeoutNamesTheSessionInTheWayAndSaysItIsNoFaultOfTheRevision() throws Exception {
		Migrator migrator = migrator(List.of(new CreateAccount(), new AccountNote()), watched());
		migrator.upgrade("f1");
		int pid = blockAccount("nightly-report");
		assertThatExceptionOfType(MigrationRunException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("session pid " + pid)
			.withMessageContaining("application 'nightly-report'")
			.withMessageContaining("It tried 2 time(s)")
			.withMessageContaining("not a fault of the revision")
			.withMessageContaining("migrations.lock-timeout")
			.withMessageNotContaining("Fix the revision")
			.havingCause()
			.isInstanceOfSatisfying(StepFailedException.class,
					(failure) -> assertThat(failure.fault()).isEqualTo(Fault.LOCK_TIMEOUT));
		this.blocker.commit();
		assertThat(migrator.upgrade("heads").steps()).extracting(AppliedStep::revision).containsExactly("f2");
	}

	@Test
	void setNotNullOnlineOutOfLockRetriesAfterItsCheckWasValidatedContinuesThereOnTheNextRun() throws Exception {
		List<Migration> revisions = List.of(new CreateAccount(), new EmailRequired());
		migrator(revisions, impatient()).upgrade("f1");
		this.jdbc.update("UPDATE account SET email = 'x' || id || '@example.com'");
		// the blocker arrives once VALIDATE has committed, so only SET NOT NULL waits for it
		DataSource blockedAfterValidate = new InterruptingDataSource(this.dataSource, "VALIDATE CONSTRAINT",
				(pid) -> blockAccount("report"));
		assertThatExceptionOfType(MigrationRunException.class)
			.isThrownBy(() -> migrator(revisions, blockedAfterValidate, watched()).upgrade("heads"))
			.withMessageContaining("SET NOT NULL")
			.withMessageContaining("2 statement(s) of it committed before are recorded as done")
			.withMessageContaining("application 'report'");
		assertThat(constraintValidated("account_email_not_null")).isTrue();
		this.blocker.commit();
		RunResult rerun = migrator(revisions, impatient()).upgrade("heads");
		assertThat(rerun.steps()).extracting(AppliedStep::revision).containsExactly("f2");
		assertThat(this.jdbc.queryForObject("SELECT attnotnull FROM pg_attribute "
				+ "WHERE attrelid = 'account'::regclass AND attname = 'email'", Boolean.class)).isTrue();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_constraint WHERE conname = "
				+ "'account_email_not_null'", Integer.class)).isZero();
	}

	@Test
	void aTerminatedSessionIsReportedAsALostConnectionAndTheNextRunCompletes() throws Exception {
		List<Migration> revisions = List.of(new CreateAccount(), new SlowNote());
		Migrator migrator = migrator(revisions, RunSettings.defaults());
		migrator.upgrade("f1");
		CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
		assertThat(await(() -> sleepingPid() != null)).isTrue();
		this.jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, sleepingPid());
		assertThat(catchThrowable(() -> run.get(20, TimeUnit.SECONDS))).isInstanceOf(ExecutionException.class)
			.cause()
			.hasMessageContaining("the connection to the database was lost")
			.hasMessageNotContaining("Fix the revision");
		assertThat(migrator.upgrade("heads").steps()).extracting(AppliedStep::revision).containsExactly("f2");
	}

	@Test
	void aStepThatFindsItsLockGoneStopsBeforeItAndTheNextRunFinishes() {
		List<Migration> revisions = List.of(new CreateAccount(), new ReleasesTheLock(), new AccountNote2());
		assertThatExceptionOfType(MigrationRunException.class)
			.isThrownBy(() -> migrator(revisions, RunSettings.defaults()).upgrade("heads"))
			.withMessageContaining("stopped after 2 of 3")
			.withMessageContaining("lost its lock")
			.withMessageContaining("Run again")
			.withCauseInstanceOf(LockLostException.class);
		assertThat(this.jdbc.queryForList("SELECT revision FROM migration_history_state ORDER BY revision",
				String.class)).containsExactly("f1", "f2");
		assertThat(migrator(revisions, RunSettings.defaults()).upgrade("heads").steps())
			.extracting(AppliedStep::revision).containsExactly("f3");
	}

	@Test
	void theRunSessionOutlivesADatabaseIdleSessionTimeoutWhileItWaitsToRetry() throws Exception {
		String database = this.jdbc.queryForObject("SELECT current_database()", String.class);
		this.jdbc.execute("ALTER DATABASE \"" + database + "\" SET idle_session_timeout = '300ms'");
		try {
			Migrator migrator = migrator(List.of(new CreateAccount(), new AccountNote()),
					RunSettings.defaults().withExecution(new ExecutionSettings(Duration.ofMillis(100)))
						.withLockRetries(3, Duration.ofMillis(400)));
			migrator.upgrade("f1");
			blockAccount("report");
			CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
			Thread.sleep(1200);
			this.blocker.commit();
			assertThat(run.get(30, TimeUnit.SECONDS).steps()).singleElement()
				.satisfies((step) -> assertThat(step.retries()).isPositive());
		}
		finally {
			this.jdbc.execute("ALTER DATABASE \"" + database + "\" RESET idle_session_timeout");
		}
	}

	@Test
	void anInvalidIndexLeftByAFailedBuildInRawSqlIsDroppedAndBuiltAgain() {
		List<Migration> revisions = List.of(new CreateAccount(), new RawUniqueName());
		migrator(revisions, RunSettings.defaults()).upgrade("f1");
		this.jdbc.update("INSERT INTO account (name) VALUES ('same'), ('same')");
		assertThatExceptionOfType(MigrationRunException.class)
			.isThrownBy(() -> migrator(revisions, RunSettings.defaults()).upgrade("heads"))
			.withMessageContaining("could not create unique index");
		assertThat(indexValid("ux_account_name")).containsExactly(false);
		this.jdbc.update("DELETE FROM account WHERE id = (SELECT max(id) FROM account)");
		assertThat(migrator(revisions, RunSettings.defaults()).upgrade("heads").steps())
			.extracting(AppliedStep::revision).containsExactly("f2");
		assertThat(indexValid("ux_account_name")).containsExactly(true);
	}

	@Test
	void anInvalidIndexLeftByAFailedBuildInASqlFileIsDroppedAndBuiltAgain() {
		MigrationCatalog files = MigrationCatalog.ofDeclared(SqlRevisions.declare(SqlScriptLocations
			.load(List.of("classpath:sql/invalid-index"), getClass().getClassLoader())));
		Migrator migrator = new Migrator(this.dataSource, files, new PostgresDialect(), RunSettings.defaults());
		assertThatExceptionOfType(MigrationRunException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("V2");
		assertThat(indexValid("ux_member_email")).containsExactly(false);
		this.jdbc.update("DELETE FROM member WHERE id = 3");
		assertThat(migrator.upgrade("heads").steps()).extracting(AppliedStep::revision).containsExactly("V2");
		assertThat(indexValid("ux_member_email")).containsExactly(true);
	}

	@Test
	void aFailedStatementOfManyLinesIsShownBrieflyInTheMessage() {
		List<Migration> revisions = List.of(new CreateAccount(), new BrokenBackfill());
		assertThatExceptionOfType(MigrationRunException.class)
			.isThrownBy(() -> migrator(revisions, RunSettings.defaults()).upgrade("heads"))
			.withMessageContaining("no_such_column")
			.withMessageContaining("more characters; the whole statement is in the DEBUG log")
			.satisfies((failure) -> assertThat(failure.getMessage()).hasSizeLessThan(2000));
	}

	private int blockAccount(String application) {
		try {
			this.blocker = this.dataSource.getConnection();
			try (Statement statement = this.blocker.createStatement()) {
				statement.execute("SET application_name = '" + application + "'");
				this.blocker.setAutoCommit(false);
				// reading takes ACCESS SHARE, held until the commit: every ALTER TABLE waits for it
				statement.executeQuery("SELECT * FROM account").close();
			}
			return this.blocker.unwrap(org.postgresql.PGConnection.class).getBackendPID();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Integer sleepingPid() {
		List<Integer> pids = this.jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
				+ "AND state = 'active' AND position('pg_sleep(' IN query) > 0 AND pid <> pg_backend_pid()", Integer.class);
		return pids.isEmpty() ? null : pids.get(0);
	}

	private static boolean await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(20);
		}
		return true;
	}

	private boolean constraintValidated(String name) {
		return this.jdbc.queryForObject("SELECT convalidated FROM pg_constraint WHERE conname = ?", Boolean.class, name);
	}

	private List<Boolean> indexValid(String name) {
		return this.jdbc.queryForList("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
				+ "WHERE c.relname = ?", Boolean.class, name);
	}

	/** Long enough a last wait for the watch to see the blocker even on a busy machine. */
	private static RunSettings watched() {
		return RunSettings.defaults().withExecution(new ExecutionSettings(Duration.ofSeconds(2)))
			.withLockRetries(1, Duration.ofMillis(10));
	}

	private static RunSettings impatient() {
		return RunSettings.defaults().withExecution(new ExecutionSettings(LOCK_TIMEOUT))
			.withLockRetries(1, Duration.ofMillis(10));
	}

	private Migrator migrator(List<Migration> revisions, RunSettings settings) {
		return migrator(revisions, this.dataSource, settings);
	}

	private static Migrator migrator(List<Migration> revisions, DataSource dataSource, RunSettings settings) {
		return new Migrator(dataSource, MigrationCatalog.of(revisions), new PostgresDialect(), settings);
	}

	@Revision(id = "f1", message = "accounts")
	static class CreateAccount implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("account", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("email", ColumnType.TEXT)
				.column("name", ColumnType.TEXT));
			op.execute("INSERT INTO account (name) SELECT 'n' || g FROM generate_series(1, 20) g");
		}

	}

	@Revision(id = "f2", revises = "f1", message = "account note")
	static class AccountNote implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.addColumn("account", "note", ColumnType.TEXT);
		}

	}

	@Revision(id = "f2", revises = "f1", message = "email required")
	static class EmailRequired implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.setNotNullOnline("account", "email");
		}

	}

	@Revision(id = "f2", revises = "f1", message = "slow note")
	static class SlowNote implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.addColumn("account", "note", ColumnType.TEXT);
			op.execute("SELECT pg_sleep(3)");
		}

	}

	/** A revision whose SQL drops every advisory lock of its session, the migration lock included. */
	@Revision(id = "f2", revises = "f1", message = "releases every advisory lock")
	static class ReleasesTheLock implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT pg_advisory_unlock_all()");
		}

	}

	@Revision(id = "f3", revises = "f2", message = "account note")
	static class AccountNote2 implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.addColumn("account", "note", ColumnType.TEXT);
		}

	}

	@Revision(id = "f2", revises = "f1", message = "unique names", transactional = false)
	static class RawUniqueName implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE UNIQUE INDEX CONCURRENTLY ux_account_name ON account (name)");
		}

	}

	@Revision(id = "f2", revises = "f1", message = "broken backfill")
	static class BrokenBackfill implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.backfill("account", (b) -> b.set("email = no_such_column").where("email IS NULL"));
		}

	}

}
