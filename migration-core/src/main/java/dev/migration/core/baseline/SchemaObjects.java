package dev.migration.core.baseline;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the objects a baseline creates before any row goes in (types, sequences, routines,
 * tables and views) and orders them by what each depends on in {@code pg_depend}: a
 * function that takes a table's row type comes after the table, a table whose default or
 * generated column calls a function after the function, a view after the views it reads.
 *
 * <p>Tables are created as {@code pg_dump} creates them: a partition as a table of its own,
 * with every column and check constraint, attached to its parent later; a child of plain
 * inheritance with its own columns only and {@code INHERITS}. A materialized view is created
 * empty and refreshed at the very end, once its indexes and every row are there. A view that
 * needs a table's primary key waits for the key, after the rows.
 */
final class SchemaObjects {

	/** The rank of functions and procedures in {@link #OBJECTS}. */
	private static final int ROUTINE_RANK = 3;

	/** What an object depends on when it needs the primary keys and unique constraints. */
	private static final String KEYS = "keys";

	private static final String OBJECTS = """
			,
			sequence_options AS (
			    SELECT s.seqrelid, format('START WITH %s INCREMENT BY %s MINVALUE %s MAXVALUE %s CACHE %s%s', s.seqstart,
			            s.seqincrement, s.seqmin, s.seqmax, s.seqcache, CASE WHEN s.seqcycle THEN ' CYCLE' END) AS options
			    FROM pg_sequence s
			),
			identity_sequence AS (
			    SELECT d.refobjid AS attrelid, d.refobjsubid AS attnum, r.qname, o.options
			    FROM pg_depend d JOIN rel r ON r.oid = d.objid JOIN sequence_options o ON o.seqrelid = d.objid
			    WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'i'
			),
			col AS (
			    SELECT a.attrelid, a.attnum, format('%I %s%s%s%s', a.attname, format_type(a.atttypid, a.atttypmod),
			            CASE WHEN a.attcollation <> t.typcollation THEN ' COLLATE ' || co.qname END,
			            CASE WHEN a.attgenerated = 's'
			                THEN format(' GENERATED ALWAYS AS (%s) STORED', pg_get_expr(ad.adbin, ad.adrelid))
			            WHEN a.attidentity <> '' THEN format(' GENERATED %s AS IDENTITY (SEQUENCE NAME %s %s)',
			                CASE a.attidentity WHEN 'a' THEN 'ALWAYS' ELSE 'BY DEFAULT' END, s.qname, s.options)
			            ELSE ' DEFAULT ' || pg_get_expr(ad.adbin, ad.adrelid) END,
			            CASE WHEN a.attnotnull THEN ' NOT NULL' END) AS definition
			    FROM rel c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			    JOIN pg_type t ON t.oid = a.atttypid
			    LEFT JOIN coll co ON co.oid = a.attcollation
			    LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
			    LEFT JOIN identity_sequence s ON s.attrelid = a.attrelid AND s.attnum = a.attnum
			    WHERE c.relkind IN ('r', 'p', 'c') AND (a.attislocal OR c.relispartition)
			),
			check_constraint AS (
			    SELECT con.conrelid, con.conname,
			            format('CONSTRAINT %I %s', con.conname, pg_get_constraintdef(con.oid)) AS definition
			    FROM pg_constraint con JOIN rel c ON c.oid = con.conrelid
			    WHERE con.contype = 'c' AND con.convalidated AND (con.conislocal OR c.relispartition)
			),
			rel_options AS (
			    SELECT c.oid, ' WITH (' || string_agg(format('%I=%L', o.option_name, o.option_value), ', ') || ')' AS clause
			    FROM rel c, pg_options_to_table(c.reloptions) o GROUP BY c.oid
			)
			SELECT 't' || t.oid, 1, t.qname,
			        format('CREATE TYPE %s AS ENUM (%s)', t.qname, (SELECT string_agg(quote_literal(e.enumlabel), ', '
			            ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)),
			        format('DROP TYPE %s', t.qname), NULL
			    FROM typ t WHERE t.typtype = 'e'
			UNION ALL
			SELECT 't' || t.oid, 1, t.qname,
			        format('CREATE DOMAIN %s AS %s%s%s%s%s', t.qname, format_type(t.typbasetype, t.typtypmod),
			            CASE WHEN t.typcollation <> b.typcollation THEN ' COLLATE ' || co.qname END,
			            ' DEFAULT ' || pg_get_expr(t.typdefaultbin, 0), CASE WHEN t.typnotnull THEN ' NOT NULL' END,
			            (SELECT string_agg(format(' CONSTRAINT %I %s', con.conname, pg_get_constraintdef(con.oid)), ''
			                ORDER BY con.conname) FROM pg_constraint con WHERE con.contypid = t.oid AND con.convalidated)),
			        format('DROP DOMAIN %s', t.qname), NULL
			    FROM typ t JOIN pg_type b ON b.oid = t.typbasetype LEFT JOIN coll co ON co.oid = t.typcollation
			    WHERE t.typtype = 'd'
			UNION ALL
			SELECT 'r' || t.typrelid, 1, t.qname,
			        format(E'CREATE TYPE %s AS (\\n    %s\\n)', t.qname, (SELECT string_agg(col.definition, E',\\n    '
			            ORDER BY col.attnum) FROM col WHERE col.attrelid = t.typrelid)),
			        format('DROP TYPE %s', t.qname), NULL
			    FROM typ t JOIN rel c ON c.oid = t.typrelid WHERE c.relkind = 'c'
			UNION ALL
			SELECT 't' || t.oid, 1, t.qname,
			        format('CREATE TYPE %s AS RANGE (subtype = %s%s, multirange_type_name = %s)', t.qname,
			            format_type(r.rngsubtype, NULL),
			            CASE WHEN r.rngsubdiff <> 0 THEN ', subtype_diff = ' || r.rngsubdiff::regproc END,
			            format_type(r.rngmultitypid, NULL)),
			        format('DROP TYPE %s', t.qname), NULL
			    FROM typ t JOIN pg_range r ON r.rngtypid = t.oid
			UNION ALL
			SELECT 'r' || c.oid, 2, c.qname,
			        format('CREATE %sSEQUENCE %s AS %s %s', CASE WHEN c.relpersistence = 'u' THEN 'UNLOGGED ' END, c.qname,
			            format_type(s.seqtypid, NULL), o.options),
			        format('DROP SEQUENCE %s', c.qname), NULL
			    FROM rel c JOIN pg_sequence s ON s.seqrelid = c.oid JOIN sequence_options o ON o.seqrelid = c.oid
			    WHERE c.oid NOT IN (SELECT objid FROM pg_depend WHERE classid = 'pg_class'::regclass AND deptype = 'i')
			UNION ALL
			SELECT 'p' || p.oid, 3, p.qname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
			        rtrim(pg_get_functiondef(p.oid)),
			        format('DROP %s %s(%s)', CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, p.qname,
			            pg_get_function_identity_arguments(p.oid)), NULL
			    FROM proc p
			UNION ALL
			SELECT 'r' || c.oid, 4, c.qname,
			        format(E'CREATE %sTABLE %s (\\n    %s\\n)%s%s%s', CASE WHEN c.relpersistence = 'u' THEN 'UNLOGGED ' END,
			            c.qname, concat_ws(E',\\n    ',
			                (SELECT string_agg(col.definition, E',\\n    ' ORDER BY col.attnum) FROM col
			                    WHERE col.attrelid = c.oid),
			                (SELECT string_agg(k.definition, E',\\n    ' ORDER BY k.conname) FROM check_constraint k
			                    WHERE k.conrelid = c.oid)),
			            CASE WHEN NOT c.relispartition THEN (SELECT ' INHERITS (' || string_agg(p.qname, ', '
			                ORDER BY i.inhseqno) || ')' FROM pg_inherits i JOIN rel p ON p.oid = i.inhparent
			                WHERE i.inhrelid = c.oid) END,
			            ' PARTITION BY ' || pg_get_partkeydef(c.oid), o.clause),
			        format('DROP TABLE %s', c.qname), NULL
			    FROM rel c LEFT JOIN rel_options o ON o.oid = c.oid WHERE c.relkind IN ('r', 'p')
			UNION ALL
			SELECT 'r' || c.oid, 5, c.qname,
			        format(CASE c.relkind WHEN 'v' THEN E'CREATE VIEW %s%s AS\\n%s'
			            ELSE E'CREATE MATERIALIZED VIEW %s%s AS\\n%s\\nWITH NO DATA' END,
			            c.qname, o.clause, rtrim(pg_get_viewdef(c.oid), ';')),
			        format('DROP %sVIEW %s', CASE c.relkind WHEN 'm' THEN 'MATERIALIZED ' END, c.qname),
			        CASE WHEN c.relkind = 'm' AND c.relispopulated THEN format('REFRESH MATERIALIZED VIEW %s', c.qname) END
			    FROM rel c LEFT JOIN rel_options o ON o.oid = c.oid WHERE c.relkind IN ('v', 'm')
			""";

