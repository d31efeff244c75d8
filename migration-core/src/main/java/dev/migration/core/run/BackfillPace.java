package dev.migration.core.run;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.migration.core.history.BackfillProgress;

/**
 * How fast a running backfill goes, from two readings of its progress: rows done, rows per
 * second and, for numeric and uuid keys, the estimated time left.
 *
 * @param name the backfill's name
 * @param rowsDone rows filled so far
 * @param rowsPerSecond rows filled per second between the two readings
 * @param lastKey the last key done
 * @param endKey the key where it stops
 * @param secondsLeft the estimated seconds left, or {@code null} when the key is neither a number
 * nor a uuid
 * @param measuredAt when the later reading was taken
 */
public record BackfillPace(String name, long rowsDone, double rowsPerSecond, String lastKey, String endKey,
		Double secondsLeft, Instant measuredAt) {

	private static final Pattern UUID_KEY = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

	/**
	 * Measures the pace between two readings of the same backfill.
	 * @param before the earlier reading
	 * @param current the later reading
	 * @param seconds the time between them
	 * @param measuredAt when the later reading was taken
	 * @return the pace
	 */
	public static BackfillPace between(BackfillProgress before, BackfillProgress current, double seconds,
			Instant measuredAt) {
		double elapsed = Math.max(seconds, 0.001);
		double rate = (current.rowsDone() - before.rowsDone()) / elapsed;
		return new BackfillPace(current.name(), current.rowsDone(), rate, current.lastKey(), current.endKey(),
				secondsLeft(before, current, elapsed), measuredAt);
	}

	/** The keys left at the pace the interval walked them, for keys with a distance between them. */
	private static Double secondsLeft(BackfillProgress before, BackfillProgress current, double seconds) {
		BigDecimal from = position(before.lastKey());
		BigDecimal to = position(current.lastKey());
		BigDecimal end = position(current.endKey());
		if (from == null || to == null || end == null) {
			return null;
		}
		double walked = to.subtract(from).doubleValue();
		return (walked <= 0) ? null : end.subtract(to).doubleValue() / (walked / seconds);
	}

	/**
	 * Where a key stands on a line: a number as it is, a {@code uuid} as the 128-bit number
	 * PostgreSQL orders it by; {@code null} for keys with no distance between them, such as text.
	 */
	static BigDecimal position(String key) {
		if (key == null) {
			return null;
		}
		if (UUID_KEY.matcher(key).matches()) {
			return new BigDecimal(new BigInteger(key.replace("-", ""), 16));
		}
		try {
			return new BigDecimal(key);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * Describes the pace for the log.
	 * @return the log line
	 */
	public String describe() {
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Backfill %s: %,d rows done, %,.0f rows/s",
				this.name, this.rowsDone, this.rowsPerSecond));
		if (this.secondsLeft != null) {
			line.append(String.format(Locale.ROOT, ", key %s of %s, about %,.0f s left", this.lastKey, this.endKey,
					this.secondsLeft));
		}
		return line.toString();
	}

}
