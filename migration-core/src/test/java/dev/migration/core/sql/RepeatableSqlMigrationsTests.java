package dev.migration.core.sql;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.MigrationException;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.Stage;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.history.Action;
import dev.migration.core.history.HistoryEntry;
import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.MigrationRunException;
import dev.migration.core.run.Release;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunResult;
import dev.migration.core.run.RunScope;
import dev.migration.core.run.RunSettings;
import dev.migration.core.run.UnknownAppliedRevisionException;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.groups.Tuple.tuple;

/** Repeatable scripts (R__) on a real PostgreSQL: after the versioned files, again whenever they change. */
@PostgresTest(emptyBeforeEach = true)
class RepeatableSqlMigrationsTests {

	private static final String VIEWS = "R__item_views.sql";

	private static final String CHANGED_VIEW = "CREATE OR REPLACE VIEW cheap_item AS\n"
			+ "SELECT id, name, price FROM item WHERE price < 5;\n";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	RepeatableSqlMigrationsTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Test
	void repeatableScriptsRunAfterTheVersionedOnesInNameOrderAndNotAgainWhileUnchanged() {
		RunResult first = migrator(load()).upgrade("heads");
		assertThat(first.steps()).extracting(AppliedStep::revision)
			.containsExactly("V1", "R__item_views", "R__price_function");
		assertThat(first.after()).containsExactly("V1");
		assertThat(this.jdbc.queryForList("SELECT name FROM cheap_item", String.class)).containsExactly("pen");
		assertThat(this.jdbc.queryForObject("SELECT item_price_with_tax(10)", String.class)).isEqualTo("12.00");
		RunResult second = migrator(load()).upgrade("heads");
		assertThat(second.steps()).isEmpty();
		assertThat(migrator(load()).pending("heads")).isEmpty();
	}

	@Test
	void aChangedRepeatableScriptRunsAgainAndOnlyIt() {
		migrator(load()).upgrade("heads");
		Migrator changed = migrator(withChangedViews());
		assertThat(changed.pending("heads")).extracting(DeclaredRevision::id).containsExactly("R__item_views");
		assertThat(changed.validate().changed()).isEmpty();
		RunResult again = changed.upgrade("heads");
		assertThat(again.steps()).extracting(AppliedStep::revision).containsExactly("R__item_views");
		assertThat(this.jdbc.queryForList("SELECT price FROM cheap_item", String.class)).containsExactly("1.50");
		assertThat(changed.history()).extracting(HistoryEntry::revision, HistoryEntry::action)
			.containsExactly(tuple("V1", Action.UPGRADE), tuple("R__item_views", Action.UPGRADE),
					tuple("R__price_function", Action.UPGRADE), tuple("R__item_views", Action.UPGRADE));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM migration_history_state", Integer.class))
			.isEqualTo(3);
		assertThat(changed.pending("heads")).isEmpty();
	}

	@Test
	void anUpgradeToARevisionBeforeTheHeadsLeavesRepeatableScriptsForLater() {
		List<DeclaredRevision> revisions = new ArrayList<>(SqlRevisions.declare(load()));
		revisions.add(DeclaredRevision.of(new AddItemStock()));
		Migrator migrator = migrator(MigrationCatalog.ofDeclared(revisions));
		assertThat(migrator.upgrade("V1").steps()).extracting(AppliedStep::revision).containsExactly("V1");
		assertThat(migrator.pending("heads")).extracting(DeclaredRevision::id)
			.containsExactly("j2", "R__item_views", "R__price_function");
	}

	@Test
	void repeatableScriptsWaitWhileARevisionWaitsForTheBackgroundRunWhichThenRunsThem() {
		Migrator migrator = withStockView("", new AddItemStockInTheBackground());
		RunResult startup = migrator.upgrade("heads", RunScope.STARTUP);
		assertThat(startup.steps()).extracting(AppliedStep::revision).containsExactly("V1");
		assertThat(startup.waiting()).extracting((wait) -> wait.revision().id(), (wait) -> wait.describe())
			.containsExactly(tuple("j2", "runs in the background once the application is ready"),
					tuple("R__item_views", "waits for j2"), tuple("R__price_function", "waits for j2"),
					tuple("R__stock_view", "waits for j2"));
		assertThat(migrator.upgrade("heads").steps()).extracting(AppliedStep::revision)
			.containsExactly("j2", "R__item_views", "R__price_function", "R__stock_view");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM item_stock", Integer.class)).isEqualTo(2);
	}

	@Test
	void repeatableScriptsDoNotWaitForAReleaseUnlessTheyDependOnTheReleasedRevision() {
		Migrator migrator = withStockView("-- depends-on: j2\n", new AddItemStockOnceReleased());
		RunResult first = migrator.upgrade("heads");
		assertThat(first.steps()).extracting(AppliedStep::revision)
			.containsExactly("V1", "R__item_views", "R__price_function");
		assertThat(first.waiting()).extracting((wait) -> wait.revision().id(), (wait) -> wait.describe())
			.containsExactly(tuple("j2", "awaits release"), tuple("R__stock_view", "waits for j2"));
		assertThat(migrator.withRelease(Release.everything()).upgrade("heads").steps())
			.extracting(AppliedStep::revision)
			.containsExactly("j2", "R__stock_view");
	}

