package dev.migration.autoconfigure.aot;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.autoconfigure.command.MigrationCommandAutoConfiguration;
import dev.migration.autoconfigure.command.MigrationCommandRunner;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

import static org.assertj.core.api.Assertions.assertThat;

/** An application processed ahead of time gets hints for every SQL location and revision class, and command mode. */
class MigrationAotProcessorTests {

	// processing reads bean definitions only: no database is reached
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class,
				MigrationCommandAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:postgresql://localhost:1/none")
		.withBean(CreateThing.class);

	@Test
	void everyClasspathLocationAndRevisionClassIsHinted() {
		this.contextRunner.withPropertyValues("migrations.locations=classpath:db/custom/,filesystem:/opt/sql,other/place")
			.prepare((context) -> {
				RuntimeHints hints = processAheadOfTime((GenericApplicationContext) context.getSourceApplicationContext());
				assertThat(RuntimeHintsPredicates.resource().forResource("db/custom/V1__create.sql")).accepts(hints);
				assertThat(RuntimeHintsPredicates.resource().forResource("db/custom/nested/R__view.sql")).accepts(hints);
				assertThat(RuntimeHintsPredicates.resource().forResource("other/place/V2__more.sql")).accepts(hints);
				assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/V1__create.sql")).rejects(hints);
				assertThat(RuntimeHintsPredicates.reflection().onType(CreateThing.class)).accepts(hints);
				assertThat(RuntimeHintsPredicates.reflection().onType(Revision.class)).accepts(hints);
			});
	}

	@Test
	void theDefaultLocationIsHintedWhenNoneIsConfigured() {
		this.contextRunner.prepare((context) -> assertThat(RuntimeHintsPredicates.resource()
			.forResource("db/migration/V1__create.sql"))
			.accepts(processAheadOfTime((GenericApplicationContext) context.getSourceApplicationContext())));
	}

	@Test
	void commandModeIsPartOfAnApplicationProcessedAheadOfTime() {
		Consumer<String> check = (value) -> this.contextRunner.withSystemProperties("spring.aot.processing=" + value)
			.prepare((context) -> {
				GenericApplicationContext source = (GenericApplicationContext) context.getSourceApplicationContext();
				processAheadOfTime(source);
				assertThat(source.getBeanFactory().getBeanNamesForType(MigrationCommandRunner.class, true, false))
					.hasSize("true".equals(value) ? 1 : 0);
			});
		check.accept("true");
		check.accept("false");
	}

	private static RuntimeHints processAheadOfTime(GenericApplicationContext context) {
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("dev.migration.aotcheck", "Application")),
				new InMemoryGeneratedFiles());
		new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
		return generation.getRuntimeHints();
	}

	@Revision(id = "t1", message = "create thing")
	static class CreateThing implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE thing (id bigint)", "DROP TABLE thing");
		}

	}

}
