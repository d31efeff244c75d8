package dev.migration.testdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
		if (!anyDockerHint()) {
			// asking Testcontainers would log an ERROR with a page of advice before the embedded server starts
			return "no Docker engine is configured (no DOCKER_HOST, no ~/.testcontainers.properties, no Docker socket)";
		}
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

	/** Whether anything points at a Docker engine the way Testcontainers looks for one. */
	private static boolean anyDockerHint() {
		if (System.getenv("DOCKER_HOST") != null || System.getenv("TESTCONTAINERS_HOST_OVERRIDE") != null
				|| System.getenv("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE") != null) {
			return true;
		}
		Path home = Path.of(System.getProperty("user.home", "."));
		List<Path> hints = new ArrayList<>(List.of(home.resolve(".testcontainers.properties"),
				Path.of("/var/run/docker.sock"), home.resolve(".docker/run/docker.sock"),
				home.resolve(".docker/desktop/docker.sock"), home.resolve(".colima/default/docker.sock"),
				home.resolve(".rd/docker.sock")));
		String runtime = System.getenv("XDG_RUNTIME_DIR");
		if (runtime != null) {
			hints.add(Path.of(runtime, "docker.sock"));
		}
		return hints.stream().anyMatch(Files::exists);
	}

	@SuppressWarnings("resource") // Testcontainers' reaper stops the container when the JVM exits
	static DatabaseSource start() {
		PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
		container.start();
		return new DatabaseSource(DatabaseSource.Kind.TESTCONTAINERS, container.getJdbcUrl(), container.getUsername(),
				container.getPassword());
	}

}
