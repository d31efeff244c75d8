package dev.migration.autoconfigure.command;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

	@Test
	void autogenerateWritesTheRevisionThatMakesWhatTheEntitiesExpectOnTopOfTheHead(@TempDir Path project)
			throws Exception {
		CapturedCommand result = run(this.contextRunner.withBean(CreateStrictGreeting.class).withPropertyValues(
				"migrations.command=revision", "migrations.scaffold.autogenerate=true",
				"migrations.scaffold.message=greeting text optional", "migrations.scaffold.directory=" + project,
				"migrations.scaffold.package-name=com.example.revisions"));
		assertThat(result.err()).isEmpty();
		assertThat(result.exitCode()).isZero();
		Path file = project.resolve("src/main/java/com/example/revisions/GreetingTextOptional.java");
		assertThat(result.out()).startsWith("Wrote revision ").contains(", revising m1, to " + file + "\n")
			.endsWith("It resolves 1 difference(s).\n");
		assertThat(Files.readString(file)).contains("op.dropNotNull(\"greeting\", \"text\");",
				"revises = \"m1\", message = \"greeting text optional\")", "1 entity (Greeting)", "up to m1");
	}

	@Test
	void autogenerateWritesNothingWhenTheEntitiesAndRevisionsAgree(@TempDir Path project) {
		CapturedCommand result = run(this.contextRunner.withBean(CreateGreeting.class).withPropertyValues(
				"migrations.command=revision", "migrations.scaffold.autogenerate=true",
				"migrations.scaffold.message=nothing", "migrations.scaffold.directory=" + project,
				"migrations.scaffold.package-name=com.example.revisions"));
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("Nothing to write: the entities and the revisions agree (1 entities).\n");
		assertThat(project.resolve("src")).doesNotExist();
	}

	@Test
	void renamesWithoutAutogenerateOrThatMatchNothingAreUsageErrors(@TempDir Path project) {
		CapturedCommand ignored = run(this.contextRunner.withBean(CreateGreeting.class).withPropertyValues(
				"migrations.command=revision", "migrations.scaffold.renames=greeting.text=body",
				"migrations.scaffold.message=rename", "migrations.scaffold.directory=" + project));
		assertThat(ignored.exitCode()).isEqualTo(CommandExit.USAGE);
		assertThat(ignored.err()).contains("migrations.scaffold.renames is read only by autogenerate");
		CapturedCommand unmatched = run(this.contextRunner.withBean(CreateGreeting.class).withPropertyValues(
				"migrations.command=revision", "migrations.scaffold.autogenerate=true",
				"migrations.scaffold.renames=greeting.text=body", "migrations.scaffold.message=rename",
				"migrations.scaffold.directory=" + project, "migrations.scaffold.package-name=com.example.revisions"));
		assertThat(unmatched.exitCode()).isEqualTo(CommandExit.USAGE);
		assertThat(unmatched.err()).contains("[greeting.text]");
		assertThat(project.resolve("src")).doesNotExist();
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
