package dev.migration.core.run;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.core.history.BackfillProgress;

/**
 * Reports the progress of running backfills at a steady interval while a run goes on: rows
 * done, rate and, for numeric keys, the estimated time left, to the log and to the run's
 * listener. A backfill runs as one statement in the server, so this reads its progress rows on
 * a connection of its own.
 */
final class BackfillMonitor implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(BackfillMonitor.class);

	private final Thread thread;

	private BackfillMonitor(Supplier<List<BackfillProgress>> progress, Duration interval, MigrationListener listener) {
		this.thread = new Thread(() -> watch(progress, interval, listener), "migration-backfill-monitor");
		this.thread.setDaemon(true);
	}

	static BackfillMonitor start(Supplier<List<BackfillProgress>> progress, Duration interval,
			MigrationListener listener) {
		BackfillMonitor monitor = new BackfillMonitor(progress, interval, listener);
		monitor.thread.start();
		return monitor;
	}

	@Override
	public void close() {
		this.thread.interrupt();
	}

	private static void watch(Supplier<List<BackfillProgress>> progress, Duration interval,
			MigrationListener listener) {
		Map<String, BackfillProgress> seen = new HashMap<>();
		long last = System.nanoTime();
		// a first reading now, so the first pace is known one interval into the run
		read(progress).forEach((current) -> seen.put(current.name(), current));
		while (!Thread.currentThread().isInterrupted()) {
			try {
				Thread.sleep(interval.toMillis());
				long now = System.nanoTime();
				double seconds = (now - last) / 1e9;
				last = now;
				for (BackfillProgress current : read(progress)) {
					BackfillProgress before = seen.put(current.name(), current);
					if (current.paused() != null && !current.done()
							&& (before == null || !current.paused().equals(before.paused()))) {
						// a wait is news once, not every interval it lasts
						logger.info("Backfill {} waits: {}", current.name(), current.paused());
					}
					if (before != null && !current.done() && current.rowsDone() > before.rowsDone()) {
						BackfillPace pace = BackfillPace.between(before, current, seconds, Instant.now());
						logger.info(pace.describe());
						listener.backfillProgressed(pace);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static List<BackfillProgress> read(Supplier<List<BackfillProgress>> progress) {
		try {
			return progress.get();
		}
		catch (RuntimeException ex) {
			// monitoring must never disturb the run; the next round tries again
			logger.debug("Could not read backfill progress: {}", ex.getMessage());
			return List.of();
		}
	}

}
