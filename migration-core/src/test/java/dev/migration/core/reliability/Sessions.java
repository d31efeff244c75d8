package dev.migration.core.reliability;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.springframework.jdbc.core.JdbcTemplate;

/** What other sessions on the test database do, as {@code pg_stat_activity} and {@code pg_locks} show it. */
final class Sessions {

	private Sessions() {
	}

	/**
	 * Returns whether another session is inside {@code pg_sleep}. The runner may send the
	 * statement in one round trip with the session settings before it, so the text is searched.
	 */
	static boolean sleeping(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
				+ "AND state = 'active' AND position('pg_sleep(' IN query) > 0 AND pid <> pg_backend_pid()",
				Integer.class) > 0;
	}

	static boolean holdingAdvisoryLock(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
				+ "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
				Integer.class) > 0;
	}

	/** Polls {@code condition} until it holds or {@code timeout} passes; returns whether it held. */
	static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline >= 0) {
				return false;
			}
			Thread.sleep(20);
		}
		return true;
	}

}
