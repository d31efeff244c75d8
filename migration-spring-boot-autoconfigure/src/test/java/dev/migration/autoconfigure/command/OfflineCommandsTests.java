package dev.migration.autoconfigure.command;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication.AbandonedRunException;
import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Commands that read only the code run with no database configured; the others say what is missing. */
class OfflineCommandsTests {

	@Test
	void lintRunsWithoutADatabase() {
		CapturedCommand result = run("--migrations.command=lint");
		assertThat(result.err()).isEmpty();
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("0 errors");
	}

	@Test
	void theOfflineScriptRunsWithoutADatabase() {
		CapturedCommand result = run("--migrations.command=sql", "--migrations.target=base:heads");
		assertThat(result.err()).isEmpty();
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("CREATE TABLE").contains("c3");
	}

	@Test
	void headsRunWithoutADatabase() {
		CapturedCommand result = run("--migrations.command=heads");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("c3");
	}

	@Test
	void aCommandThatNeedsTheDatabaseSaysWhatToSet() {
		// an application with no DataSource at all, and nothing else that needs one
		CapturedCommand result = run("--migrations.command=current",
				"--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
		assertThat(result.exitCode()).isEqualTo(CommandExit.USAGE);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).contains("current cannot run as given")
			.contains("set spring.datasource.url")
			.contains("migrations.url");
	}

	// the class path carries Flyway, Hibernate and Actuator's database health check, each of which
	// would need a database at start: an offline command leaves them out
	private static CapturedCommand run(String... arguments) {
		CapturedCommand result = new CapturedCommand();
		SpringApplication application = new SpringApplication(CommandTestApplication.class);
		application.addInitializers((context) -> {
			context.getBeanFactory().registerSingleton("capturedConsole", result.console());
			context.getBeanFactory().registerSingleton("capturedExit", result.exit());
		});
		catchThrowableOfType(AbandonedRunException.class, () -> application.run(arguments));
		return result;
	}

}
