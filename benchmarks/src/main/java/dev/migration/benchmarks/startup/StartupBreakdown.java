package dev.migration.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.core.Migration;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.lint.LintGate;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.Release;
import dev.migration.core.run.RunScope;
import dev.migration.core.run.RunSettings;
import dev.migration.core.sql.BuiltInPlaceholders;
import dev.migration.core.sql.SqlCallbacks;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScript;
import dev.migration.core.sql.SqlScriptLocations;

/**
 * Times, cold, the steps of one tool's no-op start-up in a JVM whose context is ready without
 * it: this starter's as its auto-configuration takes them (load, placeholders, declare, graph,
 * no-op upgrade), over SQL files or the generated Java revisions, and Flyway's as Boot's
 * initializer does (configure and load, migrate).
 */
final class StartupBreakdown {

	/** The line this breakdown prints, which {@link StartupBenchmark} reads. */
	static final String LINE = "startup-breakdown";

	private final Map<String, Long> millis = new LinkedHashMap<>();

	private StartupBreakdown() {
	}

	static void print(String tool, DataSource dataSource, String location, int count) {
		StartupBreakdown breakdown = new StartupBreakdown();
		switch (tool) {
			case "flyway" -> breakdown.flyway(dataSource, location);
			case "java" -> breakdown.java(dataSource, count);
			default -> breakdown.ours(dataSource, location);
		}
		StringBuilder line = new StringBuilder(LINE);
		breakdown.millis.forEach((step, value) -> line.append(' ').append(step).append('=').append(value));
		System.out.println(line);
	}

	/** The steps of {@code MigrationAutoConfiguration.migrator} and {@code MigrationInitializer}, with default properties. */
	private void ours(DataSource dataSource, String location) {
		MigrationProperties properties = new MigrationProperties();
		properties.setLocations(List.of(location));
		RunSettings settings = properties.toRunSettings();
		List<SqlScript> files = time("load", () -> SqlScriptLocations.load(properties.getLocations(),
				StartupBreakdown.class.getClassLoader(), properties.getIgnoreFiles(), false));
		SqlCallbacks.Split scripts = time("placeholders", () -> SqlCallbacks.split(properties
			.toPlaceholders(new BuiltInPlaceholders(dataSource, null, settings.flywayTable().name()))
			.apply(files)));
		List<DeclaredRevision> declared = time("declare", () -> new ArrayList<>(SqlRevisions.declare(scripts.migrations())));
		MigrationCatalog catalog = time("graph", () -> MigrationCatalog.ofDeclared(declared));
		Migrator migrator = time("migrator", () -> new Migrator(dataSource, catalog, new PostgresDialect(), settings)
			.withUpgradeCheck(new LintGate(properties.getLint(), properties.getLintSmallTableRows(),
					properties.getLintNotChecked()))
			.withRelease(Release.of(properties.getRelease()))
			.withSchemas(properties.toOwnedSchemas())
			.withCallbacks(scripts.callbacks()));
		time("upgrade", () -> migrator.upgrade(properties.getTarget(), RunScope.STARTUP));
		// the same no-op once more, warm: what is left when class loading and the first JIT are paid
		time("upgradeWarm", () -> migrator.upgrade(properties.getTarget(), RunScope.STARTUP));
	}

	/** The same for the generated Java revisions, made here instead of by component scanning. */
	private void java(DataSource dataSource, int count) {
		RunSettings settings = new MigrationProperties().toRunSettings();
		List<Migration> migrations = time("instantiate", () -> {
			List<Migration> made = new ArrayList<>();
			for (int i = 1; i <= count; i++) {
				made.add(instance("startup.revisions.R" + i));
			}
			return made;
		});
		List<DeclaredRevision> declared = time("declare",
				() -> migrations.stream().map(DeclaredRevision::of).collect(Collectors.toCollection(ArrayList::new)));
		MigrationCatalog catalog = time("graph", () -> MigrationCatalog.ofDeclared(declared));
		Migrator migrator = time("migrator", () -> new Migrator(dataSource, catalog, new PostgresDialect(), settings));
		// the no-op checks every applied revision's checksum: each Java revision is recorded and rendered
		time("upgrade", () -> migrator.upgrade("heads", RunScope.STARTUP));
		time("upgradeWarm", () -> migrator.upgrade("heads", RunScope.STARTUP));
	}

	private static Migration instance(String className) {
		try {
			return (Migration) Class.forName(className).getDeclaredConstructor().newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Could not make the generated revision " + className, ex);
		}
	}

	/** What Boot's Flyway auto-configuration and {@code FlywayMigrationInitializer} do with these properties. */
	private void flyway(DataSource dataSource, String location) {
		Flyway flyway = time("configure", () -> Flyway.configure(StartupBreakdown.class.getClassLoader())
			.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
			.dataSource(dataSource)
			.locations(location)
			.load());
		time("migrate", flyway::migrate);
		time("migrateWarm", flyway::migrate);
	}

	private <T> T time(String step, Supplier<T> work) {
		long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
		long start = System.nanoTime();
		T result = work.get();
		this.millis.put(step, (System.nanoTime() - start) / 1_000_000);
		this.millis.put(step + "Classes", ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classes);
		return result;
	}

}
