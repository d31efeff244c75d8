package dev.migration.core.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

import dev.migration.core.history.BackfillProgress;

/**
 * How fast a running backfill goes, from two readings of its progress: rows done, rows per
 * second and, for numeric keys, the estimated time left.
 *
 * @param name the backfill's name
 * @param rowsDone rows filled so far
 * @param rowsPerSecond rows filled per second between the two readings
 * @param lastKey the last key done
 * @param endKey the key where it stops
 * @param secondsLeft the estimated seconds left, or {@code null} when the key is not numeric
 * @param measuredAt when the later reading was taken
 */
public record BackfillPace(String name, long rowsDone, double rowsPerSecond, String lastKey, String endKey,
		Double secondsLeft, Instant measuredAt) {

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

	/** For numeric keys: the keys left at the pace the interval walked them. */
	private static Double secondsLeft(BackfillProgress before, BackfillProgress current, double seconds) {
		try {
			BigDecimal from = new BigDecimal(before.lastKey());
			BigDecimal to = new BigDecimal(current.lastKey());
			BigDecimal end = new BigDecimal(current.endKey());
			double walked = to.subtract(from).doubleValue();
			return (walked <= 0) ? null : end.subtract(to).doubleValue() / (walked / seconds);
		}
		catch (RuntimeException ex) {
			// a null, text or uuid key gives no distance to measure
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
