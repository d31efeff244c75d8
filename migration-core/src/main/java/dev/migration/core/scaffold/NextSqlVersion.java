package dev.migration.core.scaffold;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;

import dev.migration.core.sql.MigrationVersion;

/** The version of the next SQL file, above the highest one and written as it is. */
final class NextSqlVersion {

	private static final Map<Integer, String> TIMESTAMPS = Map.of(8, "uuuuMMdd", 12, "uuuuMMddHHmm", 14,
			"uuuuMMddHHmmss");

	private NextSqlVersion() {
	}

	/**
	 * Returns the version after the given one. A version that reads as a date and time
	 * ({@code yyyyMMdd}, {@code yyyyMMddHHmm} or {@code yyyyMMddHHmmss}, one number) takes the
	 * current time in that form, so versions keep telling when they were written; any other
	 * version, or one whose time is not before the current one, has its last number incremented
	 * with its width kept: {@code 0007} is followed by {@code 0008}, {@code 1_2} by {@code 1_3},
	 * {@code 1.9} by {@code 1.10}. Either way the new version is above the given one, so the file
	 * comes last in version order as it comes last in the history.
	 * @param written the highest version as its file name writes it, such as {@code 0007}
	 * @param now the current time
	 * @return the next version, written the same way
	 */
	static String after(String written, LocalDateTime now) {
		DateTimeFormatter timestamp = timestamp(written);
		if (timestamp != null) {
			String current = now.format(timestamp);
			if (MigrationVersion.parse(current).compareTo(MigrationVersion.parse(written)) > 0) {
				return current;
			}
		}
		return incremented(written);
	}

	private static String incremented(String written) {
		int start = written.length();
		while (start > 0 && Character.isDigit(written.charAt(start - 1))) {
			start--;
		}
		String digits = written.substring(start);
		String next = new BigInteger(digits).add(BigInteger.ONE).toString();
		return written.substring(0, start) + "0".repeat(Math.max(0, digits.length() - next.length())) + next;
	}

	/** The form of a version that is a date and time, or {@code null} when it is none. */
	private static DateTimeFormatter timestamp(String written) {
		String pattern = TIMESTAMPS.get(written.length());
		if (pattern == null || !written.chars().allMatch(Character::isDigit)) {
			return null;
		}
		DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
		try {
			formatter.parse(written);
			return formatter;
		}
		catch (DateTimeParseException ex) {
			// a counter such as 00000007 is no date
			return null;
		}
	}

}
