package dev.migration.core.history;

import java.time.OffsetDateTime;

/**
 * One row of the append-only history log.
 *
 * @param id the row id, increasing with time
 * @param revision the revision id
 * @param message the revision message at the time
 * @param action upgrade, downgrade or stamp
 * @param direction whether the step marked the revision applied ({@link Action#UPGRADE}) or
 * reverted ({@link Action#DOWNGRADE}); {@code null} in rows written before it was recorded
 * @param outcome success or failed
 * @param checksum the checksum of the revision's SQL, or {@code null}
 * @param appliedBy the database user
 * @param client the application name and client address the database saw
 * @param host the host name of the machine that ran the step, or {@code null} (offline script)
 * @param appliedAt when the step finished
 * @param durationMs how long the step took
 * @param retries how many times it was retried after a lock timeout
 * @param statements how many statements of it ran
 * @param error the failure, or {@code null}
 */
public record HistoryEntry(long id, String revision, String message, Action action, Action direction,
		Outcome outcome, String checksum,
		String appliedBy, String client, String host, OffsetDateTime appliedAt, long durationMs, int retries,
		int statements, String error) {

}
