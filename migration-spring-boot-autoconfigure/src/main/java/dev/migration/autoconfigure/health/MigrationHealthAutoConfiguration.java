package dev.migration.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.autoconfigure.MigrationDatabase;
import dev.migration.autoconfigure.MigrationDatabases;
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

	/** The further databases under one component, {@code migrationDatabases}, a child each. */
	@Bean
	@ConditionalOnMissingBean(name = "migrationDatabasesHealthContributor")
	@ConditionalOnBean(MigrationDatabases.class)
	@Conditional(HasFurtherDatabases.class)
	CompositeHealthContributor migrationDatabasesHealthContributor(MigrationDatabases databases,
			MigrationProperties properties) {
		Map<String, MigrationsHealthIndicator> indicators = new LinkedHashMap<>();
		for (MigrationDatabase database : databases.all()) {
			indicators.put(database.name(), new MigrationsHealthIndicator(database.runs(),
					database.properties().getTarget(), new Status(properties.getHealth().getPendingStatus())));
		}
		return CompositeHealthContributor.fromMap(indicators);
	}

	/** Matches when {@code migrations.databases} names at least one database. */
	static final class HasFurtherDatabases extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			boolean any = Binder.get(context.getEnvironment())
				.bind("migrations.databases", Bindable.mapOf(String.class, MigrationProperties.Database.class))
				.map((databases) -> !databases.isEmpty())
				.orElse(false);
			return any ? ConditionOutcome.match("migrations.databases names further databases")
					: ConditionOutcome.noMatch("migrations.databases is empty");
		}

	}

}
