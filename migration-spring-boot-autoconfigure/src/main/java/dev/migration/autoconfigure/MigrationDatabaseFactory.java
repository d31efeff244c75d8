package dev.migration.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migration.core.Migration;
import dev.migration.core.MigrationException;
import dev.migration.core.run.MigrationListener;
import dev.migration.core.run.Migrator;
import dev.migration.core.sql.SqlScript;
import dev.migration.core.sql.SqlScriptLocations;

/**
 * Builds each of {@code migrations.databases} with the application's settings, its own
 * connection, revisions, SQL locations, history table and target.
 */
final class MigrationDatabaseFactory {

	private final Environment environment;

	private final ListableBeanFactory beans;

	private final ClassLoader classLoader;

	private final ApplicationEventPublisher events;

	MigrationDatabaseFactory(Environment environment, ListableBeanFactory beans, ClassLoader classLoader,
			ApplicationEventPublisher events) {
		this.environment = environment;
		this.beans = beans;
		this.classLoader = classLoader;
		this.events = events;
	}

	MigrationDatabases create(Map<String, MigrationProperties.Database> databases, List<Migration> migrations,
			List<MigrationSettingsCustomizer> customizers, List<MigrationListener> listeners) {
		RevisionOwners owners = RevisionOwners.of(databases);
		List<MigrationDatabase> created = new ArrayList<>();
		databases.forEach((name, database) -> {
			List<Migration> own = migrations.stream().filter((migration) -> name.equals(owners.owner(migration))).toList();
			created.add(create(name, database, own, customizers, listeners));
		});
		return new MigrationDatabases(created);
	}

	private MigrationDatabase create(String name, MigrationProperties.Database database, List<Migration> migrations,
			List<MigrationSettingsCustomizer> customizers, List<MigrationListener> listeners) {
		MigrationProperties properties = propertiesOf(database);
		List<SqlScript> files = SqlScriptLocations.load(properties.getLocations(), this.classLoader,
				properties.getIgnoreFiles(), !properties.isFailOnMissingLocations());
		List<MigrationListener> own = listeners.stream()
			.map((listener) -> (listener instanceof DatabaseScopedListener scoped) ? scoped.forDatabase(name) : listener)
			.toList();
		Migrator migrator = MigratorAssembly.assemble(properties, dataSource(name, database), migrations, files,
				customizers, new CompositeMigrationListener(own));
		MigrationRuns runs = new MigrationRuns(migrator, this.events);
		return new MigrationDatabase(name, runs, properties, new MigrationBackgroundRun(runs, properties));
	}

	/** The application's settings, bound afresh, with what is this database's own. */
	private MigrationProperties propertiesOf(MigrationProperties.Database database) {
		MigrationProperties properties = Binder.get(this.environment)
			.bindOrCreate("migrations", MigrationProperties.class);
		properties.setUrl(null);
		properties.setUser(null);
		properties.setPassword(null);
		properties.setLocations(new ArrayList<>(database.getLocations()));
		properties.setSchema(database.getSchema());
		properties.setTable(database.getTable());
		properties.setTarget(database.getTarget());
		// what names the application's schemas, baseline and releases says nothing of this database
		properties.setSchemas(new ArrayList<>());
		properties.setDefaultSchema(null);
		properties.setBaselineOnMigrate(null);
		properties.setRelease(new ArrayList<>());
		properties.setDatabases(new LinkedHashMap<>());
		return properties;
	}

	private DataSource dataSource(String name, MigrationProperties.Database database) {
		String prefix = "migrations.databases." + name;
		if (database.getDataSource() != null && !database.getDataSource().isBlank()) {
			try {
				return this.beans.getBean(database.getDataSource().strip(), DataSource.class);
			}
			catch (BeansException ex) {
				throw new MigrationException(prefix + ".data-source names '" + database.getDataSource().strip()
						+ "', which is no DataSource bean of this application (" + ex.getMessage()
						+ "): name a DataSource bean, or set " + prefix + ".url instead.", ex);
			}
		}
		if (database.getUrl() == null || database.getUrl().isBlank()) {
			throw new MigrationException(prefix + " has no connection: set " + prefix + ".data-source to the name of "
					+ "a DataSource bean, or " + prefix + ".url (with .user and .password).");
		}
		return DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.url(database.getUrl().strip())
			.username(database.getUser())
			.password(database.getPassword())
			.build();
	}

}
