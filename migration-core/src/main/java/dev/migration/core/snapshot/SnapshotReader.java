package dev.migration.core.snapshot;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

import javax.sql.DataSource;

import dev.migration.core.MigrationException;
import dev.migration.core.history.HistoryTable;

/**
 * Reads a {@link SchemaSnapshot} of a PostgreSQL database from its catalogs in one query:
 * every schema but the system ones (or just one schema), leaving out the migration history
 * tables and objects that belong to extensions.
 *
 * <p>Only what a migration decides is read: types as {@code format_type} prints them,
 * definitions as {@code pg_get_*def} prints them, validity of indexes and constraints.
 * Nothing that differs between two databases built by the same migrations is read: no
 * OIDs, no sequence values, no column positions (a column dropped and added back comes
 * last, and nothing but {@code SELECT *} can tell).
 */
public final class SnapshotReader {

	/** Suffix of the table that holds the snapshot stored after each run. */
	public static final String SNAPSHOT_SUFFIX = "_snapshot";

	private static final String QUERY = """
			WITH params AS (
			    SELECT ?::text[] AS only_schemas, ?::text AS history_schema, ?::text[] AS history_tables
			),
			extension_member AS (
			    SELECT classid, objid FROM pg_depend WHERE deptype = 'e'
			),
			nsp AS (
			    SELECT n.oid, n.nspname, CASE WHEN n.nspname = 'public' THEN '' ELSE n.nspname || '.' END AS prefix
			    FROM pg_namespace n, params p
			    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
			      AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
			      AND (p.only_schemas IS NULL OR n.nspname = ANY (p.only_schemas))
			      AND (n.oid) NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_namespace'::regclass)
			),
			history AS (
			    SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, params p
			    WHERE n.nspname = coalesce(p.history_schema, current_schema()) AND c.relname = ANY (p.history_tables)
			       OR n.nspname = current_schema() AND c.relname = 'migration_backfill_progress'
			),
			hidden AS (
			    SELECT oid FROM history
			    UNION SELECT d.objid FROM pg_depend d JOIN history h ON d.refobjid = h.oid
			        WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
			    UNION SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM history)
			    UNION SELECT objid FROM extension_member WHERE classid = 'pg_class'::regclass
			),
			rel AS (
			    SELECT c.oid, c.relkind, nsp.prefix || c.relname AS name
			    FROM pg_class c JOIN nsp ON nsp.oid = c.relnamespace
			    WHERE c.oid NOT IN (SELECT oid FROM hidden)
			)
			SELECT 'SCHEMA', nspname, ARRAY[]::text[] FROM nsp, params p
			    WHERE p.history_schema IS NULL OR nspname <> p.history_schema
			UNION ALL
			SELECT 'TABLE', name, ARRAY['partitioned', (relkind = 'p')::text, 'comment', obj_description(oid, 'pg_class')]
			    FROM rel WHERE relkind IN ('r', 'p')
			UNION ALL
			SELECT 'COLUMN', r.name || '.' || a.attname, ARRAY['type', format_type(a.atttypid, a.atttypmod),
			        'nullable', (NOT a.attnotnull)::text, 'default', pg_get_expr(ad.adbin, ad.adrelid),
			        'identity', nullif(a.attidentity::text, ''), 'generated', nullif(a.attgenerated::text, ''),
			        'comment', col_description(r.oid, a.attnum)]
			    FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
			    LEFT JOIN pg_attrdef ad ON ad.adrelid = r.oid AND ad.adnum = a.attnum
			    WHERE r.relkind IN ('r', 'p')
			UNION ALL
			SELECT 'CONSTRAINT', r.name || '.' || con.conname, ARRAY['definition', pg_get_constraintdef(con.oid),
			        'validated', con.convalidated::text]
			    FROM pg_constraint con JOIN rel r ON r.oid = con.conrelid
			    WHERE con.contype IN ('c', 'f', 'p', 'u', 'x', 't')
			UNION ALL
			SELECT 'INDEX', r.name, ARRAY['definition', pg_get_indexdef(r.oid), 'valid', x.indisvalid::text]
			    FROM rel r JOIN pg_index x ON x.indexrelid = r.oid
			UNION ALL
			SELECT 'VIEW', name, ARRAY['definition', pg_get_viewdef(oid, true), 'materialized', (relkind = 'm')::text]
			    FROM rel WHERE relkind IN ('v', 'm')
			UNION ALL
			SELECT 'SEQUENCE', r.name, ARRAY['type', format_type(s.seqtypid, NULL), 'start', s.seqstart::text,
			        'increment', s.seqincrement::text, 'min', s.seqmin::text, 'max', s.seqmax::text,
			        'cache', s.seqcache::text, 'cycle', s.seqcycle::text,
			        'owned by', (SELECT ot.relname || '.' || oa.attname FROM pg_depend d
			            JOIN pg_class ot ON ot.oid = d.refobjid
			            JOIN pg_attribute oa ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid
			            WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid
			              AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') LIMIT 1)]
			    FROM rel r JOIN pg_sequence s ON s.seqrelid = r.oid
			UNION ALL
			SELECT 'TRIGGER', r.name || '.' || t.tgname, ARRAY['definition', pg_get_triggerdef(t.oid),
			        'enabled', t.tgenabled::text]
			    FROM pg_trigger t JOIN rel r ON r.oid = t.tgrelid
			    WHERE NOT t.tgisinternal
			UNION ALL
			SELECT 'FUNCTION', nsp.prefix || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
			        ARRAY['definition', pg_get_functiondef(p.oid)]
			    FROM pg_proc p JOIN nsp ON nsp.oid = p.pronamespace
			    WHERE p.prokind IN ('f', 'p')
			      AND p.oid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_proc'::regclass)
			UNION ALL
			SELECT 'ENUM_TYPE', nsp.prefix || t.typname, ARRAY['labels',
			        (SELECT string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)]
			    FROM pg_type t JOIN nsp ON nsp.oid = t.typnamespace
			    WHERE t.typtype = 'e'
			      AND t.oid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_type'::regclass)
			""";

