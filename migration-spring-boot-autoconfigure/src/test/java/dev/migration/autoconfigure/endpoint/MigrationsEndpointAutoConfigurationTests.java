package dev.migration.autoconfigure.endpoint;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.migration.autoconfigure.MigrationRuns;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
class MigrationsEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner;

	MigrationsEndpointAutoConfigurationTests(TestDatabase database) {
		this.contextRunner = EndpointContexts.runner(database)
			.withBean(TestMigrations.CreateGreeting.class);
	}

	@Test
	void runsWhenExposedOverTheWeb() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class)
				.hasSingleBean(MigrationsEndpointWebExtension.class));
	}

	@Test
	void backsOffWhenAccessIsNone() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"management.endpoint.migrations.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void backsOffWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void backsOffWhenMigrationsAreDisabled() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationRuns.class)
				.doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void exposedOnlyOverJmxItHasNoWebExtension() {
		this.contextRunner
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class)
				.doesNotHaveBean(MigrationsEndpointWebExtension.class));
	}

	@Test
	void backsOffFromAUserDefinedEndpoint() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.withUserConfiguration(CustomEndpointConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class).hasBean("customEndpoint"));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomEndpointConfiguration {

		@Bean
		MigrationsEndpoint customEndpoint(MigrationRuns runs) {
			return new MigrationsEndpoint(runs, "1000aa");
		}

	}

}
