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
 */
public record BackfillProgress(String name, long rowsDone, String lastKey, String endKey, boolean done,
		OffsetDateTime updatedAt) {

}
