package dev.migration.test;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.OwnedSchemas;
import dev.migration.core.run.RunSettings;
import dev.migration.core.sql.SqlCallbacks;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScript;
import dev.migration.core.trace.HistoryTrace;
import dev.migration.test.TestRevisions.AddOrdersNote;
import dev.migration.test.TestRevisions.CreateOrders;
import dev.migration.test.TestRevisions.DivideByZero;
import dev.migration.test.TestRevisions.ForgetsIndexOnDowngrade;
import dev.migration.test.TestRevisions.ForgetsTableOnDowngrade;
import dev.migration.test.TestRevisions.IndexOrdersStatus;
import dev.migration.test.TestRevisions.MergeHeads;
import dev.migration.test.TestRevisions.ReplaceStatusIndex;
import dev.migration.test.TestRevisions.ReviewedWidenTotalAtRunTime;
import dev.migration.test.TestRevisions.WidenTotalAtRunTime;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PostgresTest
class MigrationTesterTests {

	private static final List<Migration> CORRECT = List.of(new CreateOrders(), new IndexOrdersStatus(),
			new ReplaceStatusIndex());

	private final DataSource dataSource;

	MigrationTesterTests(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Test
	void aSquashThatBuildsWhatItsHistoryBuildsPassesAndTheStairwayWalksIt() {
		MigrationTester tester = MigrationTester.of(List.of(new CreateOrders(), new IndexOrdersStatus(),
				new ReplaceStatusIndex(), new TestRevisions.SquashedOrders()));
		tester.assertSquashMatchesHistory("s0");
		tester.assertStairway();
		tester.assertDowngradesLeaveNoTrace();
	}

	@Test
	void aSquashThatMissesAnIndexOrAddsARowFailsNamingBoth() {
		MigrationTester tester = MigrationTester.of(List.of(new CreateOrders(), new IndexOrdersStatus(),
				new ReplaceStatusIndex(), new TestRevisions.SquashForgetsIndex()));
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(() -> tester.assertSquashMatchesHistory("s0"))
			.withMessageContaining("Squash s0 does not build what the history it replaces builds")
			.withMessageContaining("ix_orders_status_total")
			.withMessageContaining("rows differ in: orders");
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> MigrationTester.of(List.of(new TestRevisions.SquashedOrders()))
				.assertSquashMatchesHistory("s0"))
			.withMessageContaining("missing: [a1, b2, c3]");
	}

	@Test
	void singleHeadPassesOnALinearHistory() {
		MigrationTester.of(CORRECT).assertSingleHead();
	}

