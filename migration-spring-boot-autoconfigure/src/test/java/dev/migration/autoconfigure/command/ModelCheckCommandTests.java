package dev.migration.autoconfigure.command;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.autoconfigure.jpa.Greeting;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check-model}: the application's entities against its revisions, each built on a scratch
 * database of the embedded server, with no database of the application's configured.
 */
class ModelCheckCommandTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationAutoConfiguration.class,
				MigrationCommandAutoConfiguration.class))
		.withUserConfiguration(Entities.class)
		.withPropertyValues("migrations.command=check-model");

	@Test
	void entitiesThatMatchTheRevisionsPass() {
		CapturedCommand result = run(this.contextRunner.withBean(CreateGreeting.class));
		assertThat(result.err()).isEmpty();
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("The entities and the revisions agree: 1 entities, 1 revision(s).\n");
	}

	@Test
	void entitiesThatDisagreeFailListingEachDifference() {
		CapturedCommand result = run(this.contextRunner.withBean(CreateStrictGreeting.class));
		assertThat(result.exitCode()).isEqualTo(CommandExit.FAILURE);
		assertThat(result.out()).contains("greeting.text").contains("nullab");
		assertThat(result.err()).startsWith("check-model failed: the entities and the revisions disagree in 1 place(s)");
	}

	private static CapturedCommand run(ApplicationContextRunner runner) {
		CapturedCommand result = new CapturedCommand();
		runner.withBean(CommandConsole.class, result::console).withBean(CommandExit.class, result::exit).run((context) -> {
			assertThat(context).hasNotFailed();
			context.getBean(MigrationCommandRunner.class).run();
		});
		return result;
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Greeting.class)
	static class Entities {

	}

	@Revision(id = "m1", message = "create greeting")
	static class CreateGreeting implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("greeting", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.primaryKey())
				.column("text", ColumnType.varchar(255)));
		}

	}

	@Revision(id = "m1", message = "create greeting, text required")
	static class CreateStrictGreeting implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("greeting", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.primaryKey())
				.column("text", ColumnType.varchar(255), (c) -> c.notNull()));
		}

	}

}