	@Test
	void repeatableScriptsRunInTheOrderOfTheirDescriptionsAsFlywayRunsThem() {
		List<DeclaredRevision> revisions = SqlRevisions.declare(List.of(
				new SqlScript("classpath:db/R__report2_summary.sql", "R__report2_summary.sql",
						"CREATE VIEW report2_summary AS SELECT count(*) FROM report_base;"),
				new SqlScript("classpath:db/R__report_base.sql", "R__report_base.sql",
						"CREATE VIEW report_base AS SELECT 1 AS one;")));
		assertThat(MigrationCatalog.ofDeclared(revisions).repeatables()).extracting(DeclaredRevision::id)
			.containsExactly("R__report_base", "R__report2_summary");
		assertThat(migrator(MigrationCatalog.ofDeclared(revisions)).upgrade("heads").steps()).hasSize(2);
	}

	@Test
	void repeatableScriptsAloneNeedNoVersionedRevision() {
		Migrator migrator = migrator(List.of(new SqlScript("filesystem:db/R__now.sql", "R__now.sql",
				"CREATE OR REPLACE FUNCTION now_utc() RETURNS timestamp LANGUAGE sql AS $$ SELECT now() AT TIME ZONE 'UTC' $$;")));
		assertThat(migrator.upgrade("heads").steps()).extracting(AppliedStep::revision).containsExactly("R__now");
		assertThat(migrator.current()).isEmpty();
		assertThat(migrator.upgrade("heads").steps()).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT now_utc() IS NOT NULL", Boolean.class)).isTrue();
	}

	@Test
	void aFileWithAByteOrderMarkRunsAndKeepsItsHeaders() {
		List<SqlScript> scripts = new ArrayList<>(load());
		scripts.add(new SqlScript("classpath:sql/repeat/R__later.sql", "R__later.sql",
				"\uFEFF-- stage: contract\nCREATE OR REPLACE VIEW later AS SELECT 1 AS one;\n"));
		scripts.add(new SqlScript("classpath:sql/repeat/V2__bom.sql", "V2__bom.sql",
				"\uFEFFCREATE TABLE bom (id int);\n"));
		Migrator migrator = migrator(scripts);
		RunResult result = migrator.upgrade("heads");
		assertThat(result.steps()).extracting(AppliedStep::revision).contains("V2").doesNotContain("R__later");
		assertThat(result.waiting()).extracting((wait) -> wait.revision().id()).containsExactly("R__later");
	}

	@Test
	void aContractRepeatableScriptWaitsForItsReleaseByItsId() {
		List<SqlScript> scripts = new ArrayList<>(load());
		scripts.add(new SqlScript("classpath:sql/repeat/R__drop_legacy_view.sql", "R__drop_legacy_view.sql",
				"-- stage: contract\nDROP VIEW IF EXISTS legacy_item;\n"));
		Migrator migrator = migrator(scripts);
		RunResult first = migrator.upgrade("heads");
		assertThat(first.steps()).extracting(AppliedStep::revision)
			.containsExactly("V1", "R__item_views", "R__price_function");
		assertThat(first.waiting()).extracting((wait) -> wait.revision().id()).containsExactly("R__drop_legacy_view");
		assertThat(migrator.withRelease(Release.of(List.of("R__drop_legacy_view"))).upgrade("heads").steps())
			.extracting(AppliedStep::revision)
			.containsExactly("R__drop_legacy_view");
	}

	@Test
	void aFailingRepeatableScriptRollsBackAndKeepsItsLastGoodChecksum() {
		migrator(load()).upgrade("heads");
		List<SqlScript> broken = replaceViews("CREATE OR REPLACE VIEW cheap_item AS SELECT id, colour FROM item;\n");
		assertThatExceptionOfType(MigrationRunException.class).isThrownBy(() -> migrator(broken).upgrade("heads"))
			.withMessageContaining("R__item_views")
			.withMessageContaining("colour");
		assertThat(this.jdbc.queryForList("SELECT name FROM cheap_item", String.class)).containsExactly("pen");
		assertThat(migrator(broken).pending("heads")).extracting(DeclaredRevision::id)
			.containsExactly("R__item_views");
	}

