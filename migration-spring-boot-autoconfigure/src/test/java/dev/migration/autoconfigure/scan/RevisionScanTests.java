package dev.migration.autoconfigure.scan;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.autoconfigure.diagnostics.ScannedRevisionFailureAnalyzer;
import dev.migration.autoconfigure.scan.fixtures.ScannedRevisions;
import dev.migration.core.Migration;
import dev.migration.core.catalog.InvalidMigrationException;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Revisions that no component scan registered are found in the application's packages and run once. */
@PostgresTest(emptyBeforeEach = true)
class RevisionScanTests {

	private static final String FIXTURES = "dev.migration.autoconfigure.scan.fixtures";

	private final JdbcTemplate jdbc;

	private final ApplicationContextRunner contextRunner;

	RevisionScanTests(TestDatabase database) {
		this.jdbc = new JdbcTemplate(database.dataSource());
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password());
	}

	@Test
	void revisionsOfTheApplicationPackageRunWithoutBeingBeansFirst() {
		this.contextRunner.withUserConfiguration(FixturesApplication.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(Migration.class).values())
				.extracting((revision) -> revision.getClass().getSimpleName())
				.containsExactlyInAnyOrder("CreateKettle", "SeedKettle");
			assertThat(this.jdbc.queryForList("SELECT id FROM kettle", Long.class)).containsExactly(1L);
		});
	}

	@Test
	void configuredPackagesAreScannedToo() {
		this.contextRunner.withPropertyValues("migrations.revisions.packages=" + FIXTURES).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(Migration.class)).hasSize(2);
		});
	}

	@Test
	void aRevisionThatIsABeanAlreadyIsNotRegisteredTwice() {
		this.contextRunner.withUserConfiguration(FixturesApplication.class)
			.withBean(ScannedRevisions.CreateKettle.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(ScannedRevisions.CreateKettle.class)).hasSize(1);
			});
	}

	@Test
	void profilesAndConditionsOnARevisionAreHonoured() {
		this.contextRunner.withUserConfiguration(FixturesApplication.class)
			.withPropertyValues("spring.profiles.active=demo")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.jdbc.queryForList("SELECT id FROM kettle ORDER BY id", Long.class)).containsExactly(1L, 2L,
						3L);
			});
	}

	@Test
	void theScanCanBeTurnedOff() {
		this.contextRunner.withUserConfiguration(FixturesApplication.class)
			.withPropertyValues("migrations.revisions.scan=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(Migration.class)).isEmpty();
				assertThat(this.jdbc.queryForObject("SELECT to_regclass('kettle')::text", String.class)).isNull();
			});
	}

	@Test
	void aRevisionAnnotationOnAClassThatIsNoMigrationIsRefusedByName() {
		this.contextRunner.withPropertyValues("migrations.revisions.packages=dev.migration.autoconfigure.scan.invalid")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(InvalidMigrationException.class)
				.hasMessageContaining("scan.invalid.NotAMigration is annotated @Revision")
				.hasMessageContaining("does not implement dev.migration.core.Migration"));
	}

	@Test
	void aScannedRevisionSpringCannotMakeIsAnalysedAsTheScansAndTheAdviceWorks() {
		ApplicationContextRunner handMade = this.contextRunner
			.withPropertyValues("migrations.revisions.packages=dev.migration.autoconfigure.scan.handmade");
		handMade.run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new ScannedRevisionFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription())
				.contains("Revision class dev.migration.autoconfigure.scan.handmade.HandMadeRevision")
				.contains("scan of package dev.migration.autoconfigure.scan.handmade")
				.contains("java.time.Duration");
			assertThat(analysis.getAction()).contains("move it out of dev.migration.autoconfigure.scan.handmade")
				.contains("migrations.revisions.scan=false");
		});
		// the advice: without the scan, only beans run
		handMade.withPropertyValues("migrations.revisions.scan=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackages = FIXTURES)
	static class FixturesApplication {

	}

}
