package dev.migration.core.baseline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the statements of a baseline that need no ordering by dependencies, each with the phase
 * it runs in: schemas and extensions before any object; partitions attached, serial sequences
 * owned and column settings made before the rows; then, as {@code pg_dump} puts them after the
 * data, primary keys, unique, exclusion and {@code NOT VALID} checks, indexes, foreign keys,
 * triggers, rules, row-level security and comments.
 */
final class CatalogStatements {

	/** Phases below this run before the objects of {@link SchemaObjects}. */
	private static final int OBJECTS = 30;

	/** Phases below this (and from {@link #OBJECTS}) run before the rows. */
	private static final int ROWS = 50;

	/** Phases below this (and from {@link #ROWS}) make the keys and checks, which some views need. */
	private static final int KEYS = 70;

	private static final String QUERY = """
			,
			table_rel AS (
			    SELECT * FROM rel WHERE relkind IN ('r', 'p')
			),
			table_column AS (
			    SELECT c.qname, c.relispartition, a.*, t.typstorage, c.qname || '.' || to_char(a.attnum, 'FM00000') AS position
			    FROM table_rel c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			    JOIN pg_type t ON t.oid = a.atttypid
			),
			visible AS (
			    SELECT 'pg_class'::regclass AS classid, oid AS objid FROM rel
			    UNION ALL SELECT 'pg_type'::regclass, oid FROM typ
			    UNION ALL SELECT 'pg_proc'::regclass, oid FROM proc
			    UNION ALL SELECT 'pg_namespace'::regclass, oid FROM nsp
			    UNION ALL SELECT 'pg_constraint'::regclass, oid FROM pg_constraint
			        WHERE conrelid IN (SELECT oid FROM rel) OR contypid IN (SELECT oid FROM typ)
			    UNION ALL SELECT 'pg_trigger'::regclass, oid FROM pg_trigger WHERE tgrelid IN (SELECT oid FROM rel)
			    UNION ALL SELECT 'pg_policy'::regclass, oid FROM pg_policy WHERE polrelid IN (SELECT oid FROM rel)
			    UNION ALL SELECT 'pg_rewrite'::regclass, oid FROM pg_rewrite WHERE ev_class IN (SELECT oid FROM rel)
			)
			SELECT 10, n.nspname, format('CREATE SCHEMA IF NOT EXISTS %I', n.nspname),
			        CASE WHEN NOT EXISTS (SELECT FROM pg_extension e WHERE e.extnamespace = n.oid)
			              AND NOT EXISTS (SELECT FROM left_out l JOIN pg_class c ON c.oid = l.oid WHERE c.relnamespace = n.oid)
			            THEN format('DROP SCHEMA %I', n.nspname) END
			    FROM nsp n WHERE n.nspname <> 'public'
			UNION ALL
			SELECT 20, to_char(e.oid::bigint, 'FM0000000000'),
			        format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA %I', e.extname, n.nspname), NULL
			    FROM pg_extension e JOIN nsp n ON n.oid = e.extnamespace WHERE e.oid >= 16384
			UNION ALL
			SELECT 40, c.qname,
			        format('ALTER TABLE ONLY %s ATTACH PARTITION %s %s', p.qname, c.qname, pg_get_expr(c.relpartbound, c.oid)), NULL
			    FROM table_rel c JOIN pg_inherits i ON i.inhrelid = c.oid JOIN rel p ON p.oid = i.inhparent
			    WHERE c.relispartition
			UNION ALL
			SELECT 41, s.qname, format('ALTER SEQUENCE %s OWNED BY %s.%I', s.qname, c.qname, a.attname),
			        format('ALTER SEQUENCE %s OWNED BY NONE', s.qname)
			    FROM pg_depend d JOIN rel s ON s.oid = d.objid JOIN rel c ON c.oid = d.refobjid
			    JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
			    WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'
			      AND s.relkind = 'S'
			UNION ALL
			SELECT 42, a.position, format('ALTER TABLE ONLY %s ALTER COLUMN %I SET DEFAULT %s', a.qname, a.attname,
			        pg_get_expr(ad.adbin, ad.adrelid)), NULL
			    FROM table_column a JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
			    WHERE NOT a.attislocal AND NOT a.relispartition AND a.attgenerated = ''
			UNION ALL
			SELECT 42, a.position, format('ALTER TABLE ONLY %s ALTER COLUMN %I SET NOT NULL', a.qname, a.attname), NULL
			    FROM table_column a WHERE NOT a.attislocal AND NOT a.relispartition AND a.attnotnull
			UNION ALL
			SELECT 42, a.position,
			        format('ALTER TABLE ONLY %s ALTER COLUMN %I SET STATISTICS %s', a.qname, a.attname, a.attstattarget), NULL
			    FROM table_column a WHERE a.attstattarget >= 0
			UNION ALL
			SELECT 42, a.position, format('ALTER TABLE ONLY %s ALTER COLUMN %I SET STORAGE %s', a.qname, a.attname,
			        CASE a.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END), NULL
			    FROM table_column a WHERE a.attstorage <> a.typstorage
			UNION ALL
			SELECT 42, a.position, format('ALTER TABLE ONLY %s ALTER COLUMN %I SET COMPRESSION %s', a.qname, a.attname,
			        CASE a.attcompression WHEN 'l' THEN 'lz4' ELSE 'pglz' END), NULL
			    FROM table_column a WHERE a.attcompression <> ''
			UNION ALL
			SELECT 60, c.qname || '.' || con.conname,
			        format('ALTER TABLE ONLY %s ADD CONSTRAINT %I %s', c.qname, con.conname, pg_get_constraintdef(con.oid)), NULL
			    FROM pg_constraint con JOIN table_rel c ON c.oid = con.conrelid WHERE con.contype IN ('p', 'u', 'x')
			UNION ALL
			SELECT 61, c.qname || '.' || con.conname, format('ALTER TABLE %s%s ADD CONSTRAINT %I %s',
			        CASE WHEN con.connoinherit THEN 'ONLY ' END, c.qname, con.conname, pg_get_constraintdef(con.oid)), NULL
			    FROM pg_constraint con JOIN table_rel c ON c.oid = con.conrelid
			    WHERE con.contype = 'c' AND NOT con.convalidated AND con.conislocal
			UNION ALL
			SELECT 62, t.qname || '.' || con.conname,
			        format('ALTER DOMAIN %s ADD CONSTRAINT %I %s', t.qname, con.conname, pg_get_constraintdef(con.oid)), NULL
			    FROM pg_constraint con JOIN typ t ON t.oid = con.contypid WHERE NOT con.convalidated
			UNION ALL
			SELECT 70, i.qname, pg_get_indexdef(i.oid), NULL
			    FROM rel i JOIN pg_index x ON x.indexrelid = i.oid JOIN rel c ON c.oid = x.indrelid
			    WHERE NOT EXISTS (SELECT FROM pg_constraint con WHERE con.conindid = i.oid AND con.contype IN ('p', 'u', 'x'))
			UNION ALL
			SELECT 71, i.qname, format('ALTER INDEX %s ATTACH PARTITION %s', p.qname, i.qname), NULL
			    FROM rel i JOIN pg_inherits h ON h.inhrelid = i.oid JOIN rel p ON p.oid = h.inhparent
			    WHERE i.relkind IN ('i', 'I')
			UNION ALL
			SELECT 72, c.qname, format('ALTER TABLE %s CLUSTER ON %I', c.qname, i.relname), NULL
			    FROM pg_index x JOIN rel c ON c.oid = x.indrelid JOIN rel i ON i.oid = x.indexrelid WHERE x.indisclustered
			UNION ALL
			SELECT 73, c.qname, format('ALTER TABLE ONLY %s REPLICA IDENTITY %s', c.qname, CASE c.relreplident
			        WHEN 'f' THEN 'FULL' WHEN 'n' THEN 'NOTHING' ELSE (SELECT 'USING INDEX ' || quote_ident(i.relname)
			            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = c.oid AND x.indisreplident) END),
			        NULL
			    FROM table_rel c WHERE c.relreplident <> 'd'
			UNION ALL
			SELECT 80, c.qname || '.' || con.conname, format('ALTER TABLE %s%s ADD CONSTRAINT %I %s',
			        CASE WHEN c.relkind = 'r' THEN 'ONLY ' END, c.qname, con.conname, pg_get_constraintdef(con.oid)),
			        format('ALTER TABLE %s%s DROP CONSTRAINT %I', CASE WHEN c.relkind = 'r' THEN 'ONLY ' END, c.qname, con.conname)
			    FROM pg_constraint con JOIN table_rel c ON c.oid = con.conrelid JOIN rel f ON f.oid = con.confrelid
			    WHERE con.contype = 'f' AND con.conparentid = 0
			UNION ALL
			SELECT 90, c.qname || '.' || t.tgname, pg_get_triggerdef(t.oid), NULL
			    FROM pg_trigger t JOIN rel c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND t.tgparentid = 0
			UNION ALL
			SELECT 91, c.qname || '.' || t.tgname, format('ALTER TABLE %s %s TRIGGER %I', c.qname,
			        CASE t.tgenabled WHEN 'D' THEN 'DISABLE' WHEN 'R' THEN 'ENABLE REPLICA' ELSE 'ENABLE ALWAYS' END, t.tgname),
			        NULL
			    FROM pg_trigger t JOIN rel c ON c.oid = t.tgrelid
			    WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND t.tgenabled <> 'O'
			UNION ALL
			SELECT 92, c.qname || '.' || r.rulename, rtrim(pg_get_ruledef(r.oid), ';'), NULL
			    FROM pg_rewrite r JOIN rel c ON c.oid = r.ev_class WHERE r.rulename <> '_RETURN'
			UNION ALL
			SELECT 93, c.qname, format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', c.qname), NULL
			    FROM table_rel c WHERE c.relrowsecurity
			UNION ALL
			SELECT 93, c.qname, format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', c.qname), NULL
			    FROM table_rel c WHERE c.relforcerowsecurity
			UNION ALL
			SELECT 94, c.qname || '.' || p.polname, format('CREATE POLICY %I ON %s AS %s FOR %s TO %s%s%s', p.polname, c.qname,
			        CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END,
			        CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE'
			            ELSE 'ALL' END,
			        (SELECT string_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r)) END, ', ')
			            FROM unnest(p.polroles) r),
			        ' USING (' || pg_get_expr(p.polqual, p.polrelid) || ')',
			        ' WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')'), NULL
			    FROM pg_policy p JOIN table_rel c ON c.oid = p.polrelid
			UNION ALL
			SELECT 95, o.type || ' ' || o.identity, format('COMMENT ON %s IS %L', CASE
			        WHEN o.type LIKE '% column' THEN 'COLUMN ' || o.identity
			        WHEN o.type = 'table constraint' THEN 'CONSTRAINT ' || o.identity
			        WHEN o.type = 'domain constraint' THEN (SELECT format('CONSTRAINT %I ON DOMAIN %s', con.conname, t.qname)
			            FROM pg_constraint con JOIN typ t ON t.oid = con.contypid WHERE con.oid = d.objoid)
			        ELSE upper(o.type) || ' ' || o.identity END, d.description), NULL
			    FROM pg_description d JOIN visible v ON v.classid = d.classoid AND v.objid = d.objoid,
			    pg_identify_object(d.classoid, d.objoid, d.objsubid) o
			    -- every database is made with this comment, and only public's owner may set it again
			    WHERE NOT (o.type = 'schema' AND o.identity = 'public' AND d.description = 'standard public schema')
			ORDER BY 1, 2
			""";

