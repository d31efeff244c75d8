package dev.migration.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server every test in this JVM shares, resolved once: the
 * {@code MIGRATIONS_TEST_JDBC_URL} environment variable (with {@code MIGRATIONS_TEST_USER}
 * and {@code MIGRATIONS_TEST_PASSWORD}), else Testcontainers when a Docker engine answers,
 * else an embedded PostgreSQL 17.
 *
 * <p>Each test class asks it for a fresh database with {@link #createDatabase(String)}, so
 * tests never see each other's tables.
 */
public final class TestDatabaseServer {

	/** Environment variable (or system property) naming an existing server to use. */
	public static final String URL_VARIABLE = "MIGRATIONS_TEST_JDBC_URL";

	/** Environment variable (or system property) with the user for {@link #URL_VARIABLE}. */
	public static final String USER_VARIABLE = "MIGRATIONS_TEST_USER";

	/** Environment variable (or system property) with the password for {@link #URL_VARIABLE}. */
	public static final String PASSWORD_VARIABLE = "MIGRATIONS_TEST_PASSWORD";

	private static final Logger logger = LoggerFactory.getLogger(TestDatabaseServer.class);

	private static final AtomicInteger counter = new AtomicInteger();

	private static volatile TestDatabaseServer instance;

	private final DatabaseSource source;

	private final String runId = UUID.randomUUID().toString().substring(0, 8);

	private TestDatabaseServer(DatabaseSource source) {
		this.source = source;
	}

	/**
	 * Returns the server for this JVM, resolving and starting it on first use.
	 * @return the shared server
	 */
	public static TestDatabaseServer get() {
		TestDatabaseServer server = instance;
		if (server == null) {
			synchronized (TestDatabaseServer.class) {
				server = instance;
				if (server == null) {
					server = new TestDatabaseServer(resolve());
					instance = server;
				}
			}
		}
		return server;
	}

	/**
	 * Creates a new, empty database named after {@code hint} plus a unique suffix.
	 * @param hint a readable part of the name, such as the test class name
	 * @return the new database
	 */
	public TestDatabase createDatabase(String hint) {
		String name = databaseName(hint);
		try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
			// name is built from [a-z0-9_] only, so quoting it is enough
			statement.execute("CREATE DATABASE \"" + name + "\"");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name + " on "
					+ JdbcUrls.redact(this.source.adminUrl()) + ": " + ex.getMessage()
					+ ". The user needs the CREATEDB privilege.", ex);
		}
		return new TestDatabase(name, JdbcUrls.withDatabase(this.source.adminUrl(), name), this.source.user(),
				this.source.password());
	}

	/**
	 * Drops a database made by {@link #createDatabase(String)}, closing its open connections.
	 * @param database the database to drop
	 */
	public void dropDatabase(TestDatabase database) {
		try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS \"" + database.name().replace("\"", "\"\"") + "\" WITH (FORCE)");
		}
		catch (SQLException ex) {
			logger.warn("Could not drop test database {}: {}", database.name(), ex.getMessage());
		}
	}

	/**
	 * Returns a human-readable description of where the server came from.
	 * @return the description
	 */
	public String description() {
		return this.source.kind() + " " + JdbcUrls.redact(this.source.adminUrl());
	}

	private Connection adminConnection() throws SQLException {
		return DriverManager.getConnection(this.source.adminUrl(), this.source.user(), this.source.password());
	}

	private String databaseName(String hint) {
		String readable = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
		String suffix = "_" + this.runId + "_" + counter.incrementAndGet();
		int room = 63 - "mt_".length() - suffix.length();
		if (readable.length() > room) {
			readable = readable.substring(readable.length() - room);
		}
		return "mt_" + readable + suffix;
	}

	private static DatabaseSource resolve() {
		String url = setting(URL_VARIABLE);
		if (url != null && !url.isBlank()) {
			String user = (setting(USER_VARIABLE) != null) ? setting(USER_VARIABLE) : "postgres";
			DatabaseSource source = new DatabaseSource(DatabaseSource.Kind.JDBC_URL, url, user,
					setting(PASSWORD_VARIABLE));
			logger.info("Test PostgreSQL: {} from {}", JdbcUrls.redact(url), URL_VARIABLE);
			return source;
		}
		String dockerProblem = ContainerServer.dockerProblem();
		if (dockerProblem == null) {
			logger.info("Test PostgreSQL: Testcontainers, since {} is not set and Docker answers", URL_VARIABLE);
			return ContainerServer.start();
		}
		logger.info("Test PostgreSQL: embedded PostgreSQL 17, since {} is not set and Testcontainers cannot run ({})",
				URL_VARIABLE, dockerProblem);
		return EmbeddedServer.start();
	}

	private static String setting(String name) {
		String value = System.getProperty(name);
		return (value != null) ? value : System.getenv(name);
	}

}