	@Test
	void singleHeadFailsNamingBothHeadsAndSayingToMerge() {
		MigrationTester tester = MigrationTester.of(List.of(new CreateOrders(), new IndexOrdersStatus(),
				new ReplaceStatusIndex(), new AddOrdersNote()));
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertSingleHead)
			.withMessageContaining("2: ")
			.withMessageContaining("c3")
			.withMessageContaining("d4")
			.withMessageContaining("merge revision");
	}

	@Test
	void sqlFilesAreProvenLikeJavaRevisionsAndRepeatableScriptsStayOutOfTheStairway() {
		MigrationTester tester = MigrationTester.of(sqlCatalog("CREATE OR REPLACE VIEW open_invoice AS "
				+ "SELECT id FROM invoice WHERE paid_at IS NULL;"));
		tester.assertUpgradesToHeads();
		tester.assertStairway();
		tester.assertDowngradesLeaveNoTrace();
	}

	@Test
	void aDowngradeThatAViewOfARepeatableScriptBlocksFailsTheStairway() {
		MigrationTester tester = MigrationTester.of(sqlCatalog("CREATE OR REPLACE VIEW open_invoice AS "
				+ "SELECT id FROM invoice WHERE paid_at IS NULL;", "ALTER TABLE invoice DROP COLUMN paid_at;"));
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageContaining("downgrade to base over what the repeatable scripts made")
			.withMessageContaining("V2")
			.withMessageContaining("open_invoice");
	}

	@Test
	void aBrokenRepeatableScriptFailsTheUpgradeCheckNamingIt() {
		MigrationTester tester = MigrationTester.of(sqlCatalog("CREATE OR REPLACE VIEW open_invoice AS "
				+ "SELECT id FROM invoice WHERE settled IS NULL;"));
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertUpgradesToHeads)
			.withMessageContaining("R__invoice_views")
			.withMessageContaining("settled");
	}

	@Test
	void aTesterOfAnApplicationContextProvesTheRevisionsOfItsMigratorSqlFilesIncluded() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("createOrders", new CreateOrders());
		beans.addBean("migrator", new Migrator(this.dataSource, sqlCatalog("CREATE OR REPLACE VIEW open_invoice AS "
				+ "SELECT id FROM invoice WHERE settled IS NULL;"), new PostgresDialect(), RunSettings.defaults()));
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> MigrationTester.of(beans).assertUpgradesToHeads())
			.withMessageContaining("R__invoice_views");
		StaticListableBeanFactory withoutMigrator = new StaticListableBeanFactory();
		withoutMigrator.addBean("createOrders", new CreateOrders());
		MigrationTester.of(withoutMigrator).assertUpgradesToHeads();
	}

	private static MigrationCatalog sqlCatalog(String view) {
		return sqlCatalog(view, "ALTER TABLE invoice DROP COLUMN paid_at CASCADE;");
	}

	private static MigrationCatalog sqlCatalog(String view, String undoPaidAt) {
		return MigrationCatalog.ofDeclared(SqlRevisions.declare(List.of(
				sql("V1__create_invoice.sql", "CREATE TABLE invoice (id bigint PRIMARY KEY, total_cents bigint);"),
				sql("U1__create_invoice.sql", "DROP TABLE invoice;"),
				sql("V2__invoice_paid_at.sql", "ALTER TABLE invoice ADD COLUMN paid_at timestamptz;"),
				sql("U2__invoice_paid_at.sql", undoPaidAt),
				sql("R__invoice_views.sql", view))));
	}

	private static SqlScript sql(String fileName, String text) {
		return new SqlScript("classpath:db/migration/" + fileName, fileName, text);
	}

	@Test
	void stairwayWalksEachBranchAndTheMergeOfABranchedHistory() {
		MigrationTester.of(List.of(new CreateOrders(), new IndexOrdersStatus(), new ReplaceStatusIndex(),
				new AddOrdersNote(), new MergeHeads())).assertDowngradesLeaveNoTrace();
	}

	@Test
	void upgradeToHeadsPassesAndSeedsWhereAsked() {
		MigrationTester.of(CORRECT)
			.withSeed("c3", (jdbc) -> jdbc.update("INSERT INTO orders (total_cents) VALUES (100)"))
			.assertUpgradesToHeads();
	}

	@Test
	void upgradeToHeadsFailsNamingTheRevisionThatBreaks() {
		MigrationTester tester = MigrationTester.of(CORRECT)
			.withSeed("b2", (jdbc) -> jdbc.update("INSERT INTO orders (id) VALUES (1)"));
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertUpgradesToHeads)
			.withMessageStartingWith("Revision b2 (index orders status) failed on seed before upgrade");
	}

	@Test
	void stairwayPassesWhenEveryDowngradeUndoesItsUpgrade() {
		MigrationTester.of(CORRECT).assertStairway();
	}

	@Test
	void stairwayFailsWhenAnUpgradeCannotRunAgainAfterItsDowngrade() {
		MigrationTester tester = MigrationTester
			.of(List.of(new CreateOrders(), new IndexOrdersStatus(), new ForgetsTableOnDowngrade()));
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Revision c3 (create customer) failed on upgrade after its downgrade")
			.withMessageContaining("customer");
	}

	@Test
	void noTracePassesWhenEveryDowngradeRestoresTheSchema() {
		MigrationTester.of(CORRECT).assertDowngradesLeaveNoTrace();
	}

	@Test
	void noTraceFailsOnADowngradeThatForgetsAnIndex() {
		MigrationTester tester = MigrationTester
			.of(List.of(new CreateOrders(), new IndexOrdersStatus(), new ForgetsIndexOnDowngrade()));
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertDowngradesLeaveNoTrace)
			.withMessageContaining("Revision c3 (replace status index) leaves a trace after upgrade and downgrade:\n"
					+ "  - index ix_orders_status: missing after downgrade\n");
	}

	@Test
	void schemaMatchesPassesOnADatabaseBuiltByTheMigrations() {
		JdbcTemplate jdbc = emptied();
		Migrator.create(this.dataSource, CORRECT, RunSettings.defaults()).upgrade("heads");
		jdbc.update("INSERT INTO orders (total_cents) VALUES (1)");
		MigrationTester.of(CORRECT).assertSchemaMatches(this.dataSource);
	}

	@Test
	void schemaMatchesFailsListingHandMadeChanges() {
		JdbcTemplate jdbc = emptied();
		Migrator.create(this.dataSource, CORRECT, RunSettings.defaults()).upgrade("heads");
		jdbc.execute("CREATE INDEX ix_by_hand ON orders (total_cents)");
		jdbc.execute("ALTER TABLE orders ALTER COLUMN status DROP DEFAULT");
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> MigrationTester.of(CORRECT).assertSchemaMatches(this.dataSource))
			.withMessage("The database differs from a fresh upgrade to heads in 2 place(s):\n"
					+ "  - column orders.status: default 'new'::text -> <none>\n"
					+ "  - index ix_by_hand: unexpected in the database\n");
	}

	@Test
	void aGivenDatabaseIsEmptiedBeforeEachCheck() {
		emptied().execute("CREATE TABLE orders (id int)");
		MigrationTester tester = MigrationTester.of(this.dataSource, CORRECT);
		tester.assertDowngradesLeaveNoTrace();
		tester.assertUpgradesToHeads();
		assertThat(Migrator.create(this.dataSource, CORRECT, RunSettings.defaults()).current()).containsExactly("c3");
	}

	@Test
	void anApplicationContextsMigrationBeansAreTested() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("createOrders", new CreateOrders());
		beans.registerSingleton("indexOrdersStatus", new IndexOrdersStatus());
		beans.registerSingleton("addOrdersNote", new AddOrdersNote());
		MigrationTester tester = MigrationTester.of(beans);
		tester.assertSingleHead();
		tester.assertStairway();
	}

	@Test
	void traceMatchesLintWhenEveryLockPostgresTookOnAnExistingTableIsOneTheLinterNamed() {
		MigrationTester tester = MigrationTester.of(CORRECT);
		tester.assertTraceMatchesLint();
		HistoryTrace trace = tester.trace();
		assertThat(trace.revision("b2").orElseThrow().trace().blocksWrites("orders")).isTrue();
		assertThat(trace.render()).contains("b2 (index orders status): 1 statement(s); seeded public.orders (1000 rows)",
				"lint error index-not-concurrent: confirmed by the trace");
	}

	@Test
	void traceFailsOnARewriteTheLinterCouldNotReadUntilItIsAccepted() {
		MigrationTester tester = MigrationTester.of(List.of(new CreateOrders(), new IndexOrdersStatus(),
				new ReplaceStatusIndex(), new WidenTotalAtRunTime()));
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertTraceMatchesLint)
			.withMessageStartingWith("The trace found 1 problem(s):\n  - revision d4 (widen total at run time), "
					+ "statement #0: PostgreSQL did a rewrite of an existing table that no lint finding names")
			.withMessageContaining("@AllowUnsafe(rule = \"not-checked\"")
			.withMessageContaining("MISSED by lint: a rewrite");
		MigrationTester.of(List.of(new CreateOrders(), new IndexOrdersStatus(), new ReplaceStatusIndex(),
				new ReviewedWidenTotalAtRunTime())).assertTraceMatchesLint();
	}

	@Test
	void traceFailsNamingARevisionThatFailsOnTheScratchDatabase() {
		MigrationTester tester = MigrationTester.of(List.of(new CreateOrders(), new IndexOrdersStatus(),
				new ReplaceStatusIndex(), new DivideByZero()));
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertTraceMatchesLint)
			.withMessageContaining("revision d4 (divide by zero) failed on the scratch database (also without seeded "
					+ "rows): ERROR: division by zero");
	}

	@Test
	void anApplicationsRevisionsAreProvenInItsSchemasWithItsCallbacks() {
		MigrationTester inBpdm = MigrationTester.of(context(
				"DO $$ BEGIN IF current_schema() <> 'bpdm' THEN RAISE EXCEPTION 'not in bpdm'; END IF; END $$;\n"));
		inBpdm.assertUpgradesToHeads();
		inBpdm.assertStairway();
		MigrationTester failing = MigrationTester.of(context("SELECT 1 / 0;\n"));
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(failing::assertUpgradesToHeads)
			.withMessageContaining("The afterMigrate callback classpath:afterMigrate.sql failed")
			.withMessageContaining("division by zero");
	}

	private DefaultListableBeanFactory context(String afterMigrate) {
		SqlCallbacks callbacks = SqlCallbacks.split(List.of(new SqlScript("classpath:afterMigrate.sql", "afterMigrate.sql",
				afterMigrate))).callbacks();
		Migrator migrator = Migrator.create(this.dataSource, CORRECT, RunSettings.defaults())
			.withSchemas(new OwnedSchemas("bpdm", List.of(), true))
			.withCallbacks(callbacks);
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("migrator", migrator);
		return beans;
	}

	private JdbcTemplate emptied() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		jdbc.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
		return jdbc;
	}

}
