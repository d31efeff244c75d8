package dev.migration.core.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Watches, from a connection of its own, which sessions block the run's session while a step's
 * last attempt waits for a lock, so a lock timeout can name the session to look at.
 */
final class BlockerWatch implements AutoCloseable {

	// once the wait has timed out PostgreSQL no longer says who was in the way, hence a watch during it;
	// its connection opens only when a wait lasts, so a step that gets its locks costs nothing

	private static final String BLOCKERS = "SELECT a.pid, a.application_name, a.usename, a.client_addr, a.xact_start, "
			+ "a.state, left(regexp_replace(a.query, '\\s+', ' ', 'g'), 120) FROM pg_stat_activity a "
			+ "WHERE a.pid = ANY (pg_blocking_pids(?)) ORDER BY a.xact_start NULLS LAST";

	private final DataSource dataSource;

	private final int pid;

	private final long intervalMillis;

	private final Thread thread;

	private volatile boolean closed;

	private volatile List<String> seen = List.of();

	/** Why the watch could not look, or {@code null}: a message must not say nobody was in the way then. */
	private volatile String blind;

	private BlockerWatch(DataSource dataSource, int pid, Duration lockTimeout) {
		this.dataSource = dataSource;
		this.pid = pid;
		this.intervalMillis = Math.max(50, lockTimeout.toMillis() / 3);
		this.thread = new Thread(this::watch, "migration-blocker-watch");
		this.thread.setDaemon(true);
	}

	/**
	 * Starts watching a session.
	 * @param dataSource where to open the watching connection
	 * @param pid the run's backend process id
	 * @param lockTimeout the lock timeout of the attempt, which paces the checks
	 * @return the watch; close it when the attempt ends
	 */
	static BlockerWatch start(DataSource dataSource, int pid, Duration lockTimeout) {
		BlockerWatch watch = new BlockerWatch(dataSource, pid, lockTimeout);
		watch.thread.start();
		return watch;
	}

	/**
	 * Returns the sessions last seen blocking the run, described for a message.
	 * @return the descriptions; empty when none was seen
	 */
	List<String> blockers() {
		return this.seen;
	}

	/**
	 * Returns why the watch could not look at the server, if it could not.
	 * @return the reason, or {@code null} when it could look
	 */
	String blind() {
		return this.blind;
	}

	@Override
	public void close() {
		this.closed = true;
		this.thread.interrupt();
		try {
			this.thread.join(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void watch() {
		Connection connection = null;
		try {
			while (pause()) {
				if (connection == null) {
					connection = this.dataSource.getConnection();
				}
				List<String> now = read(connection);
				if (!now.isEmpty()) {
					this.seen = now;
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			// a watch that cannot see only costs the message its detail, and the message says so
			this.blind = String.valueOf(ex.getMessage());
		}
		finally {
			closeQuietly(connection);
		}
	}

	private boolean pause() {
		try {
			Thread.sleep(this.intervalMillis);
		}
		catch (InterruptedException ex) {
			return false;
		}
		return !this.closed;
	}

	private List<String> read(Connection connection) throws SQLException {
		List<String> blockers = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement(BLOCKERS)) {
			query.setInt(1, this.pid);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					blockers.add("session pid " + rows.getInt(1) + " (application '" + rows.getString(2) + "', user "
							+ rows.getString(3) + ", client " + rows.getString(4) + ", transaction started "
							+ rows.getObject(5) + ", " + rows.getString(6) + ", last query: " + rows.getString(7) + ")");
				}
			}
		}
		return blockers;
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// the watch is over either way
			}
		}
	}

}
