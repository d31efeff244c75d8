package dev.migration.autoconfigure.diagnostics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each failure a start can meet, provoked for real on PostgreSQL, as the failure analyzers
 * describe it: what happened, naming the revision, file, table or property, and what to do.
 */
@PostgresTest(emptyBeforeEach = true)
class MigrationFailureAnalyzersTests {

	private final TestDatabase database;

	private final JdbcTemplate jdbc;

	private final ApplicationContextRunner withoutRevisions;

	private final ApplicationContextRunner contextRunner;

	MigrationFailureAnalyzersTests(TestDatabase database) {
		this.database = database;
		this.jdbc = new JdbcTemplate(database.dataSource());
		this.withoutRevisions = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password());
		this.contextRunner = this.withoutRevisions.withBean(FailureRevisions.CreateWidget.class)
			.withBean(FailureRevisions.SeedWidget.class);
	}

	@Test
	void lintErrorsNameTheRuleTheRevisionAndTheSafeWay() {
		startsCleanly(this.contextRunner);
		ApplicationContextRunner unsafe = this.contextRunner.withBean(FailureRevisions.UnsafeIndex.class)
			.withPropertyValues("migrations.lint-small-table-rows=0");
		FailureAnalysis analysis = failedStart(unsafe);
		assertThat(analysis.getDescription()).startsWith("Nothing was run: 1 lint error(s) in the revisions to apply.")
			.contains("index-not-concurrent", "f3", "CREATE INDEX");
		assertThat(analysis.getAction()).contains("@AllowUnsafe(rule, reason)", "migrations.lint=warn")
			.doesNotContain("index-not-concurrent");
		startsCleanly(unsafe.withPropertyValues("migrations.lint=warn"));
	}

	@Test
	void aChangedAppliedRevisionIsListedWithBothChecksumsAndTheRepairCommand() {
		startsCleanly(this.contextRunner);
		ApplicationContextRunner changed = this.withoutRevisions.withBean(FailureRevisions.CreateWidget.class)
			.withBean(FailureRevisions.ChangedSeedWidget.class);
		FailureAnalysis analysis = failedStart(changed);
		assertThat(analysis.getDescription()).startsWith("The code of applied revision(s) changed since they ran:\n")
			.containsPattern("  f2: applied with checksum \\S+, code now has \\S+");
		assertThat(analysis.getAction()).contains("--migrations.command=repair", "migrations.checksum-policy=warn");
		startsCleanly(changed.withPropertyValues("migrations.checksum-policy=warn"));
	}

	@Test
	void aCycleNamesItsRevisions() {
		FailureAnalysis analysis = failedStart(
				this.contextRunner.withBean(FailureRevisions.LoopOne.class).withBean(FailureRevisions.LoopTwo.class));
		assertThat(analysis.getDescription()).contains("cycle", "c1", "c2");
		assertThat(analysis.getAction()).startsWith("Correct the revises or dependsOn attribute");
	}

	@Test
	void aMissingParentNamesTheRevisionAndTheIdNobodyDeclares() {
		FailureAnalysis analysis = failedStart(this.contextRunner.withBean(FailureRevisions.Orphan.class));
		assertThat(analysis.getDescription()).isEqualTo("Revision 'o1' revises 'gone', which no migration declares.");
		assertThat(analysis.getAction()).isEqualTo("Add the missing revision or correct the revises attribute of 'o1'.");
	}

	@Test
	void severalHeadsForATargetOfOneNameTheHeadsAndTheTargets() {
		ApplicationContextRunner branched = this.withoutRevisions.withBean(FailureRevisions.CreateWidget.class)
			.withBean(FailureRevisions.BranchOne.class)
			.withBean(FailureRevisions.BranchTwo.class);
		FailureAnalysis analysis = failedStart(branched.withPropertyValues("migrations.target=head"));
		assertThat(analysis.getDescription()).contains("'head' needs a single head", "'b1'", "'b2'");
		assertThat(analysis.getAction()).contains("target 'heads'", "merges them");
		startsCleanly(branched.withPropertyValues("migrations.target=heads"));
	}

	@Test
	void aMigrationWithoutRevisionNamesItsClass() {
		FailureAnalysis analysis = failedStart(this.contextRunner.withBean(FailureRevisions.Unannotated.class));
		assertThat(analysis.getDescription()).contains(FailureRevisions.Unannotated.class.getName(),
				"no @Revision annotation");
		assertThat(analysis.getAction()).contains("@Revision");
	}

	@Test
	void aSqlFileWhoseNameDoesNotParseNamesTheFileAndTheNameItNeeds() {
		FailureAnalysis analysis = failedStart(
				this.withoutRevisions.withPropertyValues("migrations.locations=classpath:sql/bad"));
		assertThat(analysis.getDescription()).contains("classpath:sql/bad/V1_create_thing.sql",
				"V<version>__<description>.sql");
		assertThat(analysis.getAction()).startsWith("Rename it").contains("migrations.ignore-files");
	}

	@Test
	void aFailedStatementNamesTheRevisionTheSqlStateAndWhatWasKept() {
		startsCleanly(this.contextRunner);
		FailureAnalysis analysis = failedStart(this.contextRunner.withBean(FailureRevisions.BrokenStatement.class));
		assertThat(analysis.getDescription()).startsWith("The upgrade stopped after 0 of 1 revision(s).")
			.contains("revision 'f3'", "SQLSTATE 22P02", "ALTER TABLE widget ADD COLUMN price",
					"nothing of this revision was applied");
		assertThat(analysis.getAction()).isEqualTo("Fix revision 'f3' (the statement above) and start again; the "
				+ "revisions completed before it stay applied.");
	}

	@Test
	void aLockHeldByAnotherRunNamesTheHolderAndTheWaitProperty() throws Exception {
		startsCleanly(this.contextRunner);
		List<dev.migration.core.Migration> slow = List.of(new FailureRevisions.CreateWidget(),
				new FailureRevisions.SeedWidget(), new FailureRevisions.Slow());
		CompletableFuture<?> holder = CompletableFuture.runAsync(
				() -> Migrator.create(this.database.dataSource(), slow, RunSettings.defaults()).upgrade("heads"));
		awaitSleepingRun();
		FailureAnalysis analysis = failedStart(this.contextRunner.withBean(FailureRevisions.Slow.class)
			.withPropertyValues("migrations.lock-wait=200ms"));
		assertThat(analysis.getDescription()).contains("Another migration run holds the lock on", "migration_history",
				"nothing was changed");
		assertThat(analysis.getAction()).contains("migrations.lock-wait");
		holder.get(30, TimeUnit.SECONDS);
	}

	@Test
	void flywayOnTheSameFilesNamesBothSettings() {
		ApplicationContextRunner both = this.withoutRevisions
			.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
			.withPropertyValues("migrations.locations=classpath:sql/flyway-clash",
					"spring.flyway.locations=classpath:/sql/flyway-clash/");
		FailureAnalysis analysis = failedStart(both);
		assertThat(analysis.getDescription()).contains("Flyway is configured in this application too",
				"classpath:sql/flyway-clash");
		assertThat(analysis.getAction()).contains("spring.flyway.enabled=false");
		startsCleanly(both.withPropertyValues("spring.flyway.enabled=false"));
	}

	@Test
	void aFlywayHistoryWithAFileNoLocationDeclaresNamesTheFile() {
		Flyway.configure()
			.dataSource(this.database.dataSource())
			.locations("classpath:sql/flyway-clash")
			.load()
			.migrate();
		FailureAnalysis analysis = failedStart(
				this.withoutRevisions.withPropertyValues("migrations.locations=classpath:sql/after-clash"));
		assertThat(analysis.getDescription()).contains("flyway_schema_history", "no file of migrations.locations",
				"V1");
		assertThat(analysis.getAction()).startsWith("Put the file there").contains("nothing was changed");
	}

	@Test
	void appliedRevisionsTheCodeDoesNotDeclareAreNamedWithThePolicyProperty() {
		startsCleanly(this.contextRunner);
		ApplicationContextRunner older = this.withoutRevisions.withBean(FailureRevisions.CreateWidget.class);
		FailureAnalysis analysis = failedStart(older);
		assertThat(analysis.getDescription()).contains("[f2]", "newer version of the application");
		assertThat(analysis.getAction()).contains("migrations.unknown-revision-policy=ignore");
		startsCleanly(older.withPropertyValues("migrations.unknown-revision-policy=ignore"));
	}

	@Test
	void aStateTableChangedByHandNamesTheRevisionAndTheStampCommand() {
		startsCleanly(this.contextRunner);
		this.jdbc.update("DELETE FROM migration_history_state WHERE revision = 'f1'");
		FailureAnalysis analysis = failedStart(this.contextRunner);
		assertThat(analysis.getDescription()).startsWith("The history state is inconsistent").contains("'f2'");
		assertThat(analysis.getAction()).contains("--migrations.command=stamp --migrations.target=<revision>");
	}

	@Test
	void tablesWithoutAHistoryAreNamedWithTheBaselineProperty() {
		this.jdbc.execute("CREATE TABLE widget (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text)");
		FailureAnalysis analysis = failedStart(this.contextRunner);
		assertThat(analysis.getDescription()).contains("1 table(s) (public.widget)", "no migration history");
		assertThat(analysis.getAction()).contains("--migrations.command=stamp --migrations.target=<revision>",
				"migrations.baseline-on-migrate=<revision>");
		startsCleanly(this.contextRunner.withPropertyValues("migrations.baseline-on-migrate=f1"));
		assertThat(this.jdbc.queryForObject("SELECT name FROM widget", String.class)).isEqualTo("cog");
	}

	private void awaitSleepingRun() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			Integer sleeping = this.jdbc.queryForObject(
					"SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(3)%'", Integer.class);
			if (sleeping != null && sleeping > 0) {
				return;
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("The run holding the lock did not start its slow step");
	}

	@Test
	void aDatabasePartwayThroughASquashedHistoryNamesWhatItLacksAndTheReleaseToUpgradeWith() {
		startsCleanly(this.withoutRevisions.withBean(FailureRevisions.CreateWidget.class));
		ApplicationContextRunner squashed = this.withoutRevisions.withBean(FailureRevisions.SquashWidget.class);
		FailureAnalysis analysis = failedStart(squashed);
		assertThat(analysis.getDescription()).contains("s9", "f2");
		assertThat(analysis.getAction()).isNotBlank();
		assertThat(analysis.getDescription() + analysis.getAction()).containsIgnoringCase("upgrade");
		// the advice: upgrade with the release that still has the replaced revisions, then take the squash
		startsCleanly(this.contextRunner);
		startsCleanly(squashed);
	}

	@Test
	void unmergedHeadsRefusedByTheSettingNameTheHeadsAndTheMergeCommand() {
		ApplicationContextRunner branched = this.withoutRevisions.withBean(FailureRevisions.CreateWidget.class)
			.withBean(FailureRevisions.BranchOne.class)
			.withBean(FailureRevisions.BranchTwo.class)
			.withPropertyValues("migrations.unmerged-heads=fail");
		FailureAnalysis analysis = failedStart(branched);
		assertThat(analysis.getDescription()).contains("2 heads (b1, b2)");
		assertThat(analysis.getDescription() + analysis.getAction()).contains("--migrations.command=merge",
				"migrations.unmerged-heads=warn");
		startsCleanly(branched.withPropertyValues("migrations.unmerged-heads=warn"));
	}

	static void startsCleanly(ApplicationContextRunner runner) {
		runner.run((context) -> assertThat(context).hasNotFailed());
	}

	static FailureAnalysis failedStart(ApplicationContextRunner runner) {
		AtomicReference<FailureAnalysis> analysis = new AtomicReference<>();
		runner.run((context) -> {
			assertThat(context).hasFailed();
			// the failed context cannot be asked for its beans or properties any more
			analysis.set(FailureAnalyses.analyze(context.getStartupFailure(), new DefaultListableBeanFactory(),
					new StandardEnvironment()));
		});
		return analysis.get();
	}

}
