package dev.migration.testdb;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Starts PostgreSQL in a Testcontainers container; kept apart so Testcontainers stays optional. */
final class ContainerServer {

	private static final String IMAGE = "postgres:17-alpine";

	private ContainerServer() {
	}

	/**
	 * Says why Testcontainers cannot be used, or returns {@code null} when it can.
	 * @return the reason, or {@code null}
	 */
	static String dockerProblem() {
		try {
			return DockerClientFactory.instance().isDockerAvailable() ? null : "no Docker engine answered";
		}
		catch (LinkageError ex) {
			return "Testcontainers is not on the class path";
		}
		catch (RuntimeException ex) {
			return "Docker check failed: " + ex.getMessage();
		}
	}

	@SuppressWarnings("resource") // Testcontainers' reaper stops the container when the JVM exits
	static DatabaseSource start() {
		PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
		container.start();
		return new DatabaseSource(DatabaseSource.Kind.TESTCONTAINERS, container.getJdbcUrl(), container.getUsername(),
				container.getPassword());
	}

}
