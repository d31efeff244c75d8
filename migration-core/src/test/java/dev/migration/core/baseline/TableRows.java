package dev.migration.core.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of every table of a database's non-system schemas (an extension's own tables
 * aside), each row as its text form, sorted: two databases with equal maps hold the same rows,
 * whatever order they went in.
 */
public final class TableRows {

	private static final String READS = """
			SELECT format('SELECT %L AS t, r::text AS v FROM ONLY %I.%I r', n.nspname || '.' || c.relname, n.nspname, c.relname)
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
			  AND c.oid NOT IN (SELECT objid FROM pg_depend WHERE deptype = 'e')
			ORDER BY 1""";

	private TableRows() {
	}

	/**
	 * Reads the rows of a database.
	 * @param dataSource the database
	 * @param leftOut names of tables to pass over (such as a history the other database has not)
	 * @return for each table ({@code schema.table}), its rows as text, sorted
	 */
	public static Map<String, List<String>> of(DataSource dataSource, List<String> leftOut) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		Map<String, List<String>> rows = new TreeMap<>();
		List<String> reads = jdbc.queryForList(READS, String.class);
		if (reads.isEmpty()) {
			return rows;
		}
		jdbc.query(String.join(" UNION ALL ", reads) + " ORDER BY 1, 2", (row) -> {
			rows.computeIfAbsent(row.getString(1), (table) -> new ArrayList<>()).add(row.getString(2));
		});
		rows.keySet().removeIf((table) -> leftOut.contains(table.substring(table.indexOf('.') + 1)));
		return rows;
	}

}
