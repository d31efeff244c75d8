package dev.migration.core.trace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the seeder reads from the catalog: the user tables, their columns, keys and foreign keys. */
final class SeedCatalog {

	private static final String TABLES = "SELECT c.oid, n.nspname, c.relname, c.relkind FROM pg_catalog.pg_class c"
			+ " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
			+ " AND NOT c.relispartition AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
			+ " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' ORDER BY n.nspname, c.relname";

	private static final String FOREIGN_KEYS = "SELECT k.oid, k.conrelid, k.confrelid, a.attname, pa.attname"
			+ " FROM pg_catalog.pg_constraint k"
			+ " CROSS JOIN LATERAL unnest(k.conkey, k.confkey) WITH ORDINALITY AS c(child, parent, position)"
			+ " JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = c.child"
			+ " JOIN pg_catalog.pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = c.parent"
			+ " WHERE k.contype = 'f' ORDER BY k.oid, c.position";

	private static final String COLUMNS = "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
			+ " b.typname, pg_catalog.format_type(b.oid, NULL), b.typtype, b.typcategory,"
			+ " CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END,"
			+ " a.attnotnull OR (t.typtype = 'd' AND t.typnotnull), a.atthasdef OR t.typdefault IS NOT NULL,"
			+ " a.attgenerated <> '', a.attidentity <> ''"
			+ " OR coalesce(pg_catalog.pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%',"
			+ " (SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint k WHERE k.conrelid = a.attrelid"
			+ " AND k.contype = 'c' AND k.conkey = ARRAY[a.attnum] ORDER BY k.oid LIMIT 1)"
			+ " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
			+ " JOIN pg_catalog.pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END"
			+ " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
			+ " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

	/** The primary key's columns, else the first unique index's, that has neither a predicate nor an expression. */
	private static final String KEY_COLUMNS = "SELECT a.attname FROM pg_catalog.pg_index i"
			+ " CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)"
			+ " JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
			+ " WHERE i.indexrelid = (SELECT u.indexrelid FROM pg_catalog.pg_index u WHERE u.indrelid = ?"
			+ " AND u.indisunique AND u.indpred IS NULL AND u.indexprs IS NULL"
			+ " ORDER BY u.indisprimary DESC, u.indexrelid LIMIT 1) ORDER BY k.position";

	private SeedCatalog() {
	}

	/** The user tables a row can be inserted into, partitions left to their parents, by oid. */
	static Map<Long, TracedRelation> tables(Connection connection) throws SQLException {
		Map<Long, TracedRelation> tables = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(TABLES);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				tables.put(rows.getLong(1), new TracedRelation(rows.getLong(1), rows.getString(2), rows.getString(3),
						rows.getString(4).charAt(0)));
			}
		}
		return tables;
	}

	/** Every foreign key, grouped by the table that holds it. */
	static Map<Long, List<ForeignKey>> foreignKeys(Connection connection) throws SQLException {
		Map<Long, ForeignKey> byConstraint = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(FOREIGN_KEYS);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				long child = rows.getLong(2);
				long parent = rows.getLong(3);
				ForeignKey key = byConstraint.computeIfAbsent(rows.getLong(1),
						(oid) -> new ForeignKey(child, parent, new ArrayList<>(), new ArrayList<>()));
				key.columns().add(rows.getString(4));
				key.parentColumns().add(rows.getString(5));
			}
		}
		return byConstraint.values().stream().collect(Collectors.groupingBy(ForeignKey::child, LinkedHashMap::new,
				Collectors.toList()));
	}

	/** A table's columns in order, dropped ones left out. */
	static List<SeedColumn> columns(Connection connection, TracedRelation table) throws SQLException {
		List<SeedColumn> columns = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
			statement.setLong(1, table.oid());
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					columns.add(new SeedColumn(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
							rows.getString(5).charAt(0), rows.getString(6).charAt(0), rows.getInt(7), rows.getBoolean(8),
							rows.getBoolean(9), rows.getBoolean(10), rows.getBoolean(11),
							SeedColumn.firstLiteral(rows.getString(12))));
				}
			}
		}
		return columns;
	}

	/** The columns that tell a table's rows apart; empty when it has no key. */
	static List<String> keyColumns(Connection connection, TracedRelation table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(KEY_COLUMNS)) {
			statement.setLong(1, table.oid());
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					columns.add(rows.getString(1));
				}
			}
		}
		return columns;
	}

	/** Whether a table has no row, read without counting them all. */
	static boolean isEmpty(Connection connection, TracedRelation table) throws SQLException {
		String sql = "SELECT NOT EXISTS (SELECT 1 FROM " + TraceSeeder.quote(table) + ")";
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getBoolean(1);
		}
	}

	/**
	 * A foreign key: the child table's columns and the parent's columns they point at, in order.
	 *
	 * @param child the table holding the key
	 * @param parent the table it points at
	 * @param columns the child's columns
	 * @param parentColumns the parent's columns
	 */
	record ForeignKey(long child, long parent, List<String> columns, List<String> parentColumns) {
	}

}