	private CatalogStatements() {
	}

	/**
	 * Reads the statements.
	 * @param connection a connection in a {@link ReadingSession}
	 * @param scope what to read
	 * @return the statements, by the phase they run in
	 * @throws SQLException when the catalog cannot be read
	 */
	static Phases read(Connection connection, BaselineScope scope) throws SQLException {
		List<Phased> steps = CatalogScope.query(connection, scope, QUERY,
				(row) -> new Phased(row.getInt(1), new Step(ArrayCasts.keep(row.getString(3)), row.getString(4))));
		return new Phases(between(steps, 0, OBJECTS), between(steps, OBJECTS, ROWS), between(steps, ROWS, KEYS),
				between(steps, KEYS, Integer.MAX_VALUE));
	}

	private static List<Step> between(List<Phased> steps, int from, int to) {
		return steps.stream().filter((step) -> step.phase() >= from && step.phase() < to).map(Phased::step).toList();
	}

	/** A statement and the phase it runs in. */
	private record Phased(int phase, Step step) {

	}

	/**
	 * The statements by when they run.
	 *
	 * @param beforeObjects schemas and extensions
	 * @param beforeRows what needs every object and must precede the rows
	 * @param keys primary keys, unique and exclusion constraints and {@code NOT VALID} checks
	 * @param afterKeys indexes, foreign keys, triggers, rules, policies and comments
	 */
	record Phases(List<Step> beforeObjects, List<Step> beforeRows, List<Step> keys, List<Step> afterKeys) {

	}

}
