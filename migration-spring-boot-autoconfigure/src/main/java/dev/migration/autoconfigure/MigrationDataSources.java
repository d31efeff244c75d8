package dev.migration.autoconfigure;

import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migration.core.MigrationException;

/**
 * Picks the DataSource migrations run on: a {@link MigrationDataSource} bean, else a
 * {@link MigrationConnectionDetails} bean, else {@code migrations.url}, else the application's
 * DataSource, logged in as {@code migrations.user} when that is set.
 */
final class MigrationDataSources {

	private static final Pattern USER_PARAMETER = Pattern.compile("[?&]user=", Pattern.CASE_INSENSITIVE);

	private MigrationDataSources() {
	}

	static DataSource choose(DataSource qualified, MigrationConnectionDetails details, DataSource application,
			MigrationProperties properties) {
		if (qualified != null) {
			return qualified;
		}
		if (details != null) {
			return DataSourceBuilder.create()
				.type(SimpleDriverDataSource.class)
				.url(details.getJdbcUrl())
				.username(details.getUsername())
				.password(details.getPassword())
				.build();
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
			SimpleDriverDataSource derived = DataSourceBuilder.derivedFrom(application)
				.type(SimpleDriverDataSource.class)
				.username(properties.getUser())
				.password(properties.getPassword())
				.build();
			requireNoUserInUrl(derived.getUrl());
			return derived;
		}
		return application;
	}

	/** PostgreSQL's driver lets a user named in the URL win: the migrations would run as that user, silently. */
	private static void requireNoUserInUrl(String url) {
		if (url != null && USER_PARAMETER.matcher(url).find()) {
			throw new MigrationException("migrations.user is set, but the application's JDBC URL names a user as a "
					+ "parameter (user=...), which PostgreSQL's driver lets win: the migrations would run as that user. "
					+ "Move the user out of spring.datasource.url into spring.datasource.username, or give the "
					+ "migrations a URL of their own with migrations.url.");
		}
	}

}
