package dev.migration.sample.switching;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The walkthrough's PostgreSQL (profile {@code database}), so it needs nothing installed: an
 * embedded server on {@code sample.database.port} with an empty database of each name in
 * {@code sample.database.names}, up until the application stops.
 */
@Configuration(proxyBeanMethods = false)
@Profile("database")
class DatabaseServerConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres databaseServer(@Value("${sample.database.port}") int port,
			@Value("${sample.database.names}") List<String> names) throws IOException, SQLException {
		EmbeddedPostgres server = EmbeddedPostgres.builder().setPort(port).start();
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			for (String name : names) {
				statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
			}
		}
		return server;
	}

}
