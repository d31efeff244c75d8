package dev.migration.core.tenant;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.MigrationException;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.lint.LintGate;
import dev.migration.core.lint.LintPolicy;
import dev.migration.core.run.RunSettings;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunScope;
import dev.migration.core.tenant.TenantStanding.Standing;
import dev.migration.core.tenant.TenantOutcome.Status;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** One history applied to many tenant schemas at once, in waves, resumed after a stop. */
@PostgresTest(emptyBeforeEach = true)
class TenantFanOutTests {

	private final TestDatabase database;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private Process child;

	TenantFanOutTests(TestDatabase database) {
		this.database = database;
		this.dataSource = database.dataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	@AfterEach
	void killLeftoverChild() {
		if (this.child != null) {
			this.child.destroyForcibly();
		}
	}

	@BeforeEach
	void noTenantsAndARunLog() {
		// the database is emptied of public's tables before each test, not of the tenants' schemas
		this.jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname ~ '^t[0-9]{2}$'", String.class)
			.forEach((schema) -> this.jdbc.execute("DROP SCHEMA " + schema + " CASCADE"));
		this.jdbc.execute("CREATE TABLE public.fanout_log (tenant text, started timestamptz, ended timestamptz)");
	}

	@Test
	void everyTenantReachesHeadWithBoundedParallelismEachWithItsOwnHistory() {
		List<String> tenants = tenants(40);
		TenantReport report = TenantFanOut.of(migrator()).withParallelism(4).upgrade(tenants, "heads");
		assertThat(report.complete()).as("%s", report.failed()).isTrue();
		assertThat(report.counts()).containsEntry(Status.UPGRADED, 40L);
		assertThat(report.outcomes()).extracting(TenantOutcome::applied).containsOnly(4);
		for (String tenant : List.of("t00", "t17", "t39")) {
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + tenant + ".migration_history", Integer.class))
				.isEqualTo(4);
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + tenant + ".account", Integer.class)).isOne();
		}
		int mostAtOnce = this.jdbc.queryForObject("SELECT max((SELECT count(*) FROM public.fanout_log o "
				+ "WHERE o.started <= l.started AND o.ended > l.started)) FROM public.fanout_log l", Integer.class);
		assertThat(mostAtOnce).as("tenants migrated at once").isBetween(2, 4);
	}

	@Test
	void aFailingWaveStopsTheNextAndTheRerunFinishesOnlyTheRest() {
		List<String> tenants = tenants(20);
		// t06 of the second of four waves holds a table no history accounts for, which its run refuses
		this.jdbc.execute("CREATE SCHEMA t06");
		this.jdbc.execute("CREATE TABLE t06.account (id bigint)");
		TenantFanOut fanOut = TenantFanOut.of(migrator()).withParallelism(3).withStages(4);
		TenantReport first = fanOut.upgrade(tenants, "heads");
		assertThat(first.failed()).extracting(TenantOutcome::tenant).containsExactly("t06");
		assertThat(first.failed().get(0).failure()).contains("(t06.account) but no migration history");
		assertThat(first.counts()).containsEntry(Status.UPGRADED, 9L).containsEntry(Status.FAILED, 1L)
			.containsEntry(Status.SKIPPED, 10L);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname IN ('t10', 't19')",
				Integer.class)).as("skipped tenants are not touched").isZero();
		this.jdbc.execute("DROP TABLE t06.account");
		TenantReport rerun = fanOut.upgrade(tenants, "heads");
		assertThat(rerun.complete()).isTrue();
		assertThat(rerun.outcomes().stream().filter((outcome) -> outcome.status() == Status.UP_TO_DATE)
			.map(TenantOutcome::tenant)).containsExactlyElementsOf(tenants(10).stream()
				.filter((tenant) -> !tenant.equals("t06")).toList());
		assertThat(rerun.counts()).containsEntry(Status.UPGRADED, 11L);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM public.fanout_log", Integer.class))
			.as("each tenant's revisions ran once").isEqualTo(20);
	}

	@Test
	void aFanOutKilledMidwayIsFinishedByTheNextRunWhichRunsOnlyWhatEachTenantLacks(@TempDir Path logs)
			throws Exception {
		List<String> tenants = tenants(40);
		this.child = FanOutProcess.start(this.database, tenants.size(), logs.resolve("fan-out.log"));
		int doneBeforeKill = awaitTenantsDone(12);
		// kill -9 in the middle of the fan-out: some tenants done, some in the middle of a revision, some untouched
		this.child.destroyForcibly().waitFor();
		int doneAtKill = tenantsDone();
		assertThat(doneAtKill).as("the kill came midway").isBetween(doneBeforeKill, tenants.size() - 1);
		TenantReport rerun = TenantFanOut.of(migrator()).withParallelism(4).upgrade(tenants, "heads");
		assertThat(rerun.complete()).as("%s", rerun.failed()).isTrue();
		assertThat(rerun.counts().get(Status.UP_TO_DATE)).as("tenants the killed run had finished")
			.isEqualTo(doneAtKill);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM public.fanout_log", Integer.class))
			.as("each tenant's first revision committed once, the killed one's rolled back").isEqualTo(tenants.size());
		assertThat(this.jdbc.queryForObject("SELECT count(DISTINCT tenant) FROM public.fanout_log", Integer.class))
			.isEqualTo(tenants.size());
	}

	private int awaitTenantsDone(int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			int done = tenantsDone();
			if (done >= count) {
				return done;
			}
			if (!this.child.isAlive()) {
				throw new IllegalStateException("The fan-out process ended before " + count + " tenants were done");
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException("Fewer than " + count + " tenants were done after 60 s");
	}

	/** Tenants whose state says they are at the last revision, as their own history records it. */
	private int tenantsDone() {
		int done = 0;
		for (String schema : this.jdbc.queryForList("SELECT n.nspname FROM pg_namespace n JOIN pg_class c "
				+ "ON c.relnamespace = n.oid WHERE c.relname = 'migration_history_state' AND n.nspname ~ '^t[0-9]{2}$'",
				String.class)) {
			done += this.jdbc.queryForObject("SELECT count(*) FROM " + schema + ".migration_history_state "
					+ "WHERE revision = 'a4'", Integer.class);
		}
		return done;
	}

	@Test
	void eachTenantsSnapshotHoldsItsOwnSchemaSoAnotherTenantsChangeIsNoDriftOfIt() {
		TenantFanOut fanOut = TenantFanOut.of(migrator()).withParallelism(2);
		fanOut.upgrade(tenants(3), "heads");
		this.jdbc.execute("ALTER TABLE t01.account ADD COLUMN note text");
		assertThat(fanOut.migratorOf("t00").drift()).hasValueSatisfying((drift) -> assertThat(drift.describe()).isEmpty());
		assertThat(fanOut.migratorOf("t01").drift()).hasValueSatisfying((drift) -> assertThat(drift.describe())
			.contains("t01.account.note"));
		assertThat(this.jdbc.queryForObject("SELECT snapshot FROM t02.migration_history_snapshot", String.class))
			.contains("t02.account").doesNotContain("t00.").doesNotContain("fanout_log");
	}

	@Test
	void aFailingCanaryStopsEveryOtherTenantUnlessTheRunGoesOnAfterFailures() {
		List<String> tenants = tenants(8);
		this.jdbc.execute("CREATE SCHEMA t03");
		this.jdbc.execute("CREATE TABLE t03.account (id bigint)");
		TenantFanOut fanOut = TenantFanOut.of(migrator()).withParallelism(2).withCanaries(List.of("t03"));
		TenantReport stopped = fanOut.upgrade(tenants, "heads");
		assertThat(stopped.counts()).containsEntry(Status.FAILED, 1L).containsEntry(Status.SKIPPED, 7L);
		TenantReport onward = fanOut.continuingAfterFailure(true).upgrade(tenants, "heads");
		assertThat(onward.counts()).containsEntry(Status.FAILED, 1L).containsEntry(Status.UPGRADED, 7L);
	}

	@Test
	void aTenantListedTwiceOrACanaryThatIsNoTenantIsRefusedBeforeAnythingRuns() {
		TenantFanOut fanOut = TenantFanOut.of(migrator());
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> fanOut.upgrade(List.of("t00", "t01", "t00"), "heads"))
			.withMessageContaining("listed twice");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> fanOut.withCanaries(List.of("t09")).upgrade(List.of("t00", "t01"), "heads"))
			.withMessage("Canary tenant 't09' is not among the tenants; name one of them in "
					+ "migrations.tenants.canaries.");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 't0_'",
				Integer.class)).isZero();
	}

	@Test
	void eachTenantsStandingIsReadFromItsOwnHistoryAndSurvivesARestart() {
		List<String> names = tenants(6);
		TenantFanOut fanOut = TenantFanOut.of(migrator()).withParallelism(2);
		fanOut.upgrade(names.subList(0, 4), "a2");
		// t01's index step meets an index of that name and fails, which its history records
		this.jdbc.execute("CREATE INDEX account_email_idx ON t01.account (email)");
		fanOut.continuingAfterFailure(true).upgrade(names.subList(0, 3), "heads");
		List<Tenant> all = names.stream().map(Tenant::ofSchema).toList();
		// a new fan-out, as after a restart: what it reports comes from the tenants' histories alone
		List<TenantStanding> standings = TenantFanOut.of(migrator()).withParallelism(3).standings(all, "heads");
		assertThat(standings).extracting(TenantStanding::tenant).containsExactlyElementsOf(names);
		assertThat(standings).extracting(TenantStanding::standing).containsExactly(Standing.AT_TARGET,
				Standing.FAILED, Standing.AT_TARGET, Standing.PENDING, Standing.NEW, Standing.NEW);
		assertThat(standings.get(1).current()).containsExactly("a2");
		assertThat(standings.get(1).pending()).containsExactly("a3", "a4");
		assertThat(standings.get(1).failure()).contains("account_email_idx");
		assertThat(standings.get(1).lastRunAt()).isNotNull();
		assertThat(standings.get(4).lastRunAt()).isNull();
		assertThat(standings.get(3).pending()).containsExactly("a3", "a4");
		assertThat(standings.get(4).pending()).containsExactly("a1", "a2", "a3", "a4");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname IN ('t04', 't05')",
				Integer.class)).as("reading a new tenant creates nothing").isZero();
	}

	@Test
	void tenantsWithADatabaseOfTheirOwnEachKeepTheirHistoryThere() {
		TestDatabaseServer server = TestDatabaseServer.get();
		TestDatabase first = server.createDatabase("tenant_a");
		TestDatabase second = server.createDatabase("tenant_b");
		try {
			List<Tenant> tenants = List.of(Tenant.ofDatabase("a", first.dataSource()),
					new Tenant("b", "app", second.dataSource()));
			TenantReport report = TenantFanOut.of(migrator()).withParallelism(2).upgrade(tenants, "heads",
					RunScope.RELEASED);
			assertThat(report.counts()).as("%s", report.failed()).containsEntry(Status.UPGRADED, 2L);
			assertThat(new JdbcTemplate(first.dataSource()).queryForObject(
					"SELECT count(*) FROM public.migration_history", Integer.class)).isEqualTo(4);
			assertThat(new JdbcTemplate(second.dataSource()).queryForObject(
					"SELECT count(*) FROM app.account", Integer.class)).isOne();
			assertThat(this.jdbc.queryForObject("SELECT to_regclass('public.migration_history') IS NULL",
					Boolean.class)).as("the fan-out's own database is no tenant").isTrue();
			assertThat(TenantFanOut.of(migrator()).standings(tenants, "heads"))
				.extracting(TenantStanding::standing).containsOnly(Standing.AT_TARGET);
		}
		finally {
			server.dropDatabase(first);
			server.dropDatabase(second);
		}
	}

	@Test
	void eachTenantsRevisionsAreLintedByItsOwnTablesNotAnotherTenantsOfTheSameName() {
		TenantFanOut fanOut = TenantFanOut.of(lintGated()).withParallelism(4);
		List<String> others = tenants(13).subList(1, 13);
		assertThat(fanOut.upgrade(others, "b1").complete()).isTrue();
		// t00, made last, holds a large table of the same name: a plain index on it would be an error
		assertThat(fanOut.upgrade(List.of("t00"), "b1").complete()).isTrue();
		this.jdbc.execute("INSERT INTO t00.big (x) SELECT g FROM generate_series(1, 20000) g");
		this.jdbc.execute("ANALYZE t00.big");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> fanOut.migratorOf("t00").upgrade("heads"))
			.withMessageContaining("big_x_idx");
		TenantReport report = fanOut.upgrade(others, "heads");
		assertThat(report.failed()).as("the others' tables are empty: their index is safe").isEmpty();
		assertThat(report.counts()).containsEntry(Status.UPGRADED, 12L);
	}

	/** Two revisions whose plain index is safe on a new table only, behind the lint gate. */
	private Migrator lintGated() {
		List<DeclaredRevision> declared = List.of(
				new DeclaredRevision(RevisionNode.of("b1", "big table"), (op) -> op.createTable("big",
						(t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey()).column("x",
								ColumnType.BIGINT)), true),
				new DeclaredRevision(RevisionNode.of("b2", "index it", "b1"),
						(op) -> op.createIndex("big_x_idx", "big", (i) -> i.on("x")), true));
		return new Migrator(this.dataSource, MigrationCatalog.ofDeclared(declared), new PostgresDialect(),
				RunSettings.defaults()).withUpgradeCheck(new LintGate(LintPolicy.FAIL));
	}

	private Migrator migrator() {
		return TenantHistory.migrator(this.dataSource);
	}

	private static List<String> tenants(int count) {
		return IntStream.range(0, count).mapToObj((i) -> "t%02d".formatted(i)).toList();
	}

}
