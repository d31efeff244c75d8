package dev.migration.autoconfigure.command;

import java.nio.file.Files;
import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.core.AllowUnsafe;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest(emptyBeforeEach = true)
class MigrationCommandAutoConfigurationTests {

	private final JdbcTemplate jdbc;

	private final TestDatabase database;

	private final ApplicationContextRunner withoutRevisions;

	private final ApplicationContextRunner contextRunner;

	MigrationCommandAutoConfigurationTests(TestDatabase database) {
		this.jdbc = new JdbcTemplate(database.dataSource());
		this.database = database;
		this.withoutRevisions = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					MigrationAutoConfiguration.class, MigrationCommandAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password());
		this.contextRunner = this.withoutRevisions.withBean(CommandRevisions.CreateItem.class)
			.withBean(CommandRevisions.AddPrice.class)
			.withBean(CommandRevisions.SeedItems.class);
	}

	@Test
	void backsOffWithoutACommand() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MigrationCommandRunner.class)
			.doesNotHaveBean(MigrationCommands.class));
	}

	@Test
	void upgradeAppliesWhatIsPendingAndPrintsEachRevision() {
		CapturedCommand result = run("upgrade");
		assertThat(result.exitCode()).isZero();
		assertThat(result.err()).isEmpty();
		assertThat(result.out()).startsWith("Upgraded <base> -> c3: 3 revision(s) in ")
			.containsPattern("(?m)^REVISION +MESSAGE +DURATION +RETRIES$")
			.containsPattern("(?m)^a1 +create item +\\d+ ms +0$")
			.containsPattern("(?m)^c3 +seed items +\\d+ ms +0$");
		assertThat(this.jdbc.queryForObject("SELECT price FROM item", Integer.class)).isEqualTo(2);
	}

	@Test
	void upgradeLeavesAContractRevisionWaitingUntilReleased() {
		ApplicationContextRunner withContract = this.contextRunner.withBean(CommandRevisions.ClearNames.class);
		CapturedCommand first = run(withContract, "upgrade", "heads");
		assertThat(first.exitCode()).isZero();
		assertThat(first.out()).startsWith("Upgraded <base> -> c3: 3 revision(s)")
			.contains("1 revision(s) wait; release contract revisions with --migrations.release=<id>:")
			.containsPattern("(?m)^d4 +clear seed names +contract +awaits release$");
		CapturedCommand released = run(withContract, "upgrade", "heads", "migrations.release=d4");
		assertThat(released.out()).startsWith("Upgraded c3 -> d4: 1 revision(s)");
		assertThat(this.jdbc.queryForObject("SELECT name FROM item", String.class)).isEmpty();
	}

	@Test
	void adoptMarksWhatFlywayAppliedWithoutRunningItAndSaysSoOnce() {
		Flyway.configure()
			.dataSource(this.database.url(), this.database.user(), this.database.password())
			.locations("classpath:sql/flyway-clash")
			.load()
			.migrate();
		CapturedCommand adopted = run("adopt", "heads", "migrations.locations=classpath:sql/flyway-clash");
		assertThat(adopted.exitCode()).isZero();
		assertThat(adopted.out()).startsWith("Stamped <base> -> V1: 1 revision(s) marked without running them");
		CapturedCommand again = run("adopt", "heads", "migrations.locations=classpath:sql/flyway-clash");
		assertThat(again.out()).startsWith("Nothing to adopt");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history", Integer.class)).isOne();
	}

	@Test
	void upgradeWithNothingPendingSaysSo() {
		run("upgrade");
		CapturedCommand result = run("upgrade");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("Nothing to upgrade: the database is at c3.\n");
	}

	@Test
	void upgradeStopsAtTheTarget() {
		CapturedCommand result = run("upgrade", "b2");
		assertThat(result.out()).startsWith("Upgraded <base> -> b2: 2 revision(s)");
		assertThat(run("current").out()).isEqualTo("b2\n");
	}

	@Test
	void upgradeToAnUnknownRevisionIsAUsageErrorWithTheEnginesReasonOnOneLine() {
		CapturedCommand result = run("upgrade", "zz9");
		assertThat(result.exitCode()).as("2: it cannot run as given").isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("upgrade cannot run as given: ").contains("zz9").endsWith("\n");
		assertThat(result.err().lines()).hasSize(1);
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('item')", String.class)).isNull();
	}

	@Test
	void downgradeRefusesToRunWithoutAnExplicitTarget() {
		run("upgrade");
		CapturedCommand result = run("downgrade");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("downgrade needs an explicit target: set --migrations.target");
		assertThat(run("current").out()).isEqualTo("c3\n");
	}

	@Test
	void downgradeRevertsDownToTheTarget() {
		run("upgrade");
		CapturedCommand result = run("downgrade", "a1");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("Downgraded c3 -> a1: 2 revision(s)")
			.containsPattern("(?m)^c3 +seed items ")
			.containsPattern("(?m)^b2 +add item price ");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM item", Integer.class)).isZero();
	}

	@Test
	void currentPrintsBaseForAnEmptyDatabaseWithoutMigratingIt() {
		CapturedCommand result = run("current");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("<base>\n");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('item')", String.class)).isNull();
	}

	@Test
	void headsPrintsTheHeadsOfTheCode() {
		CapturedCommand result = run("heads");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("c3\n");
	}

	@Test
	void historyPrintsATableOfEveryStep() {
		run("upgrade", "b2");
		run("downgrade", "a1");
		CapturedCommand result = run("history");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out().lines()).hasSize(4);
		assertThat(result.out())
			.containsPattern("(?m)^REVISION +MESSAGE +APPLIED AT +DURATION +ACTION +OUTCOME$")
			.containsPattern("(?m)^a1 +create item +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d\\d:\\d\\d +\\d+ ms +upgrade +success$")
			.containsPattern("(?m)^b2 +add item price +.+ +downgrade +success$");
	}

	@Test
	void historyOfAnEmptyDatabaseSaysThereIsNone() {
		CapturedCommand result = run("history");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("No history");
	}

	@Test
	void pendingPrintsATableOfWhatAnUpgradeWouldApply() {
		run("upgrade", "a1");
		CapturedCommand result = run("pending");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("""
				REVISION  MESSAGE         STAGE    WAITING
				b2        add item price  startup
				c3        seed items      startup
				""");
	}

	@Test
	void sqlPrintsTheUpgradeScriptFromBaseWithoutConnecting() {
		CapturedCommand result = runWithoutDatabase("sql");
		assertThat(result.exitCode()).isZero();
		assertThat(result.err()).isEmpty();
		assertThat(result.out()).contains("CREATE TABLE item (", "ADD COLUMN price", "'pen'");
	}

	@Test
	void sqlPrintsOnlyTheRevisionsInsideTheRange() {
		CapturedCommand result = runWithoutDatabase("sql", "a1:c3");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("ADD COLUMN price", "'pen'").doesNotContain("CREATE TABLE item");
	}

	@Test
	void sqlPrintsADowngradeScriptWhenTheRangeGoesDown() {
		CapturedCommand result = runWithoutDatabase("sql", "heads:base");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("downgrade").contains("DROP TABLE").contains("DELETE FROM item");
		assertThat(result.out().indexOf("DELETE FROM item")).isLessThan(result.out().indexOf("DROP TABLE"));
	}

	@Test
	void sqlRejectsARangeWithAnEmptySide() {
		CapturedCommand result = runWithoutDatabase("sql", "a1:");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("sql needs migrations.target as 'from:to'");
	}

	@Test
	void stampMarksTheTargetWithoutRunningTheMigrations() {
		CapturedCommand result = run("stamp", "b2");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("Stamped <base> -> b2: 2 revision(s) marked without running them")
			.containsPattern("(?m)^b2 +add item price +applied$");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('item')", String.class)).isNull();
		assertThat(run("current").out()).isEqualTo("b2\n");
	}

	@Test
	void checkPassesWhenTheDatabaseIsAtHeads() {
		run("upgrade");
		CapturedCommand result = run("check");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("OK: the database is at heads (c3) and matches the code.\n");
	}

	@Test
	void checkFailsListingThePendingRevisions() {
		run("upgrade", "a1");
		CapturedCommand result = run("check");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("check failed: 2 revision(s) pending: b2, c3.\n");
	}

	@Test
	void checkFailsListingAppliedRevisionsTheCodeDoesNotDeclare() {
		run("upgrade");
		ApplicationContextRunner withoutC3 = this.withoutRevisions.withBean(CommandRevisions.CreateItem.class)
			.withBean(CommandRevisions.AddPrice.class);
		CapturedCommand result = run(withoutC3, "check", "heads");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("applied revision(s) the code does not declare: c3");
	}

	@Test
	void lintPassesWhenNoRevisionHasErrors() {
		CapturedCommand result = run("lint");
		assertThat(result.exitCode()).isEqualTo(0);
		assertThat(result.out()).endsWith("0 errors, 0 warnings, 0 suppressed, 0 not checked\n");
	}

	@Test
	void lintFailsOnAStatementItCannotJudgeUnlessAcceptedOrRelaxedToAWarning() {
		ApplicationContextRunner withLowerNames = this.withoutRevisions.withBean(CommandRevisions.CreateItem.class)
			.withBean(LowerItemNames.class);
		CapturedCommand failed = run(withLowerNames, "lint", "heads");
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(failed.out()).contains("ERROR not-checked in s5", "DO $$ BEGIN EXECUTE 'UPDATE item");
		assertThat(failed.err()).contains("1 of them statement(s) the linter could not judge")
			.contains("migrations.lint-not-checked=warn");
		CapturedCommand warned = run(withLowerNames, "lint", "heads", "migrations.lint-not-checked=warn");
		assertThat(warned.exitCode()).isZero();
		assertThat(warned.out()).contains("WARNING not-checked in s5");
		CapturedCommand accepted = run(this.withoutRevisions.withBean(CommandRevisions.CreateItem.class)
			.withBean(ReviewedLowerItemNames.class), "lint", "heads");
		assertThat(accepted.exitCode()).isZero();
		assertThat(accepted.out()).contains("SUPPRESSED not-checked in s5", "reason: reviewed by hand");
	}

	@Revision(id = "s5", revises = "a1", message = "lower-case item names")
	static class LowerItemNames implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("DO $$ BEGIN EXECUTE 'UPDATE item SET name = ' || quote_literal('x'); END $$", "SELECT 1");
		}

	}

	@Revision(id = "s5", revises = "a1", message = "lower-case item names")
	@AllowUnsafe(rule = "not-checked", reason = "reviewed by hand")
	static class ReviewedLowerItemNames extends LowerItemNames {

	}

	@Test
	void traceReplaysTheRevisionsOnAScratchDatabaseAndPrintsWhatPostgresDidBesideTheFindings() {
		CapturedCommand result = run("trace");
		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).startsWith("Tracing on database ")
			.contains("a1 (create item): 1 statement(s)", "takes ACCESS EXCLUSIVE on public.item",
					"b2 (add item price): 1 statement(s); seeded public.item (1000 rows)",
					"blocked public.item: writes blocked",
					"3 revision(s), 3 statement(s) traced");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_class WHERE relname = 'item'", Integer.class))
			.as("the application's database is never traced on").isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_database WHERE datname LIKE '%migration\\_trace%'",
				Integer.class))
			.as("the scratch database is dropped").isZero();
	}

	@Test
	void traceFailsOnWhatPostgresDidThatTheLinterCouldNotReadUntilItIsAccepted() {
		CapturedCommand failed = run(this.contextRunner.withBean(WidenPriceAtRunTime.class), "trace", "heads");
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(failed.out()).contains("MISSED by lint: a rewrite of an existing table");
		assertThat(failed.err()).startsWith("trace found 1 problem(s): revision w4 (widen price at run time)")
			.contains("@AllowUnsafe(rule = \"not-checked\"");
		CapturedCommand accepted = run(this.contextRunner.withBean(ReviewedWidenPriceAtRunTime.class), "trace", "heads");
		assertThat(accepted.exitCode()).as(accepted.err()).isZero();
		assertThat(accepted.out()).contains("lint not-checked (accepted: a rewrite, reviewed)");
	}

	@Test
	void traceMakesItsScratchDatabaseOnTheServerOfTheTraceUrlAndSaysWhenTheUserMayNotCreateOne() {
		this.jdbc.execute("DROP ROLE IF EXISTS trace_user");
		this.jdbc.execute("CREATE ROLE trace_user LOGIN PASSWORD 'trace-secret-1'");
		try {
			String[] url = { "migrations.trace.url=" + this.database.url(), "migrations.trace.username=trace_user",
					"migrations.trace.password=trace-secret-1" };
			CapturedCommand refused = run("trace", "heads", url);
			assertThat(refused.exitCode()).isEqualTo(1);
			assertThat(refused.err()).contains("'trace_user' needs the CREATEDB privilege", "migrations.trace.url")
				.doesNotContain("trace-secret-1");
			this.jdbc.execute("ALTER ROLE trace_user CREATEDB");
			CapturedCommand traced = run("trace", "heads", url);
			assertThat(traced.exitCode()).as(traced.err()).isZero();
			assertThat(traced.out()).contains("on the server of migrations.trace.url", "3 revision(s)")
				.doesNotContain("trace-secret-1");
			assertThat(this.jdbc.queryForObject(
					"SELECT count(*) FROM pg_database WHERE datname LIKE 'migration\\_trace%'", Integer.class))
				.isZero();
		}
		finally {
			this.jdbc.execute("DROP ROLE trace_user");
		}
	}

	@Revision(id = "w4", revises = "c3", message = "widen price at run time")
	static class WidenPriceAtRunTime implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("DO $$ BEGIN EXECUTE 'ALTER TABLE item ALTER COLUMN price TYPE ' || 'bigint'; END $$",
					"ALTER TABLE item ALTER COLUMN price TYPE integer");
		}

	}

	@Revision(id = "w4", revises = "c3", message = "widen price at run time")
	@AllowUnsafe(rule = "not-checked", reason = "a rewrite, reviewed")
	static class ReviewedWidenPriceAtRunTime extends WidenPriceAtRunTime {

	}

	@Test
	void lintJudgesWhatACallbackRunsAsItJudgesARevision() {
		CapturedCommand result = run(this.withoutRevisions, "lint", "heads",
				"migrations.locations=classpath:sql/callbacks-unsafe");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).contains("ERROR drop-table in afterMigrate__drop_note.sql");
	}

	@Test
	void lintFailsNamingTheRuleAndRevision() {
		ApplicationContextRunner withDrop = this.withoutRevisions.withBean(CommandRevisions.CreateItem.class)
			.withBean(DropItem.class);
		CapturedCommand result = run(withDrop, "lint", "heads");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).contains("ERROR drop-table in d4", "DROP TABLE");
		assertThat(result.err()).startsWith("lint failed: 1 error(s).");
	}

	@Test
	void upgradeRefusesRevisionsWithLintErrorsBeforeRunningAny() {
		ApplicationContextRunner created = this.withoutRevisions.withBean(CommandRevisions.CreateItem.class);
		assertThat(run(created, "upgrade", "heads").exitCode()).isZero();
		CapturedCommand result = run(created.withBean(DropItem.class), "upgrade", "heads");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("upgrade failed: Nothing was run: 1 lint error(s)");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('item')", String.class)).isEqualTo("item");
	}

	@Test
	void revisionWritesANewRevisionClassThatRevisesTheHeadWithoutTouchingTheDatabase(@TempDir Path project)
			throws Exception {
		CapturedCommand result = runWithoutDatabase("revision", "heads", "migrations.scaffold.directory=" + project,
				"migrations.scaffold.package-name=com.example.revisions", "migrations.scaffold.message=add item color");
		assertThat(result.exitCode()).isZero();
		Path file = project.resolve("src/main/java/com/example/revisions/AddItemColor.java");
		assertThat(result.out()).startsWith("Wrote revision ").endsWith(", revising c3, to " + file + "\n");
		assertThat(Files.readString(file)).contains("revises = \"c3\", message = \"add item color\")");
	}

	@Test
	void squashWritesOneClassReplacingTheHistoryFromAScratchDatabaseTouchingNeitherTheApplicationsDatabase(
			@TempDir Path project) throws Exception {
		CapturedCommand result = run("squash", "heads", "migrations.scaffold.directory=" + project,
				"migrations.scaffold.package-name=com.example.revisions", "migrations.squash.id=sq3");
		assertThat(result.exitCode()).as(result.err()).isZero();
		Path file = project.resolve("src/main/java/com/example/revisions/SquashC3.java");
		assertThat(result.out()).startsWith("Squashing on database ")
			.contains("Wrote squash sq3, replacing 3 revision(s) up to c3, to " + file + "\n");
		assertThat(Files.readString(file)).contains("@Revision(id = \"sq3\"", "\"a1\", \"b2\", \"c3\" })",
				"op.execute(\"CREATE TABLE public.item (");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_class WHERE relname = 'item'", Integer.class))
			.as("the application's database is not upgraded").isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_database WHERE datname LIKE '%migration\\_trace%'",
				Integer.class)).as("the scratch database is dropped").isZero();
	}

	@Test
	void squashFromSomethingUnknownIsAUsageError(@TempDir Path project) {
		CapturedCommand result = run("squash", "heads", "migrations.scaffold.directory=" + project,
				"migrations.squash.from=flyway");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("migrations.squash.from 'flyway' names nothing to squash: use history");
	}

	@Test
	void mergeRefusesASingleHead(@TempDir Path project) {
		CapturedCommand result = runWithoutDatabase("merge", "heads", "migrations.scaffold.directory=" + project,
				"migrations.scaffold.package-name=com.example.revisions");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("There is nothing to merge: the revisions have 1 head(s) [c3].");
	}

	@Test
	void aSqlHeadGetsTheNextSqlFileAndTwoHeadsAMergeFileThatUpgradeRunsWithTheNextOne(@TempDir Path project)
			throws Exception {
		Path folder = Files.createDirectories(project.resolve("sql"));
		Files.writeString(folder.resolve("V1__add_item_color.sql"), "-- revises: b2\n"
				+ "ALTER TABLE item ADD COLUMN color text;\n");
		String directory = "migrations.scaffold.directory=" + project;
		String locations = "migrations.locations=file:" + folder;
		String message = "migrations.scaffold.message=add item size";
		CapturedCommand refused = runWithoutDatabase("revision", "heads", directory, locations, message);
		assertThat(refused.err()).contains("2 heads [V1, c3].\nAction: Write a merge revision first "
				+ "(migrations.command=merge)");
		CapturedCommand merged = runWithoutDatabase("merge", "heads", directory, locations);
		assertThat(merged.out()).isEqualTo("Wrote revision V2, revising V1, c3, to "
				+ folder.resolve("V2__merge_heads.sql") + "\n");
		CapturedCommand written = runWithoutDatabase("revision", "heads", directory, locations, message);
		Path file = folder.resolve("V3__add_item_size.sql");
		assertThat(written.out()).isEqualTo("Wrote revision V3, revising V2, to " + file + "\n");
		Files.writeString(file, Files.readString(file) + "ALTER TABLE item ADD COLUMN size integer;\n");
		assertThat(run("upgrade", "heads", locations).exitCode()).isZero();
		assertThat(this.jdbc.queryForList("SELECT column_name FROM information_schema.columns "
				+ "WHERE table_name = 'item' AND column_name IN ('color', 'size')", String.class)).hasSize(2);
		assertThat(run("heads", "heads", locations).out()).isEqualTo("V3\n");
	}

	@Revision(id = "d4", revises = "a1", message = "drop item")
	static class DropItem implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.dropTable("item");
		}

	}

	@Test
	void anUnknownCommandFailsListingTheValidOnes() {
		CapturedCommand result = run("migrate");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).isEqualTo("Unknown migrations.command 'migrate'; use one of: upgrade, downgrade, "
				+ "current, history, heads, pending, sql, lint, trace, stamp, adopt, repair, check, check-model, revision, merge, "
				+ "squash.\n");
	}

	@Test
	void aCommandFailsWhenMigrationsAreDisabled() {
		CapturedCommand result = run("current", "heads", "migrations.enabled=false");
		assertThat(result.exitCode()).isEqualTo(CommandExit.USAGE);
		assertThat(result.err()).startsWith("current cannot run as given: migrations are disabled");
	}

	@Test
	void aBrokenRevisionGraphFailsWithTheEnginesMessageRatherThanTheBeanCreationChain() {
		// command mode creates beans lazily, so the engine is only built when the command runs
		ApplicationContextRunner lazy = this.contextRunner.withBean(CommandRevisions.Orphan.class)
			.withInitializer((context) -> context.addBeanFactoryPostProcessor(
					new LazyInitializationBeanFactoryPostProcessor()));
		CapturedCommand result = run(lazy, "upgrade", "heads");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("upgrade failed: ").contains("x9").contains("missing")
			.doesNotContain("Error creating bean");
	}

	@Test
	void theContextIsClosedBeforeTheProcessExits() {
		this.contextRunner.withPropertyValues("migrations.command=heads")
			.withBean(CommandConsole.class, () -> new CapturedCommand().console())
			.withBean(ContextRecordingExit.class)
			.run((context) -> {
				ContextRecordingExit exit = context.getBean(ContextRecordingExit.class);
				context.getBean(MigrationCommandRunner.class).run();
				assertThat(exit.code).isZero();
				assertThat(exit.activeAtExit).isFalse();
			});
	}

	private CapturedCommand run(String command) {
		return run(command, "heads");
	}

	private CapturedCommand run(String command, String target, String... properties) {
		return run(this.contextRunner, command, target, properties);
	}

	private CapturedCommand runWithoutDatabase(String command, String... targetAndProperties) {
		// nothing listens on port 1: a command that connected would fail
		ApplicationContextRunner unreachable = this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere");
		String target = (targetAndProperties.length > 0) ? targetAndProperties[0] : "heads";
		String[] properties = (targetAndProperties.length > 1)
				? java.util.Arrays.copyOfRange(targetAndProperties, 1, targetAndProperties.length) : new String[0];
		return run(unreachable, command, target, properties);
	}

	private static CapturedCommand run(ApplicationContextRunner runner, String command, String target,
			String... properties) {
		CapturedCommand result = new CapturedCommand();
		runner.withPropertyValues("migrations.command=" + command, "migrations.target=" + target)
			.withPropertyValues(properties)
			.withBean(CommandConsole.class, result::console)
			.withBean(CommandExit.class, result::exit)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(MigrationCommandRunner.class).run();
			});
		return result;
	}

	/** Records whether the context was still active when the process was told to exit. */
	static class ContextRecordingExit implements CommandExit {

		private final ConfigurableApplicationContext context;

		Integer code;

		Boolean activeAtExit;

		ContextRecordingExit(ConfigurableApplicationContext context) {
			this.context = context;
		}

		@Override
		public void exit(int code) {
			this.code = code;
			this.activeAtExit = this.context.isActive();
		}

	}

}
