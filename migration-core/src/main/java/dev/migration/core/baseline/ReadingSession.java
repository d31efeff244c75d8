package dev.migration.core.baseline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The session settings a baseline is read under, put back as they were when it is closed.
 *
 * <p>An empty {@code search_path} makes every {@code pg_get_*def}, {@code format_type} and
 * {@code regclass} the server prints name its schema, so the script means the same under any
 * search path; the others make each value's text form exact and readable back under any
 * setting: ISO dates, intervals in PostgreSQL's style, floats to their last digit, bytea in
 * hex, and string literals in definitions with plain backslashes. With row-level security
 * off, a table whose policies would hide rows from the reader fails the read instead of
 * leaving those rows out, as in {@code pg_dump}.
 */
final class ReadingSession implements AutoCloseable {

	private static final List<String> NAMES = List.of("search_path", "DateStyle", "IntervalStyle", "extra_float_digits",
			"bytea_output", "standard_conforming_strings", "row_security");

	private static final List<String> VALUES = List.of("", "ISO, MDY", "postgres", "3", "hex", "on", "off");

	private static final String SET = "SELECT set_config(name, value, false)"
			+ " FROM unnest(?::text[], ?::text[]) AS s (name, value)";

	private final Connection connection;

	private final List<String> saved;

	private ReadingSession(Connection connection, List<String> saved) {
		this.connection = connection;
		this.saved = saved;
	}

	/**
	 * Switches the connection's settings to the ones a baseline is read under.
	 * @param connection the connection
	 * @return the session, which puts the settings back when closed
	 * @throws SQLException when the settings cannot be read or set
	 */
	static ReadingSession open(Connection connection) throws SQLException {
		List<String> saved = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT current_setting(name) FROM unnest(?::text[]) WITH ORDINALITY AS s (name, n) ORDER BY n")) {
			statement.setArray(1, connection.createArrayOf("text", NAMES.toArray()));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					saved.add(rows.getString(1));
				}
			}
		}
		set(connection, VALUES);
		return new ReadingSession(connection, saved);
	}

	@Override
	public void close() throws SQLException {
		set(this.connection, this.saved);
	}

	private static void set(Connection connection, List<String> values) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SET)) {
			statement.setArray(1, connection.createArrayOf("text", NAMES.toArray()));
			statement.setArray(2, connection.createArrayOf("text", values.toArray()));
			statement.executeQuery().close();
		}
	}

}