	/**
	 * Which object depends on which: each catalog row that can be depended on or depend
	 * (a column default, a view's rule, a domain's or table's check, an array of a type) is
	 * mapped to the object the baseline creates it with, and inheritance puts a child after
	 * its parents (so the downgrade drops it first). A view that needs a primary key or unique
	 * constraint (one that groups by a key and selects other columns of its table) depends on
	 * {@link #KEYS}.
	 */
	private static final String DEPENDENCIES = """
			,
			object AS (
			    SELECT 'pg_class'::regclass AS classid, c.oid AS objid, 'r' || c.oid AS key FROM rel c
			    UNION ALL
			    SELECT 'pg_type'::regclass, t.oid, CASE WHEN t.typrelid <> 0 THEN 'r' || t.typrelid ELSE 't' || t.oid END
			        FROM typ t
			    UNION ALL
			    SELECT 'pg_type'::regclass, t.typarray, CASE WHEN t.typrelid <> 0 THEN 'r' || t.typrelid ELSE 't' || t.oid END
			        FROM typ t WHERE t.typarray <> 0
			    UNION ALL
			    SELECT 'pg_type'::regclass, r.rngmultitypid, 't' || r.rngtypid FROM pg_range r JOIN typ t ON t.oid = r.rngtypid
			    UNION ALL
			    SELECT 'pg_proc'::regclass, p.oid, 'p' || p.oid FROM proc p
			    UNION ALL
			    SELECT 'pg_attrdef'::regclass, ad.oid, 'r' || ad.adrelid FROM pg_attrdef ad JOIN rel c ON c.oid = ad.adrelid
			    UNION ALL
			    SELECT 'pg_rewrite'::regclass, rw.oid, 'r' || rw.ev_class FROM pg_rewrite rw JOIN rel c ON c.oid = rw.ev_class
			        WHERE rw.rulename = '_RETURN'
			    UNION ALL
			    SELECT 'pg_constraint'::regclass, con.oid,
			            CASE WHEN con.contypid <> 0 THEN 't' || con.contypid ELSE 'r' || con.conrelid END
			        FROM pg_constraint con
			        WHERE con.contypid IN (SELECT oid FROM typ) OR con.contype = 'c' AND con.conrelid IN (SELECT oid FROM rel)
			)
			SELECT DISTINCT o.key, r.key
			    FROM pg_depend d
			    JOIN object o ON o.classid = d.classid AND o.objid = d.objid
			    JOIN object r ON r.classid = d.refclassid AND r.objid = d.refobjid
			    WHERE d.deptype = 'n' AND o.key <> r.key
			UNION
			SELECT 'r' || i.inhrelid, 'r' || i.inhparent FROM pg_inherits i JOIN rel c ON c.oid = i.inhrelid
			    WHERE c.relkind IN ('r', 'p')
			UNION
			SELECT o.key, 'keys'
			    FROM pg_depend d
			    JOIN object o ON o.classid = d.classid AND o.objid = d.objid
			    JOIN pg_constraint k ON k.oid = d.refobjid AND k.contype IN ('p', 'u')
			    WHERE d.refclassid = 'pg_constraint'::regclass AND d.deptype = 'n'
			""";

