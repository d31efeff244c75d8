package dev.migration.core.run;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.core.MigrationException;
import dev.migration.core.history.HistoryTable;

/**
 * A PostgreSQL session-level advisory lock on the run's own connection that lets one runner at
 * a time work on a database.
 */
final class AdvisoryLock implements AutoCloseable {

	// on the run's session, a terminated or timed-out session takes the lock and the run's work
	// with it, so no run goes on unlocked while another takes it (a side session would be lost
	// unnoticed); holding it opens no transaction, so CREATE INDEX CONCURRENTLY never waits for it

	private static final Logger logger = LoggerFactory.getLogger(AdvisoryLock.class);

	/** "MIGR" in the high half keeps the key apart from other tools' advisory locks. */
	private static final long KEY_PREFIX = 0x4D494752L << 32;

	private static final long FIRST_PAUSE_MILLIS = 50;

	/** Short, so runners that waited for another's run each see it done soon after it ends. */
	private static final long LONGEST_PAUSE_MILLIS = 250;

	private final Connection connection;

	private final long key;

	private AdvisoryLock(Connection connection, long key, HistoryTable table) {
		this.connection = connection;
		this.key = key;
		this.table = table;
	}

	private final HistoryTable table;

	/**
	 * Takes the lock for a history table, waiting at most {@code wait} for another runner.
	 * @param connection the run's connection, in auto-commit mode
	 * @param table the history table the key derives from
	 * @param wait the longest wait ({@code migrations.lock-wait})
	 * @return the held lock; close it to release it
	 * @throws LockWaitTimeoutException when another runner holds it longer than {@code wait}
	 */
	static AdvisoryLock acquire(Connection connection, HistoryTable table, Duration wait) {
		long key = keyOf(table);
		waitFor(connection, key, table, wait);
		return new AdvisoryLock(connection, key, table);
	}

	/**
	 * Checks that this session still holds the lock, before each step.
	 * @throws LockLostException when it does not, or the session is gone
	 */
	void verify() {
		String sql = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid() "
				+ "AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1";
		try (PreparedStatement query = this.connection.prepareStatement(sql)) {
			query.setLong(1, this.key >>> 32);
			query.setLong(2, this.key & 0xFFFFFFFFL);
			try (ResultSet result = query.executeQuery()) {
				result.next();
				if (result.getLong(1) == 0) {
					throw new LockLostException(this.table, "this session no longer holds it (a statement of a "
							+ "migration may have released it, such as DISCARD ALL or pg_advisory_unlock_all())", null);
				}
			}
		}
		catch (SQLException ex) {
			throw new LockLostException(this.table, "its session is gone (" + ex.getMessage() + ")", ex);
		}
	}

	/**
	 * Returns whether any session holds the lock of a history table right now.
	 * @param dataSource where to look
	 * @param table the history table the key derives from
	 * @return whether a run is in progress
	 */
	static boolean isHeld(DataSource dataSource, HistoryTable table) {
		long key = keyOf(table);
		String sql = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid::bigint = ? "
				+ "AND objid::bigint = ? AND objsubid = 1";
		try (Connection connection = dataSource.getConnection();
				PreparedStatement query = connection.prepareStatement(sql)) {
			query.setLong(1, key >>> 32);
			query.setLong(2, key & 0xFFFFFFFFL);
			try (ResultSet result = query.executeQuery()) {
				result.next();
				return result.getLong(1) > 0;
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not check for a migration run in progress: " + ex.getMessage(), ex);
		}
	}

	static long keyOf(HistoryTable table) {
		CRC32 crc = new CRC32();
		crc.update(table.log().toString().getBytes(StandardCharsets.UTF_8));
		return KEY_PREFIX | crc.getValue();
	}

	@Override
	public void close() {
		try (PreparedStatement unlock = this.connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			unlock.setLong(1, this.key);
			unlock.execute();
		}
		catch (SQLException ex) {
			// a session that is gone released it; a broken one is discarded by its pool, which ends it
			logger.warn("Could not release the migration lock explicitly: {}", ex.getMessage());
		}
	}

	private static void waitFor(Connection connection, long key, HistoryTable table, Duration wait) {
		long deadline = System.nanoTime() + wait.toNanos();
		long pause = FIRST_PAUSE_MILLIS;
		boolean announced = false;
		while (!tryLock(connection, key)) {
			if (System.nanoTime() - deadline >= 0) {
				throw new LockWaitTimeoutException(table, wait, holder(connection, key));
			}
			if (!announced) {
				logger.info("Waiting up to {} for the migration lock on {}, held by {}", wait, table,
						holder(connection, key));
				announced = true;
			}
			// jitter keeps waiting runners from polling in step
			sleep(pause + ThreadLocalRandom.current().nextLong(FIRST_PAUSE_MILLIS));
			pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
		}
	}

	private static boolean tryLock(Connection connection, long key) {
		try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			lock.setLong(1, key);
			try (ResultSet result = lock.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not take the migration lock: " + ex.getMessage(), ex);
		}
	}

	/** Describes the session holding the lock, for the messages. */
	private static String holder(Connection connection, long key) {
		String sql = "SELECT a.pid, a.application_name, a.client_addr, a.backend_start FROM pg_locks l "
				+ "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
				+ "AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1";
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			query.setLong(1, key >>> 32);
			query.setLong(2, key & 0xFFFFFFFFL);
			try (ResultSet result = query.executeQuery()) {
				if (!result.next()) {
					return "a session that is gone";
				}
				return "session pid " + result.getInt(1) + " (application '" + result.getString(2) + "', client "
						+ result.getString(3) + ", connected since " + result.getObject(4) + ")";
			}
		}
		catch (SQLException ex) {
			return "another session";
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationException("Interrupted while waiting for the migration lock.", ex);
		}
	}

}
