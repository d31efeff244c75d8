package dev.migration.core.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import dev.migration.core.MigrationException;

/**
 * Finds out, before a run takes its lock, whether its connection's PostgreSQL session is its own:
 * a pooler in transaction or statement mode hands one session to several clients in turn, and a
 * session lock taken there would hold for whoever comes next.
 */
final class SessionSharing {

	/** A pooler hands out the session a client just released first; a few tries see through other clients too. */
	private static final int TRIES = 3;

	/** duplicate_prepared_statement and invalid_sql_statement_name: a session's statements are not the client's. */
	private static final Set<String> OTHER_CLIENTS_STATEMENT = Set.of("42P05", "26000");

	private SessionSharing() {
	}

	/**
	 * Refuses a connection whose session other clients may use between its transactions.
	 * @param connection the run's connection, in auto-commit mode
	 * @param dataSource where a second client's connection comes from
	 * @throws SharedSessionException when another client was given the same session
	 */
	static void requireOwnSession(Connection connection, DataSource dataSource) {
		try {
			int session = backendPid(connection);
			// the driver learns the backend's pid at connect; PgBouncer sends a key of its own there
			Integer announced = announcedPid(connection);
			if (announced != null && announced == session) {
				return;
			}
			for (int i = 0; i < TRIES; i++) {
				probe(connection, dataSource);
			}
		}
		catch (SQLException ex) {
			if (OTHER_CLIENTS_STATEMENT.contains(ex.getSQLState())) {
				// the driver's named statements met another client's in the same session, or missed its own
				throw new SharedSessionException("the server answered '" + ex.getMessage() + "', a prepared statement "
						+ "of another client");
			}
			throw new MigrationException("Could not check that the migration connection has a session of its own: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * While a second client holds a transaction open, this connection must keep its session, and
	 * the second client must not have been given it: a pooler that shares sessions fails one or the other.
	 */
	private static void probe(Connection connection, DataSource dataSource) throws SQLException {
		int mine = backendPid(connection);
		try (Connection second = dataSource.getConnection()) {
			second.setAutoCommit(false);
			try {
				int other = backendPid(second);
				if (other == mine) {
					throw new SharedSessionException("a second connection was given session pid " + mine
							+ ", the one this run's connection had just used");
				}
				int again = backendPid(connection);
				if (again != mine) {
					throw new SharedSessionException("this run's connection moved from session pid " + mine + " to "
							+ again + " between two statements");
				}
			}
			finally {
				second.rollback();
			}
		}
	}

	private static int backendPid(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_catalog.pg_backend_pid()")) {
			result.next();
			return result.getInt(1);
		}
	}

	private static Integer announcedPid(Connection connection) {
		try {
			return connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class).getBackendPID()
					: null;
		}
		catch (SQLException ex) {
			return null;
		}
	}

}
