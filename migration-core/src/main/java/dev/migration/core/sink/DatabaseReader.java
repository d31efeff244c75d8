package dev.migration.core.sink;

import java.util.List;

import org.springframework.jdbc.core.RowMapper;

/** Reads the database on the connection a migration runs on. */
@FunctionalInterface
public interface DatabaseReader {

	/**
	 * Runs a query with bound values.
	 * @param <T> the row type
	 * @param sql the query, with {@code ?} placeholders
	 * @param mapper maps each row
	 * @param args the bound values
	 * @return the rows
	 */
	<T> List<T> query(String sql, RowMapper<T> mapper, List<Object> args);

}