	@Test
	void aDowngradeRevertsNoRepeatableScriptButTheNextUpgradeToTheHeadsRunsThemAgain() {
		List<DeclaredRevision> revisions = new ArrayList<>(SqlRevisions.declare(load()));
		revisions.add(DeclaredRevision.of(new AddItemStock()));
		Migrator migrator = migrator(MigrationCatalog.ofDeclared(revisions));
		migrator.upgrade("heads");
		RunResult down = migrator.downgrade("-1");
		assertThat(down.steps()).extracting(AppliedStep::revision).containsExactly("j2");
		assertThat(this.jdbc.queryForList("SELECT name FROM cheap_item", String.class)).containsExactly("pen");
		// what a reverted revision dropped may have taken a view along: every repeatable script runs again
		this.jdbc.execute("DROP VIEW cheap_item");
		assertThat(migrator.upgrade("heads").steps()).extracting(AppliedStep::revision)
			.containsExactly("j2", "R__item_views", "R__price_function");
		assertThat(this.jdbc.queryForList("SELECT name FROM cheap_item", String.class)).containsExactly("pen");
		assertThat(migrator.upgrade("heads").steps()).isEmpty();
	}

	@Test
	void aRemovedRepeatableScriptThatRanIsAnUnknownRevision() {
		migrator(load()).upgrade("heads");
		List<SqlScript> withoutViews = load().stream().filter((script) -> !script.fileName().equals(VIEWS)).toList();
		assertThatExceptionOfType(UnknownAppliedRevisionException.class)
			.isThrownBy(() -> migrator(withoutViews).upgrade("heads"))
			.withMessageContaining("repeatable script(s) [R__item_views]")
			.withMessageContaining("files are gone")
			.withMessageContaining("delete its row from migration_history_state")
			.withMessageNotContaining("newer version");
	}

	@Test
	void theOfflineScriptAppliesEveryRepeatableScriptAfterTheVersionedOnes() {
		String script = migrator(load()).upgradeSql("base", "heads");
		assertThat(script.indexOf("CREATE TABLE item")).isLessThan(script.indexOf("CREATE OR REPLACE VIEW cheap_item"));
		assertThat(script).contains("ON CONFLICT (revision) DO UPDATE SET checksum = EXCLUDED.checksum")
			.contains("-- Running repeatable R__item_views: item views");
		this.jdbc.execute(script);
		assertThat(migrator(load()).pending("heads")).isEmpty();
		assertThat(this.jdbc.queryForList("SELECT name FROM cheap_item", String.class)).containsExactly("pen");
	}

	@Test
	void aRepeatableScriptIsNeverReverted() {
		DeclaredRevision views = SqlRevisions.declare(load()).stream()
			.filter(DeclaredRevision::repeatable)
			.findFirst()
			.orElseThrow();
		assertThat(views.id()).isEqualTo("R__item_views");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> views.migration().downgrade(null))
			.withMessageContaining("repeatable script: it is never reverted");
	}

	/** The files of sql/repeat, a repeatable view of the stock column, and the revision that adds it. */
	private Migrator withStockView(String header, Migration addStock) {
		List<SqlScript> scripts = new ArrayList<>(load());
		scripts.add(new SqlScript("classpath:sql/repeat/R__stock_view.sql", "R__stock_view.sql",
				header + "CREATE OR REPLACE VIEW item_stock AS SELECT id, stock FROM item;\n"));
		List<DeclaredRevision> revisions = new ArrayList<>(SqlRevisions.declare(scripts));
		revisions.add(DeclaredRevision.of(addStock));
		return migrator(MigrationCatalog.ofDeclared(revisions));
	}

	private List<SqlScript> withChangedViews() {
		return replaceViews("-- re-created whenever this file changes, after the versioned files\n" + CHANGED_VIEW);
	}

	private static List<SqlScript> replaceViews(String text) {
		List<SqlScript> scripts = new ArrayList<>(load().stream().filter((script) -> !script.fileName().equals(VIEWS))
			.toList());
		scripts.add(new SqlScript("classpath:sql/repeat/" + VIEWS, VIEWS, text));
		return scripts;
	}

	private Migrator migrator(List<SqlScript> scripts) {
		return migrator(MigrationCatalog.ofDeclared(SqlRevisions.declare(scripts)));
	}

	private Migrator migrator(MigrationCatalog catalog) {
		return new Migrator(this.dataSource, catalog, new PostgresDialect(), RunSettings.defaults());
	}

	private static List<SqlScript> load() {
		return SqlScriptLocations.load(List.of("classpath:sql/repeat"),
				RepeatableSqlMigrationsTests.class.getClassLoader());
	}

	@Revision(id = "j2", revises = "V1", message = "item stock")
	static class AddItemStock implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("ALTER TABLE item ADD COLUMN stock integer NOT NULL DEFAULT 0");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("ALTER TABLE item DROP COLUMN stock");
		}

	}

	@Revision(id = "j2", revises = "V1", message = "item stock, in the background", stage = Stage.BACKGROUND)
	static class AddItemStockInTheBackground extends AddItemStock {

	}

	@Revision(id = "j2", revises = "V1", message = "item stock, once released", stage = Stage.CONTRACT)
	static class AddItemStockOnceReleased extends AddItemStock {

	}

}
