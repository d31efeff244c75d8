package dev.migration.core.dialect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.UUID;

import dev.migration.core.MigrationException;

/**
 * Renders Java values as PostgreSQL literals that are safe whatever
 * {@code standard_conforming_strings} is set to.
 */
final class PostgresLiterals {

	private PostgresLiterals() {
	}

	static String literal(Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Boolean bool) {
			return bool ? "TRUE" : "FALSE";
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger) {
			return value.toString();
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Double || value instanceof Float) {
			return floating(((Number) value).doubleValue());
		}
		if (value instanceof byte[] bytes) {
			return "E'\\\\x" + HexFormat.of().formatHex(bytes) + "'::bytea";
		}
		if (value instanceof Enum<?> constant) {
			return string(constant.name());
		}
		if (value instanceof ZonedDateTime zoned) {
			// the zone id suffix of ZonedDateTime.toString() is not PostgreSQL syntax
			return string(zoned.toOffsetDateTime().toString());
		}
		if (isTextual(value)) {
			return string(value.toString());
		}
		throw new MigrationException("Cannot render a value of type " + value.getClass().getName()
				+ " as an SQL literal; use a String, a number, a Boolean, a UUID, a java.time value or a byte[].");
	}

	static String string(String text) {
		if (text.indexOf('\0') >= 0) {
			throw new MigrationException("PostgreSQL text cannot hold a NUL character: '" + text.replace('\0', '?') + "'");
		}
		String quoted = text.replace("'", "''");
		// an E'' literal reads backslashes the same way whatever standard_conforming_strings says
		return (text.indexOf('\\') >= 0) ? "E'" + quoted.replace("\\", "\\\\") + "'" : "'" + quoted + "'";
	}

	static String duration(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? "'" + (millis / 1000) + "s'" : "'" + millis + "ms'";
	}

	private static String floating(double number) {
		if (Double.isNaN(number)) {
			return "'NaN'::float8";
		}
		if (Double.isInfinite(number)) {
			return (number > 0) ? "'Infinity'::float8" : "'-Infinity'::float8";
		}
		return Double.toString(number);
	}

	private static boolean isTextual(Object value) {
		return value instanceof CharSequence || value instanceof Character || value instanceof UUID
				|| value instanceof LocalDate || value instanceof LocalTime || value instanceof LocalDateTime
				|| value instanceof OffsetDateTime || value instanceof OffsetTime || value instanceof Instant;
	}

}
