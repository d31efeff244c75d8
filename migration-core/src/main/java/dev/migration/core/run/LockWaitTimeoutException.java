package dev.migration.core.run;

import java.time.Duration;

import dev.migration.core.MigrationException;
import dev.migration.core.history.HistoryTable;

/** Thrown when another runner holds the migration lock for longer than the configured wait. */
public class LockWaitTimeoutException extends MigrationException {

	private static final long serialVersionUID = 1L;

	LockWaitTimeoutException(HistoryTable table, Duration wait, String holder) {
		super("Another migration run holds the lock on " + table + ": " + holder + ". Gave up after waiting "
				+ wait + "; nothing was changed. Let that run finish, end that session if it is stuck, "
				+ "or raise migrations.lock-wait.");
	}

}
