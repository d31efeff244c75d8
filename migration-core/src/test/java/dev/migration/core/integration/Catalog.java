package dev.migration.core.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads what a test's migrations left in the PostgreSQL catalog. Names may be
 * schema-qualified as {@code "s.t"} and are resolved like {@code ::regclass} would.
 */
final class Catalog {

	private static final String ATTRIBUTE = " FROM pg_attribute a WHERE a.attrelid = to_regclass(?) AND a.attname = ?"
			+ " AND NOT a.attisdropped";

	private static final String DESCRIBE = """
			WITH rel AS (
			  SELECT c.oid, c.relkind, n.nspname || '.' || c.relname AS name
			  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			  WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema')
			SELECT line FROM (
			  SELECT 'schema ' || nspname AS line FROM pg_namespace
			  WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
			  UNION ALL
			  SELECT 'relation ' || name || ' kind ' || relkind::text
			    || coalesce(' comment ' || obj_description(oid, 'pg_class'), '') FROM rel
			  UNION ALL
			  SELECT 'column ' || r.name || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
			    || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
			    || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
			    || ' identity ' || a.attidentity::text || ' generated ' || a.attgenerated::text
			    || coalesce(' collate ' || co.collname, '')
			    || coalesce(' comment ' || col_description(r.oid, a.attnum), '')
			  FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
			  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			  LEFT JOIN pg_collation co ON co.oid = a.attcollation AND co.collname <> 'default'
			  WHERE r.relkind IN ('r', 'p', 'v', 'm')
			  UNION ALL
			  SELECT 'index ' || pg_get_indexdef(i.indexrelid) || ' valid ' || i.indisvalid
			  FROM pg_index i JOIN rel r ON r.oid = i.indexrelid
			  UNION ALL
			  SELECT 'constraint ' || r.name || '.' || c.conname || ' ' || pg_get_constraintdef(c.oid)
			    || ' validated ' || c.convalidated
			  FROM pg_constraint c JOIN rel r ON r.oid = c.conrelid
			  UNION ALL
			  SELECT 'sequence ' || r.name || ' ' || format_type(s.seqtypid, NULL) || ' start ' || s.seqstart
			    || ' by ' || s.seqincrement || ' min ' || s.seqmin || ' max ' || s.seqmax
			    || ' cache ' || s.seqcache || ' cycle ' || s.seqcycle
			  FROM pg_sequence s JOIN rel r ON r.oid = s.seqrelid
			  UNION ALL
			  SELECT 'view ' || name || ' ' || pg_get_viewdef(oid) FROM rel WHERE relkind IN ('v', 'm')
			  UNION ALL
			  SELECT 'enum ' || n.nspname || '.' || t.typname || ' '
			    || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
			  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
			  GROUP BY n.nspname, t.typname
			) lines ORDER BY line
			""";

	private final JdbcTemplate jdbc;

	Catalog(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	JdbcTemplate jdbc() {
		return this.jdbc;
	}

	<T> T value(String sql, Class<T> type, Object... args) {
		return this.jdbc.queryForObject(sql, type, args);
	}

	List<Map<String, Object>> rows(String sql, Object... args) {
		return this.jdbc.queryForList(sql, args);
	}

	boolean exists(String relation) {
		return value("SELECT to_regclass(?) IS NOT NULL", Boolean.class, relation);
	}

	boolean typeExists(String type) {
		return value("SELECT to_regtype(?) IS NOT NULL", Boolean.class, type);
	}

	boolean schemaExists(String schema) {
		return value("SELECT count(*) = 1 FROM pg_namespace WHERE nspname = ?", Boolean.class, schema);
	}

	List<String> columns(String table) {
		return this.jdbc.queryForList("SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(?)"
				+ " AND attnum > 0 AND NOT attisdropped ORDER BY attnum", String.class, table);
	}

	String type(String table, String column) {
		return value("SELECT format_type(a.atttypid, a.atttypmod)" + ATTRIBUTE, String.class, table, column);
	}

	boolean nullable(String table, String column) {
		return value("SELECT NOT a.attnotnull" + ATTRIBUTE, Boolean.class, table, column);
	}

	/** The default as PostgreSQL prints it, or {@code null} for none. */
	String defaultOf(String table, String column) {
		return single("SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a"
				+ " ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
				+ " WHERE d.adrelid = to_regclass(?) AND a.attname = ?", table, column);
	}

	/** {@code attidentity}: "" for none, "d" for by default, "a" for always. */
	String identity(String table, String column) {
		return value("SELECT a.attidentity::text" + ATTRIBUTE, String.class, table, column);
	}

	/** {@code attgenerated}: "" for none, "s" for stored. */
	String generated(String table, String column) {
		return value("SELECT a.attgenerated::text" + ATTRIBUTE, String.class, table, column);
	}

	String collation(String table, String column) {
		return value("SELECT c.collname FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation"
				+ " WHERE a.attrelid = to_regclass(?) AND a.attname = ?", String.class, table, column);
	}

	String tableComment(String table) {
		return single("SELECT obj_description(to_regclass(?), 'pg_class')", table);
	}

	String columnComment(String table, String column) {
		return single("SELECT col_description(a.attrelid, a.attnum)" + ATTRIBUTE, table, column);
	}

	/** {@code pg_get_indexdef} of an index, or {@code null} when there is none. */
	String index(String index) {
		return single("SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indexrelid = to_regclass(?)",
				index);
	}

	boolean indexValid(String index) {
		return value("SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass(?)", Boolean.class, index);
	}

	/** {@code pg_get_constraintdef} of a table's constraint, or {@code null} when there is none. */
	String constraint(String table, String name) {
		return single("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = to_regclass(?)"
				+ " AND conname = ?", table, name);
	}

	boolean validated(String table, String name) {
		return value("SELECT convalidated FROM pg_constraint WHERE conrelid = to_regclass(?) AND conname = ?",
				Boolean.class, table, name);
	}

	List<String> constraints(String table) {
		return this.jdbc.queryForList("SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(?)"
				+ " ORDER BY conname", String.class, table);
	}

	List<String> enumLabels(String type) {
		return this.jdbc.queryForList("SELECT enumlabel FROM pg_enum WHERE enumtypid = to_regtype(?)"
				+ " ORDER BY enumsortorder", String.class, type);
	}

	/** Every column of a table's rows as text, ordered by the first column. */
	List<List<String>> textRows(String table) {
		String sql = "SELECT * FROM " + table + " ORDER BY 1";
		return this.jdbc.query(sql, (row, number) -> {
			List<String> values = new ArrayList<>();
			for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
				values.add(row.getString(i));
			}
			return values;
		});
	}

	/**
	 * Describes every user object of the database in one sorted list of lines: tables and
	 * their columns, indexes, constraints, sequences, views and enum types.
	 */
	List<String> describe() {
		return this.jdbc.queryForList(DESCRIBE, String.class);
	}

	private String single(String sql, Object... args) {
		List<String> values = this.jdbc.queryForList(sql, String.class, args);
		return values.isEmpty() ? null : values.get(0);
	}

}
