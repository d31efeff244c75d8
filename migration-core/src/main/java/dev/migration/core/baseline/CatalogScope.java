package dev.migration.core.baseline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The common start of every catalog query a baseline makes: what is in its scope, with every
 * name already quoted by the server ({@code format('%I.%I')}).
 *
 * <p>{@code rel}, {@code typ} and {@code proc} are the relations, types and routines of the
 * schemas read, without what belongs to an extension (the extension is created instead) and
 * without the tables left out, their indexes and their sequences; routines a type made for
 * itself (a range type's constructors) come with the type.
 */
final class CatalogScope {

	private static final String CTES = """
			WITH params AS (
			    SELECT ?::text[] AS schemas, ?::text[] AS left_out
			),
			extension_member AS (
			    SELECT classid, objid FROM pg_depend WHERE deptype = 'e'
			),
			nsp AS (
			    SELECT n.oid, n.nspname FROM pg_namespace n, params p
			    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
			      AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
			      AND (cardinality(p.schemas) = 0 OR n.nspname = ANY (p.schemas))
			      AND n.oid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_namespace'::regclass)
			),
			left_out AS (
			    SELECT c.oid FROM pg_class c JOIN nsp ON nsp.oid = c.relnamespace, params p
			    WHERE c.relkind IN ('r', 'p') AND c.relname = ANY (p.left_out)
			),
			hidden AS (
			    SELECT oid FROM left_out
			    UNION SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM left_out)
			    UNION SELECT d.objid FROM pg_depend d JOIN left_out l ON d.refobjid = l.oid
			        WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
			    UNION SELECT objid FROM extension_member WHERE classid = 'pg_class'::regclass
			),
			rel AS (
			    SELECT c.*, format('%I.%I', nsp.nspname, c.relname) AS qname
			    FROM pg_class c JOIN nsp ON nsp.oid = c.relnamespace
			    WHERE c.oid NOT IN (SELECT oid FROM hidden)
			),
			typ AS (
			    SELECT t.*, format('%I.%I', nsp.nspname, t.typname) AS qname
			    FROM pg_type t JOIN nsp ON nsp.oid = t.typnamespace
			    WHERE t.oid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_type'::regclass)
			),
			proc AS (
			    SELECT p.*, format('%I.%I', nsp.nspname, p.proname) AS qname
			    FROM pg_proc p JOIN nsp ON nsp.oid = p.pronamespace
			    WHERE p.prokind IN ('f', 'p', 'w')
			      AND p.oid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_proc'::regclass)
			      AND p.oid NOT IN (SELECT objid FROM pg_depend WHERE classid = 'pg_proc'::regclass AND deptype = 'i')
			),
			coll AS (
			    SELECT c.oid, format('%I.%I', n.nspname, c.collname) AS qname
			    FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
			)""";

	private CatalogScope() {
	}

	/**
	 * Runs a query that continues the scope's {@code WITH} list ({@code ", more AS (...) SELECT
	 * ..."}, or a {@code SELECT} of the scope's own lists) and maps each row.
	 * @param <T> what a row becomes
	 * @param connection the connection
	 * @param scope the scope
	 * @param rest the rest of the query
	 * @param mapper what each row becomes
	 * @return the rows, mapped, in the query's order
	 * @throws SQLException when the query fails
	 */
	static <T> List<T> query(Connection connection, BaselineScope scope, String rest, RowMapper<T> mapper)
			throws SQLException {
		List<T> rows = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(CTES + rest)) {
			statement.setArray(1, connection.createArrayOf("text", scope.schemas().toArray()));
			statement.setArray(2, connection.createArrayOf("text", scope.leftOutTables().toArray()));
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					rows.add(mapper.map(result));
				}
			}
		}
		return rows;
	}

	/**
	 * What one row of a catalog query becomes.
	 *
	 * @param <T> the result
	 */
	@FunctionalInterface
	interface RowMapper<T> {

		T map(ResultSet row) throws SQLException;

	}

}
