package dev.migration.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * A connection of their own for migrations, as a bean: a service connection (a container or a
 * Docker Compose service) or one the application builds, used before {@code migrations.url}.
 */
public interface MigrationConnectionDetails extends ConnectionDetails {

	/**
	 * Returns the JDBC URL of the database to migrate.
	 * @return the URL
	 */
	String getJdbcUrl();

	/**
	 * Returns the login user.
	 * @return the user, or {@code null} to use the URL's
	 */
	String getUsername();

	/**
	 * Returns the login password.
	 * @return the password, or {@code null}
	 */
	String getPassword();

}
