package dev.migration.autoconfigure;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Picks the DataSource migrations run on: a {@link MigrationDataSource} bean, else
 * {@code migrations.url}, else the application's DataSource, logged in as
 * {@code migrations.user} when that is set.
 */
final class MigrationDataSources {

	private MigrationDataSources() {
	}

	static DataSource choose(DataSource qualified, DataSource application, MigrationProperties properties) {
		if (qualified != null) {
			return qualified;
		}
		if (properties.getUrl() != null) {
			return DataSourceBuilder.create()
				.type(SimpleDriverDataSource.class)
				.url(properties.getUrl())
				.username(properties.getUser())
				.password(properties.getPassword())
				.build();
		}
		if (application == null) {
			throw new IllegalStateException("Migrations need a DataSource: define one DataSource bean (or mark one "
					+ "@Primary), a @MigrationDataSource bean, or set migrations.url.");
		}
		if (properties.getUser() != null) {
			// same database, another login: typically a privileged user for DDL
			return DataSourceBuilder.derivedFrom(application)
				.type(SimpleDriverDataSource.class)
				.username(properties.getUser())
				.password(properties.getPassword())
				.build();
		}
		return application;
	}

}
