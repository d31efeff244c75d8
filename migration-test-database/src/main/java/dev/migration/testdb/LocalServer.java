package dev.migration.testdb;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * A PostgreSQL server of the test's own, made with {@code initdb} and run with {@code pg_ctl}
 * from the folder in {@code MIGRATIONS_PG_BIN}, else {@code pg_config --bindir}, else the
 * {@code PATH}, so a test can restart it at a chosen moment or run that version's {@code psql}
 * and {@code pg_dump} against it; as root it runs as the {@code postgres} user, since PostgreSQL
 * refuses root.
 */
public final class LocalServer implements AutoCloseable {

	private static final String BIN = binFolder();

	private final Path data;

	private final int port;

	private final List<String> settings;

	private LocalServer(Path data, int port, List<String> settings) {
		this.data = data;
		this.port = port;
		this.settings = settings;
	}

	/**
	 * Starts a new server.
	 * @param settings server settings as {@code name=value}, on top of the test defaults
	 * @return the running server
	 */
	public static LocalServer start(String... settings) throws IOException, InterruptedException {
		Path data = Files.createTempDirectory("local-pg");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		if (isRoot()) {
			run(List.of("chown", "postgres", data.toString()));
		}
		LocalServer server = new LocalServer(data, port, List.of(settings));
		run(server.asOwner(List.of(bin("initdb"), "-D", server.pgdata().toString(), "-U", "postgres",
				"--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C")));
		server.pgCtl("start", "-o", server.options());
		return server;
	}

	/**
	 * Starts a streaming standby of this server, copied with {@code pg_basebackup}.
	 * @param settings the standby's settings as {@code name=value}, such as {@code recovery_min_apply_delay=2s}
	 * @return the running standby
	 */
	public LocalServer standby(String... settings) throws IOException, InterruptedException {
		return standbyThrough(this.port, settings);
	}

	/**
	 * Starts a streaming standby of this server whose WAL comes through another port, such as a
	 * proxy's in front of this server; the copy itself is made straight from this server.
	 * @param upstreamPort the loopback port the standby's WAL receiver connects to
	 * @param settings the standby's settings as {@code name=value}
	 * @return the running standby
	 */
	public LocalServer standbyThrough(int upstreamPort, String... settings) throws IOException, InterruptedException {
		Path folder = Files.createTempDirectory("local-pg-standby");
		int standbyPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			standbyPort = socket.getLocalPort();
		}
		if (isRoot()) {
			run(List.of("chown", "postgres", folder.toString()));
		}
		LocalServer standby = new LocalServer(folder, standbyPort, List.of(settings));
		run(asOwner(List.of(bin("pg_basebackup"), "-h", "127.0.0.1", "-p", Integer.toString(this.port), "-U",
				"postgres", "-D", standby.pgdata().toString(), "-R", "-X", "stream", "-c", "fast", "--no-sync")));
		if (upstreamPort != this.port) {
			// the last setting of the file wins over the one pg_basebackup -R wrote
			Files.writeString(standby.pgdata().resolve("postgresql.auto.conf"),
					"primary_conninfo = 'host=127.0.0.1 port=" + upstreamPort + " user=postgres'\n",
					StandardOpenOption.APPEND);
		}
		standby.pgCtl("start", "-o", standby.options());
		return standby;
	}

	/**
	 * Returns a program of the server's version, such as {@code psql} or {@code pg_dump}.
	 * @param name the program
	 * @return its path, or its bare name when it is found on the {@code PATH}
	 */
	public static String bin(String name) {
		String program = (BIN != null) ? Path.of(BIN, name).toString() : name;
		if (BIN != null && !Files.isExecutable(Path.of(program))) {
			throw new IllegalStateException("No " + name + " in " + BIN + ": point MIGRATIONS_PG_BIN at the folder of "
					+ "PostgreSQL's server programs (initdb, pg_ctl, psql, pg_dump)");
		}
		return program;
	}

	public int port() {
		return this.port;
	}

	/**
	 * Returns the server's data folder, where {@code log/} holds the server log when the
	 * logging collector is on.
	 * @return the folder
	 */
	public Path pgdata() {
		return this.data.resolve("pgdata");
	}

	public DataSource dataSource() {
		return database("postgres").dataSource();
	}

	/**
	 * Returns a database of this server, by name; see {@link #createDatabase}.
	 * @param name the database
	 * @return the database
	 */
	public TestDatabase database(String name) {
		return new TestDatabase(name, "jdbc:postgresql://127.0.0.1:" + this.port + "/" + name, "postgres", "");
	}

	/**
	 * Creates an empty database.
	 * @param name a plain lower-case name
	 * @return the database
	 */
	public TestDatabase createDatabase(String name) throws SQLException {
		try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
		}
		return database(name);
	}

	/** Restarts the server as a fast shutdown does: every session is ended, open transactions roll back. */
	public void restartFast() {
		try {
			pgCtl("restart", "-m", "fast", "-o", options());
			awaitConnections();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException("Could not restart the test's PostgreSQL", ex);
		}
	}

	/**
	 * Returns the environment a client program needs to reach this server as its superuser.
	 * @return the variables
	 */
	public Map<String, String> clientEnvironment() {
		return Map.of("PGHOST", "127.0.0.1", "PGPORT", Integer.toString(this.port), "PGUSER", "postgres");
	}

	private String options() {
		StringBuilder options = new StringBuilder("-p " + this.port + " -c listen_addresses=127.0.0.1"
				+ " -c unix_socket_directories=" + this.data + " -c fsync=off");
		this.settings.forEach((setting) -> options.append(" -c ").append(setting));
		return options.toString();
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
		try {
			pgCtl("stop", "-m", "immediate");
		}
		finally {
			run(List.of("rm", "-rf", this.data.toString()));
		}
	}

	private void pgCtl(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(bin("pg_ctl"), "-D", pgdata().toString(), "-w"));
		if (!arguments[0].equals("stop")) {
			command.addAll(List.of("-l", this.data.resolve("server.log").toString()));
		}
		command.addAll(List.of(arguments));
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

	/** Debian keeps the server programs out of the PATH; pg_config names their folder. */
	private static String binFolder() {
		String folder = System.getenv("MIGRATIONS_PG_BIN");
		if (folder != null) {
			return folder;
		}
		try {
			Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes()).strip();
			return (process.waitFor() == 0 && Files.isDirectory(Path.of(output))) ? output : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
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
