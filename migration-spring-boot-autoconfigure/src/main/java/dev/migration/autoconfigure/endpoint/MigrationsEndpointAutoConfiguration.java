package dev.migration.autoconfigure.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.migration.autoconfigure.BackfillPaces;
import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.autoconfigure.MigrationDatabases;
import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.autoconfigure.MigrationRuns;
import dev.migration.autoconfigure.tenant.MigrationTenants;

/**
 * Auto-configuration of the {@link MigrationsEndpoint}, read-only unless
 * {@code management.endpoint.migrations.access=unrestricted}.
 */
@AutoConfiguration(after = MigrationAutoConfiguration.class)
@ConditionalOnClass({ MigrationRuns.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
@ConditionalOnBean(MigrationRuns.class)
public final class MigrationsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsEndpoint migrationsEndpoint(MigrationRuns runs, MigrationProperties properties,
			ObjectProvider<BackfillPaces> paces, ObjectProvider<MigrationDatabases> databases,
			ObjectProvider<MigrationTenants> tenants) {
		BackfillPaces pace = paces.getIfAvailable(BackfillPaces::new);
		Map<String, MigrationsEndpoint> further = new LinkedHashMap<>();
		databases.ifAvailable((all) -> all.all()
			.forEach((database) -> further.put(database.name(),
					new MigrationsEndpoint(database.runs(), database.properties().getTarget(), pace))));
		return new MigrationsEndpoint(runs, properties.getTarget(), pace, further, tenants.getIfAvailable());
	}

	@Bean
	static KnownFieldsOnly migrationsEndpointKnownFieldsOnly(Environment environment) {
		return new KnownFieldsOnly(environment.getProperty("migrations.target", "heads"));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(MigrationsEndpoint.class)
	@ConditionalOnAvailableEndpoint(endpoint = MigrationsEndpoint.class, exposure = EndpointExposure.WEB)
	MigrationsEndpointWebExtension migrationsEndpointWebExtension(MigrationsEndpoint endpoint) {
		return new MigrationsEndpointWebExtension(endpoint);
	}

}
