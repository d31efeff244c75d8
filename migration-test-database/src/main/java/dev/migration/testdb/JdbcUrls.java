package dev.migration.testdb;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites the database part of a PostgreSQL JDBC URL. */
final class JdbcUrls {

	private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$");

	private JdbcUrls() {
	}

	/**
	 * Returns {@code url} pointing at {@code database} instead of its own database.
	 * @param url a {@code jdbc:postgresql://host[:port][/db][?params]} URL
	 * @param database the database to point at
	 * @return the rewritten URL, parameters kept
	 */
	static String withDatabase(String url, String database) {
		Matcher matcher = URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("MIGRATIONS_TEST_JDBC_URL must look like "
					+ "jdbc:postgresql://host[:port]/database[?parameters], but was '" + redact(url) + "'");
		}
		String params = (matcher.group(3) != null) ? matcher.group(3) : "";
		return matcher.group(1) + "/" + database + params;
	}

	/** Drops everything after '?', where passwords may hide. */
	static String redact(String url) {
		int query = url.indexOf('?');
		return (query < 0) ? url : url.substring(0, query) + "?...";
	}

}
