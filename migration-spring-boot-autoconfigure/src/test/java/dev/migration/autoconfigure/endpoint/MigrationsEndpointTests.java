package dev.migration.autoconfigure.endpoint;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.autoconfigure.MigrationRuns;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.Attempt;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.HistoryDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.MigrationsDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.PendingDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.RevisionDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.RunDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.StepDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.UnfinishedDescriptor;
import dev.migration.core.SecretText;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunResult;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@PostgresTest(emptyBeforeEach = true)
class MigrationsEndpointTests {

	private final TestDatabase database;

	private final ApplicationContextRunner contextRunner;

	MigrationsEndpointTests(TestDatabase database) {
		this.database = database;
		this.contextRunner = EndpointContexts.runner(database)
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.withBean(TestMigrations.CreateGreeting.class)
			.withBean(TestMigrations.SeedGreeting.class);
	}

	@Test
	void beforeAnyRunEveryRevisionIsPendingInOrder() {
		this.contextRunner.run((context) -> {
			MigrationsDescriptor migrations = context.getBean(MigrationsEndpoint.class).migrations();
			assertThat(migrations.status()).isEqualTo(MigrationStatus.PENDING);
			assertThat(migrations.current()).isEmpty();
			assertThat(migrations.heads()).containsExactly("1001bb");
			assertThat(migrations.pending()).containsExactly(new PendingDescriptor("1000aa", "create greeting", "startup", null, List.of()),
					new PendingDescriptor("1001bb", "seed greeting", "startup", null, List.of()));
			assertThat(migrations.history()).isEmpty();
			assertThat(migrations.lastRun()).isNull();
		});
	}

	@Test
	void sqlCallbacksRunAtEveryUpgradeAndAreShown() {
		this.contextRunner.withPropertyValues("migrations.locations=classpath:sql/callbacks").run((context) -> {
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			assertThat(endpoint.migrations().callbacks()).singleElement().satisfies((callback) -> {
				assertThat(callback.event()).isEqualTo("afterMigrate");
				assertThat(callback.location()).endsWith("sql/callbacks/afterMigrate__audit.sql");
			});
			endpoint.upgrade(null, null);
			endpoint.upgrade(null, null);
			assertThat(new JdbcTemplate(this.database.dataSource()).queryForObject("SELECT count(*) FROM audit",
					Integer.class)).as("also after an upgrade with nothing to apply, as in Flyway").isEqualTo(2);
		});
	}

	@Test
	void aRepeatableScriptIsPendingAfterTheRevisionsUntilItRanAndAgainOnceItChanges() {
		this.contextRunner.withPropertyValues("migrations.locations=classpath:sql/views").run((context) -> {
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			assertThat(endpoint.migrations().pending()).extracting(PendingDescriptor::revision)
				.containsExactly("1000aa", "1001bb", "R__greeting_view");
			RunDescriptor run = endpoint.upgrade(null, null);
			assertThat(run.applied()).extracting(StepDescriptor::revision)
				.containsExactly("1000aa", "1001bb", "R__greeting_view");
			assertThat(run.status()).isEqualTo(MigrationStatus.UP_TO_DATE);
			MigrationsDescriptor after = endpoint.migrations();
			assertThat(after.pending()).isEmpty();
			assertThat(after.current()).containsExactly("1001bb");
			assertThat(after.history()).extracting(HistoryDescriptor::revision).last().isEqualTo("R__greeting_view");
			assertThat(endpoint.revision("R__greeting_view").upgradeSql()).contains("CREATE OR REPLACE VIEW greeting_view");
			new JdbcTemplate(this.database.dataSource())
				.update("UPDATE migration_history_state SET checksum = 'old' WHERE revision = 'R__greeting_view'");
			assertThat(endpoint.migrations().pending()).extracting(PendingDescriptor::revision)
				.containsExactly("R__greeting_view");
		});
	}

