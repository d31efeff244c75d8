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
 * A PostgreSQL session-level advisory lock that lets one runner at a time work on a
 * database. It lives on a connection of its own in auto-commit mode, which never holds an
 * open transaction: {@code CREATE INDEX CONCURRENTLY} waits for every open transaction and
 * would wait for the lock holder forever.
 */
final class AdvisoryLock implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(AdvisoryLock.class);

	/** "MIGR" in the high half keeps the key apart from other tools' advisory locks. */
	private static final long KEY_PREFIX = 0x4D494752L << 32;

	private static final long FIRST_PAUSE_MILLIS = 50;

	/** Short, so runners that waited for another's run each see it done soon after it ends. */
	private static final long LONGEST_PAUSE_MILLIS = 250;

	private final Connection connection;

	private final long key;

	private AdvisoryLock(Connection connection, long key) {
		this.connection = connection;
		this.key = key;
	}

	/**
	 * Takes the lock for a history table, waiting at most {@code wait} for another runner.
	 * @param dataSource where to open the lock's own connection
	 * @param table the history table the key derives from
	 * @param wait the longest wait ({@code migrations.lock-wait})
	 * @return the held lock; close it to release it
	 * @throws LockWaitTimeoutException when another runner holds it longer than {@code wait}
	 */
	static AdvisoryLock acquire(DataSource dataSource, HistoryTable table, Duration wait) {
		long key = keyOf(table);
		Connection connection = open(dataSource);
		try {
			waitFor(connection, key, table, wait);
			return new AdvisoryLock(connection, key);
		}
		catch (RuntimeException | Error ex) {
			closeQuietly(connection);
			throw ex;
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
			// closing the session below releases the lock too
			logger.warn("Could not release the migration lock explicitly: {}", ex.getMessage());
		}
		finally {
			closeQuietly(this.connection);
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

	private static Connection open(DataSource dataSource) {
		try {
			Connection connection = dataSource.getConnection();
			connection.setAutoCommit(true);
			return connection;
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not connect to take the migration lock: " + ex.getMessage(), ex);
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

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// nothing left to release; the server ends the session
		}
	}

}