	private final List<String> schemas;

	private final HistoryTable history;

	private SnapshotReader(List<String> schemas, HistoryTable history) {
		this.schemas = (schemas != null) ? List.copyOf(schemas) : null;
		this.history = Objects.requireNonNull(history, "history");
	}

	/**
	 * Returns a reader of every non-system schema that leaves out the given history tables
	 * (the log, {@code _state}, {@code _progress} and {@code _snapshot} tables) and the backfill progress table.
	 * @param history where the migration history lives
	 * @return the reader
	 */
	public static SnapshotReader allSchemas(HistoryTable history) {
		return new SnapshotReader(null, history);
	}

	/**
	 * Returns a reader of every non-system schema that leaves out the default history tables.
	 * @return the reader
	 */
	public static SnapshotReader allSchemas() {
		return allSchemas(HistoryTable.defaults());
	}

	/**
	 * Returns a reader of one schema only.
	 * @param schema the schema name
	 * @return the reader
	 */
	public SnapshotReader onlySchema(String schema) {
		return onlySchemas(List.of(Objects.requireNonNull(schema, "schema")));
	}

	/**
	 * Returns a reader of some schemas only, such as those a history owns.
	 * @param schemas the schema names
	 * @return the reader
	 */
	public SnapshotReader onlySchemas(List<String> schemas) {
		return new SnapshotReader(Objects.requireNonNull(schemas, "schemas"), this.history);
	}

	/**
	 * Reads a snapshot on a connection of the given database.
	 * @param dataSource the database
	 * @return the snapshot
	 */
	public SchemaSnapshot read(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return read(connection);
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the schema snapshot: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads a snapshot on the given connection, leaving it open.
	 * @param connection the connection
	 * @return the snapshot
	 * @throws SQLException when the catalogs cannot be read
	 */
	public SchemaSnapshot read(Connection connection) throws SQLException {
		String table = this.history.table();
		try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
			statement.setArray(1, (this.schemas != null)
					? connection.createArrayOf("text", this.schemas.toArray(String[]::new)) : null);
			statement.setString(2, this.history.schema());
			statement.setArray(3, connection.createArrayOf("text",
					new String[] { table, this.history.state().name(), this.history.progress().name(),
							table + SNAPSHOT_SUFFIX }));
			List<SchemaObject> objects = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					objects.add(object(ObjectKind.valueOf(rows.getString(1)), rows.getString(2), rows.getArray(3)));
				}
			}
			return SchemaSnapshot.of(objects);
		}
	}

	private static SchemaObject object(ObjectKind kind, String name, Array array) throws SQLException {
		String[] pairs = (String[]) array.getArray();
		TreeMap<String, String> attributes = new TreeMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			attributes.put(pairs[i], pairs[i + 1]);
		}
		return new SchemaObject(kind, name, attributes);
	}

}
