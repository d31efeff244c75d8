package dev.migration.core.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.migration.testdb.LocalServer;
import dev.migration.testdb.TestDatabase;

/**
 * A PgBouncer of the test's own in front of a {@link LocalServer}, started from Debian's package
 * ({@code pgbouncer} on the {@code PATH} or in {@code /usr/sbin}) in the pooling mode asked for;
 * as root it drops to the {@code postgres} user, since PgBouncer refuses root.
 */
final class PgBouncer implements AutoCloseable {

	private final Process process;

	private final Path folder;

	private final int port;

	private PgBouncer(Process process, Path folder, int port) {
		this.process = process;
		this.folder = folder;
		this.port = port;
	}

	/**
	 * Finds PgBouncer's program.
	 * @return its path, or empty when it is not installed
	 */
	static Optional<String> program() {
		for (String candidate : List.of("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * Starts a PgBouncer in front of a server.
	 * @param server the server, which trusts local connections
	 * @param poolMode {@code session}, {@code transaction} or {@code statement}
	 * @return the running PgBouncer
	 */
	static PgBouncer start(LocalServer server, String poolMode) throws IOException, InterruptedException {
		String program = program().orElseThrow(() -> new IllegalStateException("PgBouncer is not installed"));
		Path folder = Files.createTempDirectory("pgbouncer");
		// PgBouncer, dropped to the postgres user, writes its log there (the umask would narrow a mode given at creation)
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Files.writeString(folder.resolve("users.txt"), "\"postgres\" \"\"\n");
		Files.writeString(folder.resolve("pgbouncer.ini"), """
				[databases]
				* = host=127.0.0.1 port=%d user=postgres
				[pgbouncer]
				listen_addr = 127.0.0.1
				listen_port = %d
				unix_socket_dir =
				auth_type = trust
				auth_file = %s
				pool_mode = %s
				default_pool_size = 4
				max_client_conn = 100
				ignore_startup_parameters = extra_float_digits,options
				logfile = %s
				""".formatted(server.port(), port, folder.resolve("users.txt"), poolMode, folder.resolve("pgbouncer.log")));
		List<String> command = new ArrayList<>(List.of(program));
		if ("root".equals(System.getProperty("user.name"))) {
			command.addAll(List.of("-u", "postgres"));
		}
		command.add(folder.resolve("pgbouncer.ini").toString());
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(folder.resolve("stdout.txt").toFile()).start();
		PgBouncer bouncer = new PgBouncer(process, folder, port);
		bouncer.awaitListening();
		return bouncer;
	}

	/**
	 * Returns a database of the server, reached through this PgBouncer.
	 * @param name the database
	 * @return the database
	 */
	TestDatabase database(String name) {
		return new TestDatabase(name, "jdbc:postgresql://127.0.0.1:" + this.port + "/" + name, "postgres", "");
	}

	private void awaitListening() throws InterruptedException, IOException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("PgBouncer stopped at start:\n" + log());
			}
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				return;
			}
			catch (IOException ex) {
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("PgBouncer does not listen after 20 s:\n" + log());
	}

	private String log() throws IOException {
		Path stdout = this.folder.resolve("stdout.txt");
		Path log = this.folder.resolve("pgbouncer.log");
		return (Files.exists(stdout) ? Files.readString(stdout) : "") + (Files.exists(log) ? Files.readString(log) : "");
	}

	@Override
	public void close() throws IOException, InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
		try (var files = Files.walk(this.folder)) {
			files.sorted((a, b) -> b.compareTo(a)).forEach((file) -> file.toFile().delete());
		}
	}

}
