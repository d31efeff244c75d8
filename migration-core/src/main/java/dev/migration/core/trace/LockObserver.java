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

	/** Relation locks of this database and of shared catalogs, and any lock the session waits for. */
	private static final String LOCKS = "SELECT l.locktype = 'relation' AND l.database IN (0,"
			+ " (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())),"
			+ " l.relation::bigint, l.mode, l.granted FROM pg_catalog.pg_locks l"
			+ " WHERE l.pid = ? AND (l.locktype = 'relation' OR NOT l.granted)";

	/**
	 * Locks each user table, named by regclass, which quotes what needs quotes; a table the
	 * gate may not lock, or that another session holds, is passed over rather than waited for.
	 */
	private static final String GATE_LOCKS = "DO $gate$ DECLARE r record; BEGIN"
			+ " SET LOCAL lock_timeout = '100ms';"
			+ " FOR r IN SELECT c.oid::regclass AS t FROM pg_catalog.pg_class c"
			+ " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
			+ " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' LOOP"
			+ " BEGIN EXECUTE format('LOCK TABLE %s IN ACCESS SHARE MODE', r.t);"
			+ " EXCEPTION WHEN insufficient_privilege OR lock_not_available THEN NULL; END;"
			+ " END LOOP; END $gate$";

	/** How long a statement may wait for the gate before it is opened anyway. */
	private static final long GATE_LIMIT_NANOS = 10_000_000_000L;

	/** How long the sampler sleeps between readings while a statement outside a transaction runs. */
	private static final long SAMPLE_PAUSE_MILLIS = 2;

	private final Connection observer;

	private final Connection gate;

	private final int pid;

	/**
	 * Makes an observer.
	 * @param observer a session of the traced database, in auto-commit mode
	 * @param gate another one, which holds a snapshot while a statement outside a transaction runs
	 * @param pid the traced session's process id
	 */
	LockObserver(Connection observer, Connection gate, int pid) {
		this.observer = observer;
		this.gate = gate;
		this.pid = pid;
	}

	/**
	 * Reads the locks the traced session holds or waits for now.
	 * @return each lock with the time it was read
	 */
	Map<HeldLock, Long> read() throws SQLException {
		return reading().locks();
	}

	private Reading reading() throws SQLException {
		Map<HeldLock, Long> locks = new LinkedHashMap<>();
		boolean waits = false;
		long now = System.nanoTime();
		try (PreparedStatement statement = this.observer.prepareStatement(LOCKS)) {
			statement.setInt(1, this.pid);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					boolean granted = rows.getBoolean(4);
					if (rows.getBoolean(1)) {
						locks.putIfAbsent(new HeldLock(rows.getLong(2), LockMode.ofPgLocks(rows.getString(3)), granted),
								now);
					}
					waits |= !granted;
				}
			}
		}
		return new Reading(locks, waits);
	}

	/**
	 * Starts reading the locks over and over in a thread of its own, until {@link Sampling#stop()}.
	 *
	 * <p>First the gate session takes a snapshot and an ACCESS SHARE lock on every user table,
	 * and keeps them: {@code CREATE INDEX CONCURRENTLY} and {@code REINDEX CONCURRENTLY} wait
	 * for every older snapshot, {@code DROP INDEX CONCURRENTLY} for every lock on its table, and
	 * {@code VACUUM FULL} for its own lock, so each stays there, the locks it has taken held,
	 * until a sample has seen it wait; a fast statement's locks would otherwise come and go
	 * between two samples. The gate then opens.
	 * @return the running sampler
	 */
	Sampling sample() throws SQLException {
		this.gate.setAutoCommit(false);
		this.gate.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		try (PreparedStatement statement = this.gate.prepareStatement(GATE_LOCKS)) {
			statement.execute();
		}
		Sampling sampling = new Sampling();
		sampling.thread.start();
		return sampling;
	}

	private void openGate() throws SQLException {
		if (!this.gate.getAutoCommit()) {
			this.gate.rollback();
			this.gate.setAutoCommit(true);
		}
	}

	/** One reading of {@code pg_locks}: the relation locks, and whether the session waits for a lock. */
	private record Reading(Map<HeldLock, Long> locks, boolean waits) {
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

		private final Map<HeldLock, Long> firstWaiting = new LinkedHashMap<>();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicReference<SQLException> failure = new AtomicReference<>();

		private final Thread thread = new Thread(this::run, "trace-lock-sampler");

		private void run() {
			long start = System.nanoTime();
			try {
				while (this.running.get()) {
					Reading reading = reading();
					reading.locks().forEach((lock, seen) -> (lock.granted() ? this.firstSeen : this.firstWaiting)
						.putIfAbsent(new HeldLock(lock.oid(), lock.mode(), true), seen));
					if (reading.waits() || System.nanoTime() - start > GATE_LIMIT_NANOS) {
						openGate();
					}
					Thread.sleep(SAMPLE_PAUSE_MILLIS);
				}
			}
			catch (SQLException ex) {
				this.failure.set(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				// the statement must never wait for a gate no one will open
				try {
					openGate();
				}
				catch (SQLException ex) {
					this.failure.compareAndSet(null, ex);
				}
			}
		}

		/**
		 * Stops sampling once the sample under way is done.
		 * @return each lock seen with the time it was first seen held, or else first seen waited for
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
			// the gate is the only session in the way: a lock waited for was granted once it opened
			this.firstWaiting.forEach(this.firstSeen::putIfAbsent);
			return this.firstSeen;
		}

	}

}