	@Test
	void pendingRevisionsShowWhatTheLinterSaysOfThem() {
		this.contextRunner.withBean(TestMigrations.UnsafeIndex.class).run((context) -> {
			MigrationsDescriptor migrations = context.getBean(MigrationsEndpoint.class).migrations();
			assertThat(migrations.pending()).last()
				.satisfies((pending) -> assertThat(pending.lint()).singleElement()
					.satisfies((lint) -> assertThat(lint.rule() + " " + lint.severity())
						.isEqualTo("index-not-concurrent ERROR")));
		});
	}

	@Test
	void afterTheStartUpRunItIsUpToDateWithTheHistoryOldestFirst() {
		this.contextRunner.withPropertyValues("migrations.auto-run=true").run((context) -> {
			MigrationsDescriptor migrations = context.getBean(MigrationsEndpoint.class).migrations();
			assertThat(migrations.status()).isEqualTo(MigrationStatus.UP_TO_DATE);
			assertThat(migrations.current()).containsExactly("1001bb");
			assertThat(migrations.pending()).isEmpty();
			assertThat(migrations.history()).extracting(HistoryDescriptor::revision).containsExactly("1000aa", "1001bb");
			HistoryDescriptor first = migrations.history().get(0);
			assertThat(first.message()).isEqualTo("create greeting");
			assertThat(first.action()).isEqualTo("upgrade");
			assertThat(first.outcome()).isEqualTo("success");
			assertThat(first.appliedAt()).isNotNull();
			assertThat(first.durationMs()).isNotNegative();
			assertThat(first.retries()).isZero();
			assertThat(first.appliedBy()).isEqualTo(this.database.user());
			assertThat(migrations.lastRun().action()).isEqualTo("upgrade");
			assertThat(migrations.lastRun().outcome()).isEqualTo("success");
		});
	}

	@Test
	void aRevisionIsFoundByAUniquePrefixWithItsUpgradeAndDowngradeSql() {
		this.contextRunner.run((context) -> {
			RevisionDescriptor revision = context.getBean(MigrationsEndpoint.class).revision("1000");
			assertThat(revision.revision()).isEqualTo("1000aa");
			assertThat(revision.message()).isEqualTo("create greeting");
			assertThat(revision.revises()).isEmpty();
			assertThat(revision.applied()).isFalse();
			assertThat(revision.upgradeSql()).contains("CREATE TABLE").contains("greeting");
			assertThat(revision.downgradeSql()).contains("DROP TABLE").contains("greeting");
			assertThat(revision.downgradeSqlError()).isNull();
		});
	}

	@Test
	void anAppliedRevisionSaysWhenAndWhatItRevises() {
		this.contextRunner.withPropertyValues("migrations.auto-run=true").run((context) -> {
			RevisionDescriptor revision = context.getBean(MigrationsEndpoint.class).revision("1001bb");
			assertThat(revision.applied()).isTrue();
			assertThat(revision.appliedAt()).isNotNull();
			assertThat(revision.revises()).containsExactly("1000aa");
			assertThat(revision.downgradeSql()).contains("DELETE FROM greeting");
		});
	}

