package dev.migration.autoconfigure.command;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.core.run.Migrator;

/**
 * Auto-configuration of command mode: with {@code migrations.command} set, the application
 * runs that one command, prints its result and exits with its code.
 */
@AutoConfiguration(after = MigrationAutoConfiguration.class)
@Conditional(MigrationCommandAutoConfiguration.OnCommandCondition.class)
@EnableConfigurationProperties(MigrationProperties.class)
public final class MigrationCommandAutoConfiguration {

	@Bean
	@ConditionalOnBean(Migrator.class)
	@ConditionalOnMissingBean
	MigrationCommands migrationCommands(Migrator migrator, MigrationProperties properties) {
		return new MigrationCommands(migrator, properties.getScaffold(), properties.getLintNotChecked(),
				properties.getTrace(), properties.toSqlLocations(), properties.getSquash());
	}

	@Bean
	@ConditionalOnMissingBean
	CommandConsole migrationCommandConsole() {
		return CommandConsole.system();
	}

	@Bean
	@ConditionalOnMissingBean
	CommandExit migrationCommandExit() {
		return CommandExit.SYSTEM;
	}

	@Bean
	MigrationCommandRunner migrationCommandRunner(MigrationProperties properties,
			ObjectProvider<MigrationCommands> commands, CommandConsole console, CommandExit exit,
			ConfigurableApplicationContext context) {
		return new MigrationCommandRunner(properties, commands, console, exit, context);
	}

	/** The {@code check-model} command, when the application has JPA and migration-jpa. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "dev.migration.jpa.EntityModelCheck", "jakarta.persistence.Entity",
			"org.springframework.boot.persistence.autoconfigure.EntityScanner" })
	static class ModelCheckConfiguration {

		@Bean
		@ConditionalOnBean(Migrator.class)
		@ConditionalOnMissingBean
		ModelCheckCommand migrationModelCheckCommand(Migrator migrator, ApplicationContext context,
				MigrationProperties properties) {
			return new ModelCheckCommand(migrator, context, properties.getTrace());
		}

	}

	/**
	 * Matches when {@code migrations.command} is set to anything, even a value such as
	 * {@code false} that {@code @ConditionalOnProperty} would read as off: the initializer
	 * already stands aside for it, so something must report it. It also matches while an
	 * application is processed ahead of time, whose conditions are settled at build time: the
	 * command is given when the processed jar runs, and the runner stays idle without one.
	 */
	static final class OnCommandCondition extends SpringBootCondition {

		// set by Spring Boot's AOT processor while it refreshes the application at build time
		private static final String AOT_PROCESSING = "spring.aot.processing";

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String command = context.getEnvironment().getProperty(MigrationCommandEnvironmentPostProcessor.COMMAND);
			if (command != null) {
				return ConditionOutcome.match("migrations.command is '" + command + "'");
			}
			if (Boolean.getBoolean(AOT_PROCESSING)) {
				return ConditionOutcome.match("the application is processed ahead of time");
			}
			return ConditionOutcome.noMatch("migrations.command is not set");
		}

	}

}