	private SchemaObjects() {
	}

	/**
	 * Reads the objects in the order they can be created in.
	 * @param connection a connection in a {@link ReadingSession}
	 * @param scope what to read
	 * @return the objects, each after those it depends on, and apart those that need keys
	 * @throws SQLException when the catalog cannot be read
	 */
	static Ordered read(Connection connection, BaselineScope scope) throws SQLException {
		List<SchemaObject> objects = CatalogScope.query(connection, scope, OBJECTS, SchemaObjects::object);
		Map<String, Set<String>> dependsOn = CatalogScope
			.query(connection, scope, DEPENDENCIES, (row) -> Map.entry(row.getString(1), row.getString(2)))
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
		List<SchemaObject> sorted = DependencyOrder.sort(objects, SchemaObject::key, SchemaObject.ORDER, dependsOn);
		Set<String> needKeys = new HashSet<>(Set.of(KEYS));
		for (SchemaObject object : sorted) {
			if (dependsOn.getOrDefault(object.key(), Set.of()).stream().anyMatch(needKeys::contains)) {
				needKeys.add(object.key());
			}
		}
		Map<Boolean, List<SchemaObject>> byKeys = sorted.stream()
			.collect(Collectors.partitioningBy((object) -> needKeys.contains(object.key())));
		return new Ordered(byKeys.get(false), byKeys.get(true));
	}

	private static SchemaObject object(ResultSet row) throws SQLException {
		int rank = row.getInt(2);
		// a routine's body is its author's text, not an expression PostgreSQL printed
		String create = (rank == ROUTINE_RANK) ? row.getString(4) : ArrayCasts.keep(row.getString(4));
		return new SchemaObject(row.getString(1), rank, row.getString(3), create, row.getString(5), row.getString(6));
	}

	/**
	 * The objects in the order they can be created in.
	 *
	 * @param beforeRows those created before the rows
	 * @param afterKeys those that need a primary key or unique constraint, and what needs them,
	 * created once the keys are there, as {@code pg_dump} puts such a view's rule after them
	 */
	record Ordered(List<SchemaObject> beforeRows, List<SchemaObject> afterKeys) {

		List<SchemaObject> all() {
			return Stream.concat(this.beforeRows.stream(), this.afterKeys.stream()).toList();
		}

	}

	/**
	 * One object a baseline creates.
	 *
	 * @param key its catalog identity ({@code r}, {@code t} or {@code p} and its oid)
	 * @param rank where its kind goes when nothing else decides: types, sequences, routines,
	 * tables, views
	 * @param name its qualified name, which orders objects of one rank
	 * @param create the statement that creates it
	 * @param drop the statement that drops it
	 * @param refresh the statement that fills it at the end, for a populated materialized view
	 */
	record SchemaObject(String key, int rank, String name, String create, String drop, String refresh) {

		static final Comparator<SchemaObject> ORDER = Comparator.comparingInt(SchemaObject::rank)
			.thenComparing(SchemaObject::name)
			.thenComparing(SchemaObject::key);

	}

}
