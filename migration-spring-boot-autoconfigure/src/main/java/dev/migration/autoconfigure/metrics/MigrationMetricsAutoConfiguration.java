package dev.migration.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.autoconfigure.MigrationDatabases;
import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.autoconfigure.tenant.MigrationTenants;
import dev.migration.core.run.Migrator;

/**
 * Auto-configuration of the Micrometer meters of migrations: step timers and counters, which
 * the engine feeds as a listener, and the pending-revisions gauge.
 */
@AutoConfiguration(after = MigrationAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, Migrator.class })
public final class MigrationMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationStepMetrics migrationStepMetrics(MeterRegistry registry) {
		return new MigrationStepMetrics(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	PendingMigrationsMetrics pendingMigrationsMetrics(Migrator migrator, MigrationProperties properties,
			ObjectProvider<MigrationTenants> tenants) {
		MigrationTenants fanOut = tenants.getIfAvailable();
		// with tenants the application's own schema holds nothing: what the tenants lack is what is pending
		return (fanOut != null) ? new PendingMigrationsMetrics(fanOut, PendingMigrationsMetrics.DEFAULT_MAX_AGE)
				: new PendingMigrationsMetrics(migrator, properties.getTarget(), PendingMigrationsMetrics.DEFAULT_MAX_AGE);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(MigrationTenants.class)
	TenantMetrics migrationTenantMetrics(MigrationTenants tenants) {
		return new TenantMetrics(tenants, PendingMigrationsMetrics.DEFAULT_MAX_AGE);
	}

	@Bean
	@ConditionalOnMissingBean
	BackfillMetrics backfillMetrics(Migrator migrator) {
		return new BackfillMetrics(migrator, PendingMigrationsMetrics.DEFAULT_MAX_AGE);
	}

	/** The pending and backfill gauges of each further database, tagged with its name. */
	@Bean
	@ConditionalOnBean(MigrationDatabases.class)
	FurtherDatabaseMetrics migrationDatabasesMetrics(MigrationDatabases databases) {
		return new FurtherDatabaseMetrics(databases);
	}

}
