package dev.migration.core.schema;

import java.util.List;
import java.util.Objects;

import dev.migration.core.MigrationException;

/** Validates identifiers at the moment an operation is built, so bad names fail early. */
public final class Names {

	/** PostgreSQL truncates longer identifiers silently; we refuse them instead. */
	public static final int MAX_LENGTH = 63;

	private Names() {
	}

	/**
	 * Checks that {@code name} can be an identifier.
	 * @param what what the name names, for the message (such as "column")
	 * @param name the name
	 * @return the name
	 */
	public static String require(String what, String name) {
		if (name == null || name.isBlank()) {
			throw new MigrationException("A " + what + " name must not be empty.");
		}
		if (name.indexOf('\0') >= 0) {
			throw new MigrationException("The " + what + " name '" + name.replace('\0', '?')
					+ "' contains a NUL character, which PostgreSQL does not allow.");
		}
		if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
			throw new MigrationException("The " + what + " name '" + name + "' is longer than " + MAX_LENGTH
					+ " bytes; PostgreSQL would truncate it silently. Choose a shorter name.");
		}
		return name;
	}

	/**
	 * Checks a list of names, which must not be empty.
	 * @param what what the names name, for the message
	 * @param names the names
	 * @return an immutable copy
	 */
	public static List<String> requireAll(String what, List<String> names) {
		Objects.requireNonNull(names, what + " names");
		if (names.isEmpty()) {
			throw new MigrationException("At least one " + what + " name is required.");
		}
		names.forEach((name) -> require(what, name));
		return List.copyOf(names);
	}

	/**
	 * Checks an SQL fragment written by the migration author (an expression, a query).
	 * @param what what the fragment is, for the message
	 * @param sql the fragment
	 * @return the fragment, trimmed
	 */
	public static String requireSql(String what, String sql) {
		if (sql == null || sql.isBlank()) {
			throw new MigrationException("The " + what + " must not be empty.");
		}
		return sql.strip();
	}

}
