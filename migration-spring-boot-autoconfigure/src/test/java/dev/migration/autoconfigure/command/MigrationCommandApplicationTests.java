package dev.migration.autoconfigure.command;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplication.AbandonedRunException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@PostgresTest
class MigrationCommandApplicationTests {

	private final TestDatabase database;

	MigrationCommandApplicationTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void aCommandRunsOnStartUpWithoutAWebServerAndClosesTheApplication() {
		CapturedCommand result = new CapturedCommand();
		SpringApplication application = new SpringApplication(CommandTestApplication.class);
		application.addInitializers((context) -> {
			context.getBeanFactory().registerSingleton("capturedConsole", result.console());
			context.getBeanFactory().registerSingleton("capturedExit", result.exit());
		});
		ConfigurableApplicationContext context = catchThrowableOfType(AbandonedRunException.class,
				() -> application.run("--migrations.command=upgrade", "--spring.datasource.url=" + this.database.url(),
						"--spring.datasource.username=" + this.database.user(),
						"--spring.datasource.password=" + this.database.password()))
			.getApplicationContext();
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("Upgraded <base> -> c3: 3 revision(s)");
		assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
		assertThat(context.isActive()).isFalse();
	}

}
