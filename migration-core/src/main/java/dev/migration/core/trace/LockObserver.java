package dev.migration.core.trace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the relation locks of the traced session from a second session, so that reading adds
 * no locks of its own to the ones it reads.
 */
final class LockObserver {

	private static final String LOCKS = "SELECT l.relation::bigint, l.mode, l.granted FROM pg_catalog.pg_locks l"
			+ " WHERE l.pid = ? AND l.locktype = 'relation' AND l.relation IS NOT NULL"
			+ " AND l.database IN (0, (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = current_database()))";

	/** How long the sampler sleeps between readings while a statement outside a transaction runs. */
	private static final long SAMPLE_PAUSE_MILLIS = 2;

	private final Connection observer;

	private final int pid;

	LockObserver(Connection observer, int pid) {
		this.observer = observer;
		this.pid = pid;
	}

	/**
	 * Reads the locks the traced session holds or waits for now.
	 * @return each lock with the time it was read
	 */
	Map<HeldLock, Long> read() throws SQLException {
		Map<HeldLock, Long> locks = new LinkedHashMap<>();
		long now = System.nanoTime();
		try (PreparedStatement statement = this.observer.prepareStatement(LOCKS)) {
			statement.setInt(1, this.pid);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					locks.putIfAbsent(new HeldLock(rows.getLong(1), LockMode.ofPgLocks(rows.getString(2)),
							rows.getBoolean(3)), now);
				}
			}
		}
		return locks;
	}

	/**
	 * Starts reading the locks over and over in a thread of its own, until {@link Sampling#stop()}.
	 * @return the running sampler
	 */
	Sampling sample() {
		Sampling sampling = new Sampling();
		sampling.thread.start();
		return sampling;
	}

	/**
	 * A lock as {@code pg_locks} lists it.
	 *
	 * @param oid the relation
	 * @param mode the mode
	 * @param granted whether it is held
	 */
	record HeldLock(long oid, LockMode mode, boolean granted) {
	}

	/** Locks read again and again while a statement runs, each with the time it was first seen. */
	final class Sampling {

		private final Map<HeldLock, Long> firstSeen = new LinkedHashMap<>();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicReference<SQLException> failure = new AtomicReference<>();

		private final Thread thread = new Thread(this::run, "trace-lock-sampler");

		private int samples;

		private void run() {
			try {
				while (this.running.get()) {
					read().forEach(this.firstSeen::putIfAbsent);
					this.samples++;
					Thread.sleep(SAMPLE_PAUSE_MILLIS);
				}
			}
			catch (SQLException ex) {
				this.failure.set(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		/**
		 * Stops sampling once the sample under way is done.
		 * @return each lock seen with the time it was first seen
		 */
		Map<HeldLock, Long> stop() throws SQLException {
			this.running.set(false);
			try {
				this.thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SQLException("Interrupted while stopping the lock sampler", ex);
			}
			if (this.failure.get() != null) {
				throw this.failure.get();
			}
			return this.firstSeen;
		}

		/**
		 * Returns how many times the locks were read; valid after {@link #stop()}.
		 * @return the count
		 */
		int samples() {
			return this.samples;
		}

	}

}
