package dev.migration.core.schema;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.migration.core.MigrationException;

/**
 * A column's data type: a built-in PostgreSQL type written as a keyword, or a named type
 * (an enum, a domain, an extension's type) that the dialect quotes as an identifier.
 *
 * @param schema the schema of a named type, or {@code null}
 * @param name the type name
 * @param modifiers type modifiers such as length, precision and scale
 * @param arrayDimensions how many {@code []} follow the type
 * @param builtIn whether the name is a built-in keyword rendered as is
 */
public record ColumnType(String schema, String name, List<Integer> modifiers, int arrayDimensions, boolean builtIn) {

	private static final Pattern KEYWORD = Pattern.compile("[a-z][a-z0-9 ]*");

	/** The interval fields that end in seconds, the only ones that take a precision, written after them. */
	private static final Pattern INTERVAL_SECONDS = Pattern.compile("interval (?:(?:day|hour|minute) to )?second");

	/** Every field restriction PostgreSQL's interval takes. */
	private static final Pattern INTERVAL_FIELDS = Pattern.compile("year|month|day|hour|minute|second|year to month"
			+ "|day to hour|day to minute|day to second|hour to minute|hour to second|minute to second");

	public static final ColumnType SMALLINT = builtIn("smallint");

	public static final ColumnType INTEGER = builtIn("integer");

	public static final ColumnType BIGINT = builtIn("bigint");

	public static final ColumnType SERIAL = builtIn("serial");

	public static final ColumnType BIGSERIAL = builtIn("bigserial");

	public static final ColumnType REAL = builtIn("real");

	public static final ColumnType DOUBLE = builtIn("double precision");

	public static final ColumnType NUMERIC = builtIn("numeric");

	public static final ColumnType MONEY = builtIn("money");

	public static final ColumnType BOOLEAN = builtIn("boolean");

	public static final ColumnType TEXT = builtIn("text");

	public static final ColumnType VARCHAR = builtIn("varchar");

	public static final ColumnType UUID = builtIn("uuid");

	public static final ColumnType DATE = builtIn("date");

	public static final ColumnType TIME = builtIn("time");

	public static final ColumnType TIMETZ = builtIn("timetz");

	public static final ColumnType TIMESTAMP = builtIn("timestamp");

	public static final ColumnType TIMESTAMPTZ = builtIn("timestamptz");

	public static final ColumnType INTERVAL = builtIn("interval");

	public static final ColumnType BYTEA = builtIn("bytea");

	public static final ColumnType JSON = builtIn("json");

	public static final ColumnType JSONB = builtIn("jsonb");

	public static final ColumnType INET = builtIn("inet");

	public static final ColumnType CIDR = builtIn("cidr");

	public static final ColumnType MACADDR = builtIn("macaddr");

	public static final ColumnType TSVECTOR = builtIn("tsvector");

	public static final ColumnType XML = builtIn("xml");

	public ColumnType {
		if (schema != null) {
			Names.require("type schema", schema);
		}
		if (builtIn && (schema != null || !KEYWORD.matcher(name).matches())) {
			throw new MigrationException("'" + name + "' is not a built-in type keyword; use ColumnType.named(...)");
		}
		Names.require("type", name);
		modifiers = List.copyOf(modifiers);
		if (builtIn && name.contains(" ") && !modifiers.isEmpty() && !INTERVAL_SECONDS.matcher(name).matches()) {
			throw new MigrationException("Type '" + name + "' takes no modifiers in this form; use the one-word "
					+ "spelling, such as timestamptz(3) or varchar(20).");
		}
		for (Integer modifier : modifiers) {
			if (modifier < 0) {
				throw new MigrationException("Type " + name + " has a negative modifier " + modifier + ".");
			}
		}
		if (arrayDimensions < 0) {
			throw new MigrationException("Type " + name + " has a negative number of array dimensions.");
		}
	}

	/**
	 * A {@code numeric(precision, scale)}.
	 * @param precision total digits
	 * @param scale digits after the decimal point
	 * @return the type
	 */
	public static ColumnType numeric(int precision, int scale) {
		if (scale > precision) {
			throw new MigrationException("numeric(" + precision + ", " + scale + ") has a scale above its precision.");
		}
		return NUMERIC.withModifiers(precision, scale);
	}