	@Test
	void anUnknownRevisionIsNotFound() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(MigrationsEndpoint.class).revision("9999")).isNull());
	}

	@Test
	void anAmbiguousPrefixIsABadRequestThatNamesTheCandidates() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> context.getBean(MigrationsEndpoint.class).revision("10"))
			.withMessageContaining("1000aa")
			.withMessageContaining("1001bb"));
	}

	@Test
	void anIrreversibleRevisionGivesTheReasonInsteadOfDowngradeSql() {
		this.contextRunner.withBean(TestMigrations.Pause.class).run((context) -> {
			RevisionDescriptor revision = context.getBean(MigrationsEndpoint.class).revision("2000cc");
			assertThat(revision.upgradeSql()).contains("pg_sleep");
			assertThat(revision.downgradeSql()).isNull();
			assertThat(revision.downgradeSqlError()).contains("2000cc");
		});
	}

	@Test
	void anUpgradeAppliesWhatIsPendingAndReturnsTheSteps() {
		this.contextRunner.run((context) -> {
			RunDescriptor run = context.getBean(MigrationsEndpoint.class).upgrade(null, null);
			assertThat(run.status()).isEqualTo(MigrationStatus.UP_TO_DATE);
			assertThat(run.target()).isEqualTo("heads");
			assertThat(run.before()).isEmpty();
			assertThat(run.current()).containsExactly("1001bb");
			assertThat(run.applied()).extracting(StepDescriptor::revision).containsExactly("1000aa", "1001bb");
			assertThat(run.applied().get(0).direction()).isEqualTo("upgrade");
			assertThat(run.message()).contains("2 revision(s)");
			assertThat(context.getBean(Migrator.class).current()).containsExactly("1001bb");
		});
	}

	@Test
	void anUpgradeToAnEarlierTargetLeavesTheRestPending() {
		this.contextRunner.run((context) -> {
			RunDescriptor run = context.getBean(MigrationsEndpoint.class).upgrade("1000", null);
			assertThat(run.status()).isEqualTo(MigrationStatus.PENDING);
			assertThat(run.current()).containsExactly("1000aa");
			assertThat(context.getBean(MigrationsEndpoint.class).migrations().pending())
				.extracting(PendingDescriptor::revision)
				.containsExactly("1001bb");
		});
	}

	@Test
	void anUpgradeWithNothingPendingAppliesNothing() {
		this.contextRunner.withPropertyValues("migrations.auto-run=true").run((context) -> {
			RunDescriptor run = context.getBean(MigrationsEndpoint.class).upgrade("heads", null);
			assertThat(run.status()).isEqualTo(MigrationStatus.UP_TO_DATE);
			assertThat(run.applied()).isEmpty();
			assertThat(run.message()).startsWith("Nothing to upgrade");
		});
	}

	@Test
	void aTargetThatDoesNotResolveIsRejectedWithoutRunning() {
		this.contextRunner.run((context) -> {
			Attempt attempt = context.getBean(MigrationsEndpoint.class).attempt("nope", null);
			assertThat(attempt.rejected()).isTrue();
			assertThat(attempt.descriptor().status()).isEqualTo(MigrationStatus.FAILED);
			assertThat(attempt.descriptor().message()).startsWith("Nothing ran").contains("nope");
			assertThat(context.getBean(MigrationRuns.class).lastRun()).isEmpty();
		});
	}

	@Test
	void aFailedRunReportsItsMessageAndTheStepsThatCompleted() {
		this.contextRunner.withBean(TestMigrations.Broken.class).run((context) -> {
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			RunDescriptor run = endpoint.upgrade(null, null);
			assertThat(run.status()).isEqualTo(MigrationStatus.FAILED);
			assertThat(run.message()).contains("2000dd");
			assertThat(run.applied()).extracting(StepDescriptor::revision).containsExactly("1000aa", "1001bb");
			assertThat(run.current()).containsExactly("1001bb");
			MigrationsDescriptor migrations = endpoint.migrations();
			assertThat(migrations.status()).isEqualTo(MigrationStatus.FAILED);
			assertThat(migrations.lastRun().outcome()).isEqualTo("failed");
			assertThat(migrations.history()).last().satisfies((entry) -> {
				assertThat(entry.revision()).isEqualTo("2000dd");
				assertThat(entry.outcome()).isEqualTo("failed");
			});
			assertThat(migrations.unfinished()).as("its first statement stays, and the next run continues after it")
				.containsExactly(new UnfinishedDescriptor("2000dd", "upgrade", 1));
		});
	}

	@Test
	void aPasswordWrittenInSqlShowsNeitherInTheRevisionNorInTheFailureNorInTheHistory() {
		this.contextRunner.withBean(TestMigrations.CreatesRole.class).run((context) -> {
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			assertThat(endpoint.revision("3000ee").upgradeSql()).doesNotContain("hunter2")
				.contains("ALTER ROLE endpoint_reporting_absent LOGIN PASSWORD '******'");
			RunDescriptor run = endpoint.upgrade(null, null);
			assertThat(run.status()).isEqualTo(MigrationStatus.FAILED);
			assertThat(run.message()).contains("3000ee").contains("PASSWORD '******'").doesNotContain("hunter2");
			MigrationsDescriptor migrations = endpoint.migrations();
			assertThat(migrations.history()).last().satisfies((entry) -> assertThat(entry.error())
				.contains("PASSWORD '******'").doesNotContain("hunter2"));
			assertThat(migrations.lastRun().failure()).doesNotContain("hunter2");
			assertThat(context.getBean(Migrator.class).history()).last()
				.satisfies((entry) -> assertThat(entry.error()).as("the history table itself").doesNotContain("hunter2"));
		});
	}

	@Test
	void anOversizedTargetOrReleaseIsRefusedBeforeAnythingReadsItAndIsNotEchoedBack() {
		this.contextRunner.run((context) -> {
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			Attempt target = endpoint.attempt("n".repeat(80_000), null);
			assertThat(target.rejected()).isTrue();
			assertThat(target.descriptor().message())
				.isEqualTo("Nothing ran: the target is 80000 characters long; it is a revision id or prefix, a label, "
						+ "heads, base or a relative step such as +1, at most 200 characters.");
			assertThat(target.descriptor().target()).hasSizeLessThan(80).endsWith("(80000 characters)");
			Attempt release = endpoint.attempt(null, "r,".repeat(6_000));
			assertThat(release.rejected()).isTrue();
			assertThat(release.descriptor().message()).contains("the release is 12000 characters long");
			assertThat(context.getBean(Migrator.class).current()).as("nothing ran").isEmpty();
		});
	}

	@Test
	void failureMessagesNeverShowCredentials() {
		this.contextRunner.withBean(TestMigrations.Broken.class).run((context) -> {
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			RunDescriptor run = endpoint.upgrade(null, null);
			assertThat(run.message()).contains("jdbc:postgresql://app:" + SecretText.MASK + "@db")
				.doesNotContain(TestMigrations.SECRET);
			MigrationsDescriptor migrations = endpoint.migrations();
			assertThat(migrations.lastRun().failure()).isNotBlank().doesNotContain(TestMigrations.SECRET);
			assertThat(migrations.history()).last()
				.satisfies((entry) -> assertThat(entry.error()).isNotBlank().doesNotContain(TestMigrations.SECRET));
		});
	}

	@Test
	void aRunOfAnotherInstanceShowsAsRunningAndIsNotStartedTwice() {
		this.contextRunner.withBean(TestMigrations.Pause.class).run((context) -> {
			Migrator migrator = context.getBean(Migrator.class);
			Migrator otherInstance = Migrator.create(this.database.dataSource(), List.of(
					new TestMigrations.CreateGreeting(), new TestMigrations.SeedGreeting(), new TestMigrations.Pause()),
					migrator.settings());
			CompletableFuture<RunResult> otherRun = CompletableFuture.supplyAsync(() -> otherInstance.upgrade("heads"));
			await().atMost(Duration.ofSeconds(5)).until(migrator::runInProgress);
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			assertThat(endpoint.migrations().status()).isEqualTo(MigrationStatus.RUNNING);
			RunDescriptor run = endpoint.upgrade(null, null);
			assertThat(run.status()).isEqualTo(MigrationStatus.RUNNING);
			assertThat(run.message()).contains("Another instance");
			assertThat(run.applied()).isEmpty();
			assertThat(otherRun.get().steps()).hasSize(3);
			assertThat(endpoint.migrations().status()).isEqualTo(MigrationStatus.UP_TO_DATE);
		});
	}

}
