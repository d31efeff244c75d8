package dev.migration.autoconfigure.health;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.autoconfigure.MigrationRuns;
import dev.migration.autoconfigure.endpoint.TestMigrations;
import dev.migration.core.MigrationException;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PostgresTest(emptyBeforeEach = true)
class MigrationsHealthIndicatorTests {

	private final TestDatabase database;

	private final ApplicationContextRunner contextRunner;

	MigrationsHealthIndicatorTests(TestDatabase database) {
		this.database = database;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					MigrationAutoConfiguration.class, MigrationHealthAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password(),
					"migrations.auto-run=false")
			.withBean(TestMigrations.CreateGreeting.class)
			.withBean(TestMigrations.SeedGreeting.class);
	}

	@Test
	void registersTheIndicatorUnderTheNameMigrations() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(MigrationsHealthIndicator.class)
			.hasBean("migrationsHealthIndicator"));
	}

	@Test
	void backsOffWhenTheIndicatorIsDisabled() {
		this.contextRunner.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void backsOffWhenMigrationsAreDisabled() {
		this.contextRunner.withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void isUpWhenNothingIsPending() {
		this.contextRunner.withPropertyValues("migrations.auto-run=true").run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("current", List.of("1001bb")).containsEntry("pending", 0);
		});
	}

	@Test
	void isOutOfServiceWhileRevisionsArePending() {
		this.contextRunner.run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(health.getDetails()).containsEntry("current", List.of())
				.containsEntry("pending", 2)
				.containsEntry("pendingRevisions", List.of("1000aa", "1001bb"));
		});
	}

	@Test
	void theStatusWhilePendingIsConfigurable() {
		this.contextRunner
			.withPropertyValues("migrations.health.pending-status=WAITING_FOR_MIGRATIONS",
					"management.endpoint.health.status.order=down,waiting_for_migrations,out_of_service,up,unknown")
			.run((context) -> assertThat(health(context).getStatus()).isEqualTo(new Status("WAITING_FOR_MIGRATIONS")));
		this.contextRunner.withPropertyValues("migrations.health.pending-status=DOWN")
			.run((context) -> assertThat(health(context).getStatus()).isEqualTo(Status.DOWN));
	}

	@Test
	void aStatusBootWouldNotRankIsRefusedNamingTheProperty() {
		this.contextRunner.withPropertyValues("migrations.health.pending-status=BANANA")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("migrations.health.pending-status")
				.hasMessageContaining("BANANA")
				.hasMessageContaining("management.endpoint.health.status.order"));
	}

	@Test
	void isDownWithTheMaskedFailureAfterTheLastRunFailed() {
		this.contextRunner.withBean(TestMigrations.Broken.class).run((context) -> {
			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> context.getBean(MigrationRuns.class).upgrade("heads"));
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("pending", 1);
			assertThat((String) health.getDetails().get("error")).contains("2000dd")
				.doesNotContain(TestMigrations.SECRET);
		});
	}

	@Test
	void isUpAfterAFailedRunWhenALaterRunAppliedEverything() {
		this.contextRunner.run((context) -> {
			MigrationRuns runs = context.getBean(MigrationRuns.class);
			assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runs.upgrade("nope"));
			assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);
			runs.upgrade("heads");
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void isDownWhenTheDatabaseCannotBeRead() {
		this.contextRunner.withPropertyValues("migrations.url=jdbc:postgresql://localhost:1/nowhere")
			.run((context) -> {
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsKey("error");
			});
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean(MigrationsHealthIndicator.class).health();
	}

}
