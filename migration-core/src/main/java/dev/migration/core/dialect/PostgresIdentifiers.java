package dev.migration.core.dialect;

import java.util.Set;
import java.util.regex.Pattern;

import dev.migration.core.schema.QualifiedName;

/**
 * Quotes identifiers exactly where PostgreSQL's {@code quote_ident} would: names that are not
 * plain lower-case words, and every keyword that is not unreserved.
 */
final class PostgresIdentifiers {

	private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

	/** Keywords of PostgreSQL 13 to 17 outside the unreserved category ({@code pg_get_keywords()}). */
	private static final Set<String> KEYWORDS = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
			"asymmetric", "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast",
			"char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint",
			"create", "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
			"current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct", "do",
			"else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze",
			"from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner",
			"inout", "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "json", "json_array",
			"json_arrayagg", "json_exists", "json_object", "json_objectagg", "json_query", "json_scalar",
			"json_serialize", "json_table", "json_value", "lateral", "leading", "least", "left", "like", "limit",
			"localtime", "localtimestamp", "merge_action", "national", "natural", "nchar", "none", "normalize", "not",
			"notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps",
			"overlay", "placing", "position", "precision", "primary", "real", "references", "returning", "right",
			"row", "select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric",
			"system_user", "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim",
			"true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose", "when", "where",
			"window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces",
			"xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");

	private PostgresIdentifiers() {
	}

	static String quote(String identifier) {
		if (PLAIN.matcher(identifier).matches() && !KEYWORDS.contains(identifier)) {
			return identifier;
		}
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	static String quote(QualifiedName name) {
		return (name.schema() != null) ? quote(name.schema()) + "." + quote(name.name()) : quote(name.name());
	}

}
