package dev.migration.core.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.migration.testdb.TestDatabase;

/**
 * A PostgreSQL server of the test's own, made with {@code initdb} and run with {@code pg_ctl}
 * from the {@code PATH} (or the folder in {@code MIGRATIONS_PG_BIN}), so a test can restart it
 * at a chosen moment; as root it runs as the {@code postgres} user, since PostgreSQL refuses root.
 */
final class LocalServer implements AutoCloseable {

	private final Path data;

	private final int port;

	private LocalServer(Path data, int port) {
		this.data = data;
		this.port = port;
	}

	static LocalServer start() throws IOException, InterruptedException {
		Path data = Files.createTempDirectory("crash-matrix-pg");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		if (isRoot()) {
			run(List.of("chown", "postgres", data.toString()));
		}
		LocalServer server = new LocalServer(data, port);
		run(server.asOwner(List.of(bin("initdb"), "-D", data.resolve("pgdata").toString(), "-U", "postgres",
				"--auth=trust", "--no-sync")));
		server.pgCtl("start", "-l", data.resolve("server.log").toString(), "-o",
				"-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + data + " -c fsync=off");
		return server;
	}

	DataSource dataSource() {
		return new TestDatabase("local", "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres", "postgres", "")
			.dataSource();
	}

	/** Restarts the server as a fast shutdown does: every session is ended, open transactions roll back. */
	void restartFast() {
		try {
			pgCtl("restart", "-m", "fast", "-o",
					"-p " + this.port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + this.data
							+ " -c fsync=off");
			awaitConnections();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException("Could not restart the test's PostgreSQL", ex);
		}
	}

	/** pg_ctl's wait ends when the server says it is ready; a connection proves it. */
	private void awaitConnections() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (true) {
			try (Connection connection = dataSource().getConnection()) {
				return;
			}
			catch (SQLException ex) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The restarted PostgreSQL takes no connection after 30 s", ex);
				}
				Thread.sleep(50);
			}
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		pgCtl("stop", "-m", "immediate");
	}

	private void pgCtl(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(bin("pg_ctl"), "-D", this.data.resolve("pgdata").toString(),
				"-w", "-l", this.data.resolve("server.log").toString()));
		command.addAll(List.of(arguments));
		if (arguments[0].equals("stop")) {
			command.removeAll(List.of("-l", this.data.resolve("server.log").toString()));
		}
		run(asOwner(command));
	}

	private List<String> asOwner(List<String> command) {
		if (!isRoot()) {
			return command;
		}
		List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
		wrapped.addAll(command);
		return wrapped;
	}

	private static String bin(String name) {
		String folder = System.getenv("MIGRATIONS_PG_BIN");
		return (folder != null) ? Path.of(folder, name).toString() : name;
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static void run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException(String.join(" ", command) + " failed:\n" + output);
		}
	}

}
