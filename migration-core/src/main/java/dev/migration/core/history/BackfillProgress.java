package dev.migration.core.history;

import java.time.OffsetDateTime;

/**
 * Where a backfill stands, as its last committed batch left it.
 *
 * @param name the backfill's name (table, key, assignment and condition)
 * @param rowsDone rows filled so far
 * @param lastKey the last key done, or {@code null} before the first batch
 * @param endKey the largest key when it started, where it stops
 * @param done whether it finished
 * @param updatedAt when its last batch committed
 * @param paused why it waits before its next batch (a standby's replay lag, autovacuum on its
 * table, the WAL rate), or {@code null} while it runs on
 */
public record BackfillProgress(String name, long rowsDone, String lastKey, String endKey, boolean done,
		OffsetDateTime updatedAt, String paused) {

	/**
	 * Creates the progress of a backfill that is not paused.
	 * @param name the backfill's name
	 * @param rowsDone rows filled so far
	 * @param lastKey the last key done, or {@code null} before the first batch
	 * @param endKey the largest key when it started
	 * @param done whether it finished
	 * @param updatedAt when its last batch committed
	 */
	public BackfillProgress(String name, long rowsDone, String lastKey, String endKey, boolean done,
			OffsetDateTime updatedAt) {
		this(name, rowsDone, lastKey, endKey, done, updatedAt, null);
	}

}
