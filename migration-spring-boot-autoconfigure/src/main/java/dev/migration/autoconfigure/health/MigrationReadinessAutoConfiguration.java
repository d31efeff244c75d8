package dev.migration.autoconfigure.health;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.autoconfigure.MigrationRuns;
import dev.migration.autoconfigure.tenant.MigrationTenants;

/**
 * Auto-configuration of {@link MigrationReadiness}: pending revisions take the application out
 * of readiness unless {@code migrations.health.refuse-traffic-while-pending=false}. Command
 * mode serves no traffic, so it has no readiness to keep.
 */
@AutoConfiguration(after = { MigrationAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class })
@ConditionalOnBean({ MigrationRuns.class, ApplicationAvailability.class })
@ConditionalOnBooleanProperty(name = "migrations.health.refuse-traffic-while-pending", matchIfMissing = true)
@Conditional(MigrationReadinessAutoConfiguration.NotCommandMode.class)
public final class MigrationReadinessAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationReadiness migrationReadiness(MigrationRuns runs, MigrationProperties properties,
			ApplicationAvailability availability, ApplicationEventPublisher events,
			ObjectProvider<MigrationTenants> tenants) {
		return new MigrationReadiness(runs, properties.getTarget(), availability, events, tenants.getIfAvailable());
	}

	/** Matches unless {@code migrations.command} is set. */
	static final class NotCommandMode extends NoneNestedConditions {

		NotCommandMode() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("migrations.command")
		private static final class CommandMode {

		}

	}

}
