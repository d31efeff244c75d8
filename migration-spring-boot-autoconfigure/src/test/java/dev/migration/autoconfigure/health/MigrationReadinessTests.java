package dev.migration.autoconfigure.health;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.autoconfigure.MigrationRuns;
import dev.migration.autoconfigure.endpoint.TestMigrations;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest(emptyBeforeEach = true)
class MigrationReadinessTests {

	private final TestDatabase database;

	private final ApplicationContextRunner contextRunner;

	MigrationReadinessTests(TestDatabase database) {
		this.database = database;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
					DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class,
					MigrationReadinessAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password(),
					"migrations.auto-run=false")
			.withBean(TestMigrations.CreateGreeting.class)
			.withBean(TestMigrations.SeedGreeting.class);
	}

	@Test
	void refusesTrafficWhenReadyWithRevisionsPendingAndLeavesLivenessAlone() {
		this.contextRunner.run((context) -> {
			becomeReady(context);
			ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
			assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
			assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
		});
	}

	@Test
	void acceptsTrafficWhenNothingIsPending() {
		this.contextRunner.withPropertyValues("migrations.auto-run=true").run((context) -> {
			becomeReady(context);
			assertThat(readiness(context)).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		});
	}

	@Test
	void acceptsTrafficWhilePendingWhenRefusalIsSwitchedOff() {
		this.contextRunner.withPropertyValues("migrations.health.refuse-traffic-while-pending=false").run((context) -> {
			assertThat(context).doesNotHaveBean(MigrationReadiness.class);
			becomeReady(context);
			assertThat(readiness(context)).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		});
	}

	@Test
	void acceptsTrafficOnceARunAppliedWhatWasPending() {
		this.contextRunner.run((context) -> {
			becomeReady(context);
			context.getBean(MigrationRuns.class).upgrade("heads");
			assertThat(readiness(context)).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		});
	}

	@Test
	void keepsRefusingAfterARunThatLeftRevisionsPending() {
		this.contextRunner.run((context) -> {
			becomeReady(context);
			context.getBean(MigrationRuns.class).upgrade("1000aa");
			assertThat(readiness(context)).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
		});
	}

	@Test
	void leavesARefusalPublishedByOthersAlone() {
		this.contextRunner.run((context) -> {
			becomeReady(context);
			AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
			context.getBean(MigrationRuns.class).upgrade("heads");
			assertThat(readiness(context)).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
		});
	}

	@Test
	void backsOffInCommandMode() {
		this.contextRunner.withPropertyValues("migrations.command=current")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationReadiness.class));
	}

	/** What Spring Boot publishes when the application has started and when it is ready. */
	private static void becomeReady(AssertableApplicationContext context) {
		AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
	}

	private static ReadinessState readiness(AssertableApplicationContext context) {
		return context.getBean(ApplicationAvailability.class).getReadinessState();
	}

}
