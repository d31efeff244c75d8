package dev.migration.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
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
class MigrationMetricsAutoConfigurationTests {

	private static final AutoConfigurations METRICS = AutoConfigurations.of(MetricsAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class);

	private final TestDatabase database;

	private final ApplicationContextRunner contextRunner;

	MigrationMetricsAutoConfigurationTests(TestDatabase database) {
		this.database = database;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					MigrationAutoConfiguration.class, MigrationMetricsAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password())
			.withBean(TestMigrations.CreateGreeting.class)
			.withBean(TestMigrations.SeedGreeting.class);
	}

	@Test
	void theStartUpRunIsTimedPerRevisionAndCounted() {
		this.contextRunner.withConfiguration(METRICS).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrations.step").tags("revision", "1000aa", "direction", "upgrade").timer().count())
				.isEqualTo(1);
			assertThat(registry.get("migrations.step").tags("revision", "1001bb", "direction", "upgrade").timer().count())
				.isEqualTo(1);
			assertThat(registry.get("migrations.steps.applied").tag("direction", "upgrade").counter().count())
				.isEqualTo(2);
			assertThat(registry.get("migrations.steps.failed").tag("direction", "upgrade").counter().count()).isZero();
			assertThat(registry.get("migrations.pending").gauge().value()).isZero();
		});
	}

	@Test
	void theGaugeShowsWhatIsPendingAndFollowsARun() {
		this.contextRunner.withConfiguration(METRICS).withPropertyValues("migrations.auto-run=false").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrations.pending").gauge().value()).isEqualTo(2);
			context.getBean(MigrationRuns.class).upgrade("1000aa");
			assertThat(registry.get("migrations.pending").gauge().value()).isEqualTo(1);
		});
	}

	@Test
	void aFailedStepIsCounted() {
		this.contextRunner.withConfiguration(METRICS)
			.withPropertyValues("migrations.auto-run=false")
			.withBean(TestMigrations.Broken.class)
			.run((context) -> {
				assertThatExceptionOfType(MigrationException.class)
					.isThrownBy(() -> context.getBean(MigrationRuns.class).upgrade("heads"));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("migrations.steps.failed").tag("direction", "upgrade").counter().count())
					.isEqualTo(1);
				assertThat(registry.get("migrations.steps.applied").tag("direction", "upgrade").counter().count())
					.isEqualTo(2);
				assertThat(registry.get("migrations.pending").gauge().value()).isEqualTo(1);
			});
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(MigrationStepMetrics.class)
			.doesNotHaveBean(PendingMigrationsMetrics.class));
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationStepMetrics.class));
	}

}
