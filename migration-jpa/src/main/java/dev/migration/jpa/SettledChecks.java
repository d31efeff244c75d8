package dev.migration.jpa;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migration.core.MigrationException;
import dev.migration.core.dialect.PostgresDialect;

/**
 * Rewrites a scratch database's check constraints with the text PostgreSQL prints for them until
 * that text no longer changes: the same check written as {@code status IN ('A', 'B')} and as the
 * catalog prints it back are stored differently, and only once settled do both print alike.
 */
final class SettledChecks {

	private static final String CHECKS = """
			SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
			FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
			WHERE c.contype = 'c' AND c.conrelid <> 0 AND c.coninhcount = 0
			  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
			ORDER BY 1, 2""";

	/** Settling takes one rewrite in practice; a bound keeps a check that never settles from looping. */
	private static final int MAX_ROUNDS = 4;

	private SettledChecks() {
	}

	/**
	 * Settles the check constraints of a scratch database, never of the application's.
	 * @param database the scratch database
	 */
	static void settle(DataSource database) {
		PostgresDialect dialect = new PostgresDialect();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			List<String[]> before = read(statement);
			for (int round = 0; round < MAX_ROUNDS; round++) {
				for (String[] check : before) {
					// the table comes as regclass prints it, quoted where it must be
					statement.execute("ALTER TABLE " + check[0] + " DROP CONSTRAINT " + dialect.quote(check[1])
							+ ", ADD CONSTRAINT " + dialect.quote(check[1]) + " " + check[2]);
				}
				List<String[]> after = read(statement);
				if (same(before, after)) {
					return;
				}
				before = after;
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not settle the check constraints of a scratch database: "
					+ ex.getMessage(), ex);
		}
	}

	private static List<String[]> read(Statement statement) throws SQLException {
		List<String[]> checks = new ArrayList<>();
		try (ResultSet rows = statement.executeQuery(CHECKS)) {
			while (rows.next()) {
				checks.add(new String[] { rows.getString(1), rows.getString(2), rows.getString(3) });
			}
		}
		return checks;
	}

	private static boolean same(List<String[]> before, List<String[]> after) {
		if (before.size() != after.size()) {
			return false;
		}
		for (int i = 0; i < before.size(); i++) {
			if (!before.get(i)[2].equals(after.get(i)[2])) {
				return false;
			}
		}
		return true;
	}

}
