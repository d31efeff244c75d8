package dev.migration.core.online;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/** Application code writing while a migration runs, and the columns a table ends with. */
final class Writers {

	private Writers() {
	}

	/**
	 * Starts a thread that runs {@code sql} over and over until {@code writing} turns false,
	 * collecting every failure.
	 */
	static Thread start(DataSource dataSource, AtomicBoolean writing, List<Throwable> errors, String sql) {
		Thread thread = new Thread(() -> {
			JdbcTemplate app = new JdbcTemplate(dataSource);
			while (writing.get()) {
				try {
					app.update(sql);
				}
				catch (RuntimeException ex) {
					errors.add(ex);
				}
			}
		});
		thread.start();
		return thread;
	}

	/** The live columns of {@code table}, in order. */
	static List<String> columns(JdbcTemplate jdbc, String table) {
		return jdbc.queryForList("SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass "
				+ "AND attnum > 0 AND NOT attisdropped ORDER BY attnum", String.class, table);
	}

}
