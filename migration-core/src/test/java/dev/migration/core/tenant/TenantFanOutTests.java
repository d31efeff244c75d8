package dev.migration.core.tenant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.MigrationException;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.tenant.TenantOutcome.Status;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** One history applied to many tenant schemas at once, in waves, resumed after a stop. */
@PostgresTest(emptyBeforeEach = true)
class TenantFanOutTests {

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	TenantFanOutTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
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

	private Migrator migrator() {
		List<Migration> revisions = List.of((op) -> {
			op.createTable("account", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("name", ColumnType.TEXT));
			// long enough for tenants to overlap, and logged where the test can see the overlap
			op.execute("SELECT pg_sleep(0.1)");
			op.execute("INSERT INTO public.fanout_log VALUES (current_schema(), transaction_timestamp(), clock_timestamp())");
		}, (op) -> op.addColumn("account", "email", ColumnType.TEXT),
				(op) -> op.createIndex("account_email_idx", "account", (i) -> i.on("email").concurrently()),
				(op) -> op.execute("INSERT INTO account (name) VALUES ('first')", "DELETE FROM account"));
		List<DeclaredRevision> declared = new ArrayList<>();
		for (int i = 0; i < revisions.size(); i++) {
			RevisionNode node = (i == 0) ? RevisionNode.of("a1", "step 1")
					: RevisionNode.of("a" + (i + 1), "step " + (i + 1), "a" + i);
			declared.add(new DeclaredRevision(node, revisions.get(i), true));
		}
		return new Migrator(this.dataSource, MigrationCatalog.ofDeclared(declared), new PostgresDialect(),
				RunSettings.defaults().withLockRetries(0, Duration.ZERO));
	}

	private static List<String> tenants(int count) {
		return IntStream.range(0, count).mapToObj((i) -> "t%02d".formatted(i)).toList();
	}

}
