package dev.migration.jpa.generate;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migration.core.scaffold.RevisionBody;

/** Writes a type as PostgreSQL's {@code format_type} prints it as the {@code ColumnType} expression that makes it. */
final class JavaTypes {

	private static final Map<String, String> CONSTANTS = Map.ofEntries(Map.entry("smallint", "SMALLINT"),
			Map.entry("integer", "INTEGER"), Map.entry("bigint", "BIGINT"), Map.entry("real", "REAL"),
			Map.entry("double precision", "DOUBLE"), Map.entry("numeric", "NUMERIC"), Map.entry("money", "MONEY"),
			Map.entry("boolean", "BOOLEAN"), Map.entry("text", "TEXT"), Map.entry("character varying", "VARCHAR"),
			Map.entry("uuid", "UUID"), Map.entry("date", "DATE"), Map.entry("time without time zone", "TIME"),
			Map.entry("time with time zone", "TIMETZ"), Map.entry("timestamp without time zone", "TIMESTAMP"),
			Map.entry("timestamp with time zone", "TIMESTAMPTZ"), Map.entry("interval", "INTERVAL"),
			Map.entry("bytea", "BYTEA"), Map.entry("json", "JSON"), Map.entry("jsonb", "JSONB"),
			Map.entry("inet", "INET"), Map.entry("cidr", "CIDR"), Map.entry("macaddr", "MACADDR"),
			Map.entry("tsvector", "TSVECTOR"), Map.entry("xml", "XML"));

	private static final Pattern MODIFIED = Pattern
		.compile("(character varying|character|numeric|timestamp|time|bit varying|bit)\\((\\d+)(?:,(\\d+))?\\)"
				+ "( with(?:out)? time zone)?");

	private static final Map<String, String> FACTORIES = Map.of("character varying", "varchar", "character",
			"character", "numeric", "numeric", "timestamp without time zone", "timestamp",
			"timestamp with time zone", "timestamptz", "time without time zone", "time");

	/** An interval restricted to fields, with the precision of its seconds where written. */
	private static final Pattern INTERVAL = Pattern.compile("interval ([a-z ]+?)(?:\\((\\d+)\\))?");

	/** A one-word keyword {@code ColumnType.builtIn} takes, such as {@code oid} or {@code point}. */
	private static final Pattern KEYWORD = Pattern.compile("[a-z][a-z0-9]*");

	private JavaTypes() {
	}

	/**
	 * Returns the expression making a type, such as {@code ColumnType.varchar(255)}.
	 * @param type the type as {@code format_type} prints it
	 * @param enumTypes the enum types of the schema, by the names the snapshot gives them
	 * @return the expression, or empty when no {@code ColumnType} makes it
	 */
	static Optional<String> expression(String type, Set<String> enumTypes) {
		String base = type;
		int dimensions = 0;
		while (base.endsWith("[]")) {
			base = base.substring(0, base.length() - 2);
			dimensions++;
		}
		int arrays = dimensions;
		return scalar(base, enumTypes).map((expression) -> expression + ".array()".repeat(arrays));
	}

	private static Optional<String> scalar(String type, Set<String> enumTypes) {
		if (CONSTANTS.containsKey(type)) {
			return Optional.of("ColumnType." + CONSTANTS.get(type));
		}
		Matcher interval = INTERVAL.matcher(type);
		if (interval.matches()) {
			return Optional.of("ColumnType.interval(" + RevisionBody.literal(interval.group(1)) + ", "
					+ ((interval.group(2) != null) ? interval.group(2) : "null") + ")");
		}
		Matcher modified = MODIFIED.matcher(type);
		if (modified.matches()) {
			return modified(modified);
		}
		String unquoted = type.replace("\"", "");
		if (enumTypes.contains(unquoted)) {
			int dot = unquoted.indexOf('.');
			return Optional.of((dot < 0) ? "ColumnType.named(" + RevisionBody.literal(unquoted) + ")"
					: "ColumnType.named(" + RevisionBody.literal(unquoted.substring(0, dot)) + ", "
							+ RevisionBody.literal(unquoted.substring(dot + 1)) + ")");
		}
		return KEYWORD.matcher(type).matches() ? Optional.of("ColumnType.builtIn(" + RevisionBody.literal(type) + ")")
				: Optional.empty();
	}

	private static Optional<String> modified(Matcher type) {
		String name = type.group(1);
		String zone = type.group(4);
		String modifiers = type.group(2) + ((type.group(3) != null) ? ", " + type.group(3) : "");
		if (name.startsWith("bit")) {
			String keyword = name.equals("bit") ? "bit" : "varbit";
			return Optional.of("ColumnType.builtIn(\"" + keyword + "\").withModifiers(" + modifiers + ")");
		}
		if (name.equals("time") && " with time zone".equals(zone)) {
			return Optional.of("ColumnType.TIMETZ.withModifiers(" + modifiers + ")");
		}
		String factory = FACTORIES.get((zone != null) ? name + zone : name);
		return Optional.ofNullable(factory).map((method) -> "ColumnType." + method + "(" + modifiers + ")");
	}

}