	/**
	 * A {@code numeric(precision)}.
	 * @param precision total digits
	 * @return the type
	 */
	public static ColumnType numeric(int precision) {
		return NUMERIC.withModifiers(precision);
	}

	/**
	 * A {@code varchar(length)}.
	 * @param length the maximum length in characters
	 * @return the type
	 */
	public static ColumnType varchar(int length) {
		return VARCHAR.withModifiers(length);
	}

	/**
	 * A fixed-length {@code character(length)}.
	 * @param length the length in characters
	 * @return the type
	 */
	public static ColumnType character(int length) {
		return builtIn("character").withModifiers(length);
	}

	/**
	 * A {@code timestamp(precision)} without time zone.
	 * @param precision fractional digits of seconds, 0 to 6
	 * @return the type
	 */
	public static ColumnType timestamp(int precision) {
		return TIMESTAMP.withModifiers(precision);
	}

	/**
	 * A {@code timestamptz(precision)}.
	 * @param precision fractional digits of seconds, 0 to 6
	 * @return the type
	 */
	public static ColumnType timestamptz(int precision) {
		return TIMESTAMPTZ.withModifiers(precision);
	}

	/**
	 * A {@code time(precision)} without time zone.
	 * @param precision fractional digits of seconds, 0 to 6
	 * @return the type
	 */
	public static ColumnType time(int precision) {
		return TIME.withModifiers(precision);
	}

	/**
	 * An {@code interval} restricted to some fields, such as {@code interval second(6)}, as
	 * Hibernate maps a {@code Duration} to with {@code SqlTypes.INTERVAL_SECOND}.
	 * @param fields the fields, such as {@code second} or {@code day to second}
	 * @param precision fractional digits of seconds, 0 to 6, or {@code null} for none written
	 * @return the type
	 */
	public static ColumnType interval(String fields, Integer precision) {
		String restricted = fields.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		if (!INTERVAL_FIELDS.matcher(restricted).matches()) {
			throw new MigrationException("'" + fields + "' is no field restriction of an interval: use one of year, "
					+ "month, day, hour, minute, second, or a range such as day to second.");
		}
		ColumnType type = builtIn("interval " + restricted);
		if (precision == null) {
			return type;
		}
		if (!INTERVAL_SECONDS.matcher(type.name()).matches()) {
			throw new MigrationException("interval " + restricted + " takes no precision: only fields that end in "
					+ "second do.");
		}
		return type.withModifiers(precision);
	}

	/**
	 * A built-in type by its keyword, such as {@code "point"} or {@code "tsquery"}.
	 * @param keyword the lower-case type keyword
	 * @return the type
	 */
	public static ColumnType builtIn(String keyword) {
		return new ColumnType(null, keyword, List.of(), 0, true);
	}

	/**
	 * A type by name, quoted as an identifier: an enum, a domain, an extension's type.
	 * @param name the type name
	 * @return the type
	 */
	public static ColumnType named(String name) {
		return new ColumnType(null, name, List.of(), 0, false);
	}

	/**
	 * A type by name in a schema.
	 * @param schema the type's schema
	 * @param name the type name
	 * @return the type
	 */
	public static ColumnType named(String schema, String name) {
		return new ColumnType(schema, name, List.of(), 0, false);
	}

	/**
	 * Returns this type with the given modifiers, such as {@code geometry(4326)}.
	 * @param values the modifiers
	 * @return the modified type
	 */
	public ColumnType withModifiers(Integer... values) {
		return new ColumnType(this.schema, this.name, List.of(values), this.arrayDimensions, this.builtIn);
	}

	/**
	 * Returns an array of this type.
	 * @return the array type
	 */
	public ColumnType array() {
		return new ColumnType(this.schema, this.name, this.modifiers, this.arrayDimensions + 1, this.builtIn);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder((this.schema != null) ? this.schema + "." + this.name : this.name);
		if (!this.modifiers.isEmpty()) {
			text.append(this.modifiers.toString().replace('[', '(').replace(']', ')'));
		}
		text.append("[]".repeat(this.arrayDimensions));
		return text.toString();
	}

}
