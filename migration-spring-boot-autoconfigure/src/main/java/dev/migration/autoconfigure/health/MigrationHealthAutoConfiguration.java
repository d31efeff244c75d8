package dev.migration.autoconfigure.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.autoconfigure.MigrationRuns;

/**
 * Auto-configuration of the {@code migrations} health indicator.
 */
@AutoConfiguration(after = MigrationAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(MigrationRuns.class)
@ConditionalOnEnabledHealthIndicator("migrations")
public final class MigrationHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "migrationsHealthIndicator")
	MigrationsHealthIndicator migrationsHealthIndicator(MigrationRuns runs, MigrationProperties properties) {
		return new MigrationsHealthIndicator(runs, properties.getTarget(),
				new Status(properties.getHealth().getPendingStatus()));
	}

}
