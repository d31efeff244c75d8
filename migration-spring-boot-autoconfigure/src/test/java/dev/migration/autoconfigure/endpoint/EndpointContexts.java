package dev.migration.autoconfigure.endpoint;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.testdb.TestDatabase;

/** The application context the endpoint tests start: the endpoint over a test database, nothing run at start-up. */
final class EndpointContexts {

	private EndpointContexts() {
	}

	static ApplicationContextRunner runner(TestDatabase database) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					MigrationAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password(),
					"migrations.auto-run=false");
	}

}
