package dev.migration.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.migration.autoconfigure.MigrationAutoConfiguration.MigrationDataSourceCondition;
import dev.migration.autoconfigure.command.MigrationCommandEnvironmentPostProcessor;
import dev.migration.autoconfigure.scan.RevisionScan;
import dev.migration.autoconfigure.tenant.MigrationTenantSource;
import dev.migration.autoconfigure.tenant.MigrationTenants;
import dev.migration.core.Migration;
import dev.migration.core.run.MigrationListener;
import dev.migration.core.run.Migrator;
import dev.migration.core.sql.SqlScript;
import dev.migration.core.sql.SqlScriptLocations;

/**
 * Auto-configuration of migrations: every {@link Migration} bean runs against the
 * application's DataSource (or a {@link MigrationDataSource}, or {@code migrations.url})
 * while the context refreshes, before anything that uses the database.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Migrator.class)
@Conditional(MigrationDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigrationAutoConfiguration {

	@Bean
	static RevisionScan migrationRevisionScan() {
		return new RevisionScan();
	}

	@Bean
	@ConditionalOnMissingBean
	Migrator migrator(MigrationProperties properties, ObjectProvider<DataSource> dataSource,
			@MigrationDataSource ObjectProvider<DataSource> migrationDataSource,
			ObjectProvider<MigrationConnectionDetails> connectionDetails, ObjectProvider<Migration> migrations,
			ObjectProvider<MigrationSettingsCustomizer> customizers, ObjectProvider<MigrationListener> listeners,
			ResourceLoader resourceLoader, ListableBeanFactory beanFactory, Environment environment) {
		// found on first use: the commands that read only the code need no database
		DataSource target = new DeferredDataSource(() -> MigrationDataSources.choose(
				migrationDataSource.getIfAvailable(), connectionDetails.getIfAvailable(), dataSource.getIfUnique(),
				properties), properties.getUrl() != null || environment.containsProperty("spring.datasource.url")
						|| connectionDetails.getIfAvailable() != null);
		List<SqlScript> files = SqlScriptLocations.load(properties.getLocations(), resourceLoader.getClassLoader(),
				properties.getIgnoreFiles(), !properties.isFailOnMissingLocations());
		FlywayConflictException.check(beanFactory, environment, properties.getLocations(), files);
		// the revisions of the further databases are theirs alone
		RevisionOwners owners = RevisionOwners.of(properties.getDatabases());
		boolean tenants = properties.getTenants().isListed()
				|| beanFactory.getBeanNamesForType(MigrationTenantSource.class).length > 0;
		return MigratorAssembly.assemble(properties, target,
				migrations.orderedStream().filter((migration) -> owners.owner(migration) == null).toList(), files,
				customizers.orderedStream().toList(),
				new CompositeMigrationListener(listeners.orderedStream().toList()), tenants);
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationDatabases migrationDatabases(MigrationProperties properties, ObjectProvider<Migration> migrations,
			ObjectProvider<MigrationSettingsCustomizer> customizers, ObjectProvider<MigrationListener> listeners,
			ResourceLoader resourceLoader, ListableBeanFactory beanFactory, Environment environment,
			ApplicationEventPublisher events) {
		return new MigrationDatabaseFactory(environment, beanFactory, resourceLoader.getClassLoader(), events).create(
				properties.getDatabases(), migrations.orderedStream().toList(), customizers.orderedStream().toList(),
				listeners.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(TenantsConfiguredCondition.class)
	MigrationTenants migrationTenants(Migrator migrator, ObjectProvider<MigrationTenantSource> source,
			MigrationProperties properties, ApplicationEventPublisher events) {
		return new MigrationTenants(migrator, source.getIfAvailable(), properties, events);
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationRuns migrationRuns(Migrator migrator, ApplicationEventPublisher events) {
		return new MigrationRuns(migrator, events);
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationInitializer migrationInitializer(MigrationRuns runs, ObjectProvider<MigrationStrategy> strategy,
			ObjectProvider<MigrationTenants> tenants, ObjectProvider<MigrationTenantSource> tenantSource,
			MigrationProperties properties) {
		// tenant settings without tenants would be ignored: refused here, where every start passes
		MigrationTenants.checkSettings(properties.getTenants(), tenantSource.getIfAvailable() != null);
		return new MigrationInitializer(runs, strategy.getIfAvailable(), properties, tenants.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	BackfillPaces backfillPaces() {
		return new BackfillPaces();
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationBackgroundRun migrationBackgroundRun(MigrationRuns runs, MigrationProperties properties,
			ObjectProvider<MigrationTenants> tenants) {
		// with tenants the application's own schema is no tenant: their background run is theirs
		return new MigrationBackgroundRun(runs, properties, tenants.getIfAvailable() == null);
	}

	/** Matches when there is a DataSource bean, a {@code migrations.url}, connection details or an offline command. */
	static final class MigrationDataSourceCondition extends AnyNestedCondition {

		MigrationDataSourceCondition() {
			super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnProperty(prefix = "migrations", name = "url")
		private static final class MigrationUrlCondition {

		}

		@ConditionalOnBean(MigrationConnectionDetails.class)
		private static final class MigrationConnectionDetailsCondition {

		}

		@Conditional(OfflineCommandCondition.class)
		private static final class OfflineCommand {

		}

	}

	/** Matches when tenants are listed by {@code migrations.tenants.names} or {@code .query}, or by a bean. */
	static final class TenantsConfiguredCondition extends AnyNestedCondition {

		TenantsConfiguredCondition() {
			super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(MigrationTenantSource.class)
		private static final class TenantSourceBean {

		}

		@Conditional(TenantsListed.class)
		private static final class TenantProperties {

		}

	}

	/** Matches when {@code migrations.tenants.names} or {@code migrations.tenants.query} is set. */
	static final class TenantsListed extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return MigrationProperties.tenantsOf(context.getEnvironment()).isListed()
					? ConditionOutcome.match("migrations.tenants lists tenants")
					: ConditionOutcome.noMatch("migrations.tenants lists no tenants");
		}

	}

	/** Matches a command that reads only the code, run where no database is configured. */
	static final class OfflineCommandCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String command = context.getEnvironment().getProperty("migrations.command");
			boolean offline = command != null && context.getEnvironment() instanceof ConfigurableEnvironment environment
					&& MigrationCommandEnvironmentPostProcessor.withoutDatabase(command, environment);
			return offline ? ConditionOutcome.match("migrations.command " + command + " needs no database")
					: ConditionOutcome.noMatch("no command that works without the database");
		}

	}

}
