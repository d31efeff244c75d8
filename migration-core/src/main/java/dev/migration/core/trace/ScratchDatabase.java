package dev.migration.core.trace;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Objects;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import dev.migration.core.MigrationException;

/**
 * A database made for one trace on a server the caller names, and dropped after it: the
 * trace changes the database it runs on, so it never runs on one that holds anything.
 */
public final class ScratchDatabase implements AutoCloseable {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final PGSimpleDataSource server;

	private final String name;

	private final PGSimpleDataSource database;

	private ScratchDatabase(PGSimpleDataSource server, String name) {
		this.server = server;
		this.name = name;
		this.database = copy(server);
		this.database.setDatabaseName(name);
	}

	/**
	 * Creates a database of its own on the server of a JDBC URL.
	 * @param serverUrl a {@code jdbc:postgresql:} URL of any database on the server
	 * @param user the user, who needs the CREATEDB privilege
	 * @param password the password, or {@code null}
	 * @return the new database, to close
	 * @throws MigrationException when the database cannot be made, saying why
	 */
	public static ScratchDatabase create(String serverUrl, String user, String password) {
		PGSimpleDataSource server = new PGSimpleDataSource();
		server.setURL(Objects.requireNonNull(serverUrl, "serverUrl"));
		if (user != null) {
			server.setUser(user);
		}
		if (password != null) {
			server.setPassword(password);
		}
		// a generated name of [a-z0-9_]: no text of the caller's goes into the statement
		String name = "migration_trace_" + HexFormat.of().formatHex(RANDOM.generateSeed(6));
		try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE \"" + name + "\"");
		}
		catch (SQLException ex) {
			String who = (user != null) ? "'" + user + "'" : "the connecting user";
			throw new MigrationException("Could not create a scratch database on " + redact(serverUrl) + ": "
					+ ex.getMessage() + ("42501".equals(ex.getSQLState()) ? ". The trace makes a database of its own "
							+ "there and drops it after; " + who + " needs the CREATEDB privilege (ALTER ROLE ... CREATEDB)"
							: ""),
					ex);
		}
		return new ScratchDatabase(server, name);
	}

	/**
	 * Returns the new database; each connection is a new session, as the tracer needs.
	 * @return the data source
	 */
	public DataSource dataSource() {
		return this.database;
	}

	/**
	 * Returns the database's name.
	 * @return the name, {@code migration_trace_} and a random part
	 */
	public String name() {
		return this.name;
	}

	@Override
	public void close() {
		try (Connection connection = this.server.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS \"" + this.name + "\" WITH (FORCE)");
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not drop the scratch database " + this.name + ": " + ex.getMessage()
					+ "; drop it by hand.", ex);
		}
	}

	private static PGSimpleDataSource copy(PGSimpleDataSource server) {
		PGSimpleDataSource copy = new PGSimpleDataSource();
		copy.setURL(server.getURL());
		copy.setUser(server.getUser());
		copy.setPassword(server.getPassword());
		return copy;
	}

	/** The URL without its parameters, where a password may be written. */
	private static String redact(String url) {
		int query = url.indexOf('?');
		return (query < 0) ? url : url.substring(0, query) + "?...";
	}

}
