package dev.migration.autoconfigure.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the application into a one-shot command when {@code migrations.command} is set: no
 * web server listening, whatever the configuration says, and, unless configured otherwise, no banner,
 * lazily created beans, and, for the commands that only print (all but upgrade, downgrade
 * and stamp), a console that logs only errors, so what they print to standard output can be
 * piped: the {@code sql} script to psql, {@code current} into a shell variable. A start that fails
 * is reported on standard error alone, so the two lines Spring logs about it stay quiet.
 * <p>
 * Lazy beans matter: the migration initializer stands aside in command mode, so an eager
 * JPA {@code EntityManagerFactory} that validates the schema, or a bean that reads a table
 * at start-up, would fail on the database the command is about to migrate. Lazily, only
 * the beans the command needs are created.
 */
public class MigrationCommandEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String COMMAND = "migrations.command";

	static final String OVERRIDES = "migrationsCommandMode";

	static final String DEFAULTS = "migrationsCommandModeDefaults";

	private static final String EXCLUDE = "spring.autoconfigure.exclude";

	private static final String DATA_SOURCE_AUTO_CONFIGURATION = "org.springframework.boot.jdbc.autoconfigure."
			+ "DataSourceAutoConfiguration";

	/** Logs the failure of a refresh at WARN, with the whole chain of causes in one line. */
	private static final String CONTEXT_LOGGER = "org.springframework.context.annotation."
			+ "AnnotationConfigApplicationContext";

	/** Logs at INFO, after a failed start, that --debug shows the condition report. */
	private static final String CONDITIONS_LOGGER = "org.springframework.boot.autoconfigure.logging."
			+ "ConditionEvaluationReportLogger";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String command = environment.getProperty(COMMAND);
		if (command == null) {
			return;
		}
		Map<String, Object> overrides = new LinkedHashMap<>(noWebServer());
		if (withoutDatabase(command, environment)) {
			overrides.put(EXCLUDE, excludingDataSource(environment));
		}
		environment.getPropertySources().addFirst(new MapPropertySource(OVERRIDES, overrides));
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("spring.main.banner-mode", "off");
		defaults.put("spring.main.log-startup-info", "false");
		defaults.put("spring.main.lazy-initialization", "true");
		if (onlyPrints(command)) {
			defaults.put("logging.threshold.console", "error");
		}
		if (environment.getProperty("debug") == null) {
			// a start that fails is reported on standard error; these would repeat it on standard output
			defaults.put("logging.level." + CONTEXT_LOGGER, "error");
			defaults.put("logging.level." + CONDITIONS_LOGGER, "warn");
		}
		environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS, defaults));
	}

	/**
	 * An application processed ahead of time keeps the kind of context it was processed with
	 * (its web beans need a servlet context), so there the server is made but listens nowhere.
	 */
	private static Map<String, Object> noWebServer() {
		if (AotDetector.useGeneratedArtifacts()) {
			return Map.of("server.port", "-1", "management.server.port", "-1");
		}
		return Map.of("spring.main.web-application-type", "none");
	}

	/**
	 * A command that reads only the code, with no connection configured: the application's
	 * DataSource is left out, so nothing that needs one (a JPA EntityManagerFactory, the
	 * database health check, Flyway) is made and fails; the command then runs as in a CI job.
	 */
	public static boolean withoutDatabase(String command, ConfigurableEnvironment environment) {
		boolean offline;
		try {
			offline = MigrationCommand.of(command).worksWithoutTheDatabase();
		}
		catch (CommandException ex) {
			return false;
		}
		return offline && !environment.containsProperty("spring.datasource.url")
				&& !environment.containsProperty("migrations.url");
	}

	private static String excludingDataSource(ConfigurableEnvironment environment) {
		List<String> excluded = new ArrayList<>(Binder.get(environment)
			.bind(EXCLUDE, Bindable.listOf(String.class))
			.orElse(List.of()));
		excluded.add(DATA_SOURCE_AUTO_CONFIGURATION);
		return String.join(",", excluded);
	}

	private static boolean onlyPrints(String command) {
		try {
			return !MigrationCommand.of(command).changesTheDatabase();
		}
		catch (CommandException ex) {
			// an unknown command is reported by the runner; keep the log for it
			return false;
		}
	}

}
