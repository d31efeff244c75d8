package dev.migration.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.autoconfigure.MigrationDatabase;
import dev.migration.autoconfigure.MigrationDatabases;
import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.autoconfigure.MigrationRuns;
import dev.migration.autoconfigure.tenant.MigrationTenants;

/**
 * Auto-configuration of the {@code migrations} health indicator.
 */
@AutoConfiguration(after = MigrationAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(MigrationRuns.class)
@ConditionalOnEnabledHealthIndicator("migrations")
public final class MigrationHealthAutoConfiguration {

	private static final String STATUS_ORDER = "management.endpoint.health.status.order";

	private static final Set<String> STANDARD_STATUSES = Set.of(Status.UP.getCode(), Status.DOWN.getCode(),
			Status.OUT_OF_SERVICE.getCode(), Status.UNKNOWN.getCode());

	@Bean
	@ConditionalOnMissingBean(name = "migrationsHealthIndicator")
	MigrationsHealthIndicator migrationsHealthIndicator(MigrationRuns runs, MigrationProperties properties,
			Environment environment, ObjectProvider<MigrationTenants> tenants) {
		return new MigrationsHealthIndicator(runs, properties.getTarget(), pendingStatus(properties, environment),
				tenants.getIfAvailable());
	}

	/**
	 * The configured status while revisions are pending: one Boot knows, or one its status order
	 * ranks, since an unranked status would leave health answering 200 while revisions are pending.
	 */
	static Status pendingStatus(MigrationProperties properties, Environment environment) {
		String code = properties.getHealth().getPendingStatus().strip();
		List<String> ranked = Binder.get(environment)
			.bind(STATUS_ORDER, Bindable.listOf(String.class))
			.orElse(List.of());
		boolean known = STANDARD_STATUSES.contains(code.toUpperCase(Locale.ROOT))
				|| ranked.stream().anyMatch((status) -> status.strip().equalsIgnoreCase(code));
		if (!known) {
			throw new InvalidConfigurationPropertyValueException("migrations.health.pending-status", code,
					"It is none of UP, DOWN, OUT_OF_SERVICE and UNKNOWN, and " + STATUS_ORDER + " does not rank it, "
							+ "so health would report it as 200 OK while revisions are pending. Use one of those four, or "
							+ "add it to " + STATUS_ORDER + " (with a management.endpoint.health.status.http-mapping).");
		}
		return new Status(code);
	}

	/** The further databases under one component, {@code migrationDatabases}, a child each. */
	@Bean
	@ConditionalOnMissingBean(name = "migrationDatabasesHealthContributor")
	@ConditionalOnBean(MigrationDatabases.class)
	@Conditional(HasFurtherDatabases.class)
	CompositeHealthContributor migrationDatabasesHealthContributor(MigrationDatabases databases,
			MigrationProperties properties, Environment environment) {
		Map<String, MigrationsHealthIndicator> indicators = new LinkedHashMap<>();
		for (MigrationDatabase database : databases.all()) {
			indicators.put(database.name(), new MigrationsHealthIndicator(database.runs(),
					database.properties().getTarget(), pendingStatus(properties, environment)));
		}
		return CompositeHealthContributor.fromMap(indicators);
	}

	/** Matches when {@code migrations.databases} names at least one database. */
	static final class HasFurtherDatabases extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			boolean any = !MigrationProperties.databasesOf(context.getEnvironment()).isEmpty();
			return any ? ConditionOutcome.match("migrations.databases names further databases")
					: ConditionOutcome.noMatch("migrations.databases is empty");
		}

	}

}
