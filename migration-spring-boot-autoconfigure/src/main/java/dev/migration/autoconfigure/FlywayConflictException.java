package dev.migration.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import dev.migration.core.MigrationException;
import dev.migration.core.sql.SqlScript;
import dev.migration.core.sql.SqlScriptLocations;

/**
 * Thrown at start-up when Spring Boot's Flyway auto-configuration is active too and reads the
 * same folders as {@code migrations.locations}, so both tools would run the same SQL files.
 */
public class FlywayConflictException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private static final String FLYWAY = "org.flywaydb.core.Flyway";

	FlywayConflictException(String message) {
		super(message);
	}

	/**
	 * Refuses to go on when a Flyway bean would run files this project runs too.
	 * @param beanFactory the application's beans
	 * @param environment the application's properties
	 * @param locations {@code migrations.locations}
	 * @param scripts the SQL files found there
	 * @throws FlywayConflictException naming both settings and the way out
	 */
	static void check(ListableBeanFactory beanFactory, Environment environment, List<String> locations,
			List<SqlScript> scripts) {
		ClassLoader classLoader = FlywayConflictException.class.getClassLoader();
		if (scripts.isEmpty() || !ClassUtils.isPresent(FLYWAY, classLoader)) {
			return;
		}
		String[] flyways = beanFactory.getBeanNamesForType(ClassUtils.resolveClassName(FLYWAY, classLoader), false,
				false);
		if (flyways.length == 0 || !environment.getProperty("spring.flyway.enabled", Boolean.class, true)) {
			return;
		}
		Set<String> shared = normalized(List.of(environment.getProperty("spring.flyway.locations", String[].class,
				new String[] { SqlScriptLocations.DEFAULT_LOCATION })));
		shared.retainAll(normalized(locations));
		if (!shared.isEmpty()) {
			throw new FlywayConflictException("Flyway is configured in this application too (bean '" + flyways[0]
					+ "') and reads " + shared + ", as migrations.locations does, so both would run the same SQL files. "
					+ "Remove the Flyway dependency (the first upgrade takes over what Flyway applied), or set "
					+ "spring.flyway.enabled=false.");
		}
	}

	private static Set<String> normalized(List<String> locations) {
		Set<String> normalized = new LinkedHashSet<>();
		for (String location : locations) {
			String trimmed = location.strip();
			String withPrefix = trimmed.contains(":") ? trimmed : "classpath:" + trimmed;
			normalized.add(withPrefix.replaceFirst(":/", ":").replaceAll("/+$", "").toLowerCase(Locale.ROOT));
		}
		return normalized;
	}

}
