package dev.migration.autoconfigure.command;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationCommandEnvironmentPostProcessorTests {

	private final MigrationCommandEnvironmentPostProcessor postProcessor = new MigrationCommandEnvironmentPostProcessor();

	@Test
	void aCommandTurnsTheWebServerOffEvenWhenTheConfigurationAsksForOne() {
		ConfigurableEnvironment environment = environment(
				Map.of("migrations.command", "upgrade", "spring.main.web-application-type", "servlet"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
	}

	@Test
	void aCommandDefaultsToNoBannerAndLazyBeans() {
		ConfigurableEnvironment environment = environment(Map.of("migrations.command", "upgrade"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
		assertThat(environment.getProperty("spring.main.lazy-initialization")).isEqualTo("true");
		assertThat(environment.getProperty("logging.threshold.console")).isNull();
	}

	@Test
	void theApplicationsOwnSettingsWinOverTheCommandModeDefaults() {
		ConfigurableEnvironment environment = environment(Map.of("migrations.command", "upgrade",
				"spring.main.banner-mode", "console", "spring.main.lazy-initialization", "false"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("console");
		assertThat(environment.getProperty("spring.main.lazy-initialization")).isEqualTo("false");
	}

	@Test
	void commandsThatOnlyPrintLogOnlyErrorsToTheConsoleSoTheirOutputStaysClean() {
		ConfigurableEnvironment environment = environment(Map.of("migrations.command", "sql"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.threshold.console")).isEqualTo("error");
	}

	@Test
	void commandsThatChangeTheDatabaseKeepTheirLog() {
		for (String command : new String[] { "upgrade", "downgrade", "stamp", "unknown" }) {
			ConfigurableEnvironment environment = environment(Map.of("migrations.command", command));
			this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
			assertThat(environment.getProperty("logging.threshold.console")).as(command).isNull();
		}
	}

	@Test
	void aFailedStartIsNotLoggedOnStandardOutputUnlessDebugAsks() {
		String contextLogger = "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext";
		ConfigurableEnvironment quiet = environment(Map.of("migrations.command", "upgrade"));
		this.postProcessor.postProcessEnvironment(quiet, new SpringApplication());
		assertThat(quiet.getProperty(contextLogger)).isEqualTo("error");
		ConfigurableEnvironment debug = environment(Map.of("migrations.command", "upgrade", "debug", ""));
		this.postProcessor.postProcessEnvironment(debug, new SpringApplication());
		assertThat(debug.getProperty(contextLogger)).isNull();
	}

	@Test
	void withoutACommandTheEnvironmentIsLeftAlone() {
		ConfigurableEnvironment environment = environment(Map.of("spring.main.web-application-type", "servlet"));
		int sources = environment.getPropertySources().size();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().size()).isEqualTo(sources);
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("servlet");
	}

	private static ConfigurableEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
