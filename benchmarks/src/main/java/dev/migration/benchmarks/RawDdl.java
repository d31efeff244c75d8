package dev.migration.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * The floor no tool can beat: the same DDL, each statement in its own transaction with the
 * same lock timeout, sent by hand over JDBC without any bookkeeping.
 */
public final class RawDdl {

	private RawDdl() {
	}

	/** Creates tables t1 to t{@code count} unless t1 exists. */
	public static void apply(DataSource dataSource, int count) {
		try (Connection connection = dataSource.getConnection()) {
			if (tableExists(connection)) {
				// the no-op round: a hand-written script has nothing to check
				return;
			}
			for (int i = 1; i <= count; i++) {
				connection.setAutoCommit(false);
				try (Statement statement = connection.createStatement()) {
					statement.execute("SET LOCAL lock_timeout = '1s'");
					statement.execute("CREATE TABLE t" + i + " (id bigint PRIMARY KEY, name text)");
				}
				connection.commit();
			}
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean tableExists(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				var result = statement.executeQuery("SELECT to_regclass('t1') IS NOT NULL")) {
			result.next();
			return result.getBoolean(1);
		}
	}

}
