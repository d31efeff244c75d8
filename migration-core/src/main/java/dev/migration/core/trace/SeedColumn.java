package dev.migration.core.trace;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column as the seeder sees it in the catalog.
 *
 * @param name the column name
 * @param type its type as {@code format_type} writes it, modifiers and quotes included
 * @param baseType the name of its type, or of a domain's base type, in {@code pg_type}
 * @param baseTypeName the base type as {@code format_type} writes it, without modifiers
 * @param typtype the base type's {@code typtype}: {@code b} base, {@code e} enum, {@code r} range, ...
 * @param category the base type's {@code typcategory}: {@code A} array, ...
 * @param typmod the modifier: a length plus 4, or a numeric's precision and scale
 * @param notNull whether it is {@code NOT NULL}
 * @param hasDefault whether it has a default
 * @param generated whether PostgreSQL computes it from the other columns
 * @param numbered whether it is an identity column or takes its default from a sequence
 * @param checkLiteral the first quoted literal of a check constraint on this column alone, such
 * as {@code 'A'} of {@code type IN ('A', 'B')}, or {@code null}
 */
record SeedColumn(String name, String type, String baseType, String baseTypeName, char typtype, char category,
		int typmod, boolean notNull, boolean hasDefault, boolean generated, boolean numbered, String checkLiteral) {

	private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");

	/**
	 * Returns the first quoted literal of a check constraint's text, quotes undone.
	 * @param definition {@code pg_get_constraintdef}, or {@code null}
	 * @return the literal, or {@code null}
	 */
	static String firstLiteral(String definition) {
		if (definition == null) {
			return null;
		}
		Matcher matcher = LITERAL.matcher(definition);
		return matcher.find() ? matcher.group(1).replace("''", "'") : null;
	}

	/** Distinct values where the type allows, so unique indexes take many rows. */
	private static final String N = "g.n";

	/**
	 * Returns an SQL expression of the row number {@code g.n} that gives a value of the column's
	 * type, or {@code null} when the seeder knows none.
	 * @param far whether whole numbers start far from 1, clear of the keys a data migration
	 * inserts and of the values a sequence gives
	 * @return the expression, cast to the column's type
	 */
	String value(boolean far) {
		String value = baseValue(far);
		return (value != null) ? "(" + value + ")::" + this.type : null;
	}

	private String baseValue(boolean far) {
		if (this.category == 'A') {
			return "'{}'";
		}
		if (this.typtype == 'e') {
			return "pg_catalog.enum_first(NULL::" + this.baseTypeName + ")";
		}
		if (this.typtype == 'r') {
			return "'empty'";
		}
		if (this.typtype == 'm') {
			return "'{}'";
		}
		return switch (this.baseType) {
			case "int2" -> far ? N + " + 10000" : N;
			case "int4", "int8", "float4", "float8", "money" -> far ? N + " + 1000000000" : N;
			case "oid" -> N;
			case "numeric" -> (far && this.typmod < 4) ? N + " + 1000000000" : numeric();
			// an explicit cast cuts the text to the column's length
			case "text", "varchar", "bpchar", "name", "citext" -> "'x' || " + N;
			case "char" -> "'x'";
			case "bool" -> N + " % 2 = 0";
			case "timestamp", "timestamptz" -> "TIMESTAMP '2000-01-01' + " + N + " * INTERVAL '1 second'";
			case "date" -> "DATE '2000-01-01' + " + N + "::int";
			case "time", "timetz" -> "TIME '00:00' + " + N + " * INTERVAL '1 second'";
			case "interval" -> N + " * INTERVAL '1 second'";
			case "uuid" -> "md5(" + N + "::text)::uuid";
			case "json", "jsonb" -> "'{}'";
			case "bytea" -> "convert_to(" + N + "::text, 'UTF8')";
			case "inet" -> "'10.0.0.0'::inet + " + N;
			case "xml" -> "'<x/>'";
			case "tsvector" -> "'x'";
			default -> null;
		};
	}

	/** A numeric(p, s) holds p - s digits before the point. */
	private String numeric() {
		if (this.typmod < 4) {
			return N;
		}
		int precision = ((this.typmod - 4) >> 16) & 0xffff;
		int scale = (this.typmod - 4) & 0xffff;
		int digits = Math.min(precision - scale, 18);
		return (digits <= 0) ? "0" : N + " % " + (long) Math.pow(10, digits);
	}

}
