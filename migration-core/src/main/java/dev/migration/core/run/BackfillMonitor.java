package dev.migration.core.run;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.core.history.BackfillProgress;

/**
 * Logs the progress of running backfills at a steady interval while a run goes on: rows done,
 * rate and, for numeric keys, the estimated time left. A backfill runs as one statement in the
 * server, so this reads its progress rows on a connection of its own.
 */
final class BackfillMonitor implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(BackfillMonitor.class);

	private final Thread thread;

	private BackfillMonitor(Supplier<List<BackfillProgress>> progress, Duration interval) {
		this.thread = new Thread(() -> watch(progress, interval), "migration-backfill-monitor");
		this.thread.setDaemon(true);
	}

	static BackfillMonitor start(Supplier<List<BackfillProgress>> progress, Duration interval) {
		BackfillMonitor monitor = new BackfillMonitor(progress, interval);
		monitor.thread.start();
		return monitor;
	}

	@Override
	public void close() {
		this.thread.interrupt();
	}

	private static void watch(Supplier<List<BackfillProgress>> progress, Duration interval) {
		Map<String, BackfillProgress> seen = new HashMap<>();
		long last = System.nanoTime();
		while (!Thread.currentThread().isInterrupted()) {
			try {
				Thread.sleep(interval.toMillis());
				long now = System.nanoTime();
				double seconds = (now - last) / 1e9;
				last = now;
				for (BackfillProgress current : progress.get()) {
					BackfillProgress before = seen.put(current.name(), current);
					if (before != null && !current.done() && current.rowsDone() > before.rowsDone()) {
						logger.info(describe(before, current, seconds));
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				// monitoring must never disturb the run; the next round tries again
				logger.debug("Could not read backfill progress: {}", ex.getMessage());
			}
		}
	}

	/**
	 * Describes the progress between two readings.
	 * @param before the earlier reading
	 * @param current the later reading
	 * @param seconds the time between them
	 * @return the log line
	 */
	static String describe(BackfillProgress before, BackfillProgress current, double seconds) {
		double rate = (current.rowsDone() - before.rowsDone()) / Math.max(seconds, 0.001);
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Backfill %s: %,d rows done, %,.0f rows/s",
				current.name(), current.rowsDone(), rate));
		Double eta = secondsLeft(before, current, seconds);
		if (eta != null) {
			line.append(String.format(Locale.ROOT, ", key %s of %s, about %,.0f s left", current.lastKey(),
					current.endKey(), eta));
		}
		return line.toString();
	}

	/** For numeric keys: the keys left at the pace the last interval walked them. */
	private static Double secondsLeft(BackfillProgress before, BackfillProgress current, double seconds) {
		try {
			BigDecimal from = new BigDecimal(before.lastKey());
			BigDecimal to = new BigDecimal(current.lastKey());
			BigDecimal end = new BigDecimal(current.endKey());
			double walked = to.subtract(from).doubleValue();
			return (walked <= 0) ? null : end.subtract(to).doubleValue() / (walked / Math.max(seconds, 0.001));
		}
		catch (RuntimeException ex) {
			// a null, text or uuid key gives no distance to measure
			return null;
		}
	}

}
