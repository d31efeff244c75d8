package dev.migration.core.history;

import java.util.Objects;

/**
 * What is written to the history for one step.
 *
 * @param revision the revision id
 * @param message the revision message
 * @param action upgrade, downgrade or stamp
 * @param outcome success or failed
 * @param checksum the checksum of the revision's SQL, or {@code null}
 * @param host the host that ran it, or {@code null} offline
 * @param durationMs the measured duration, or {@code null} to let the database measure the transaction
 * @param retries the lock-timeout retries it took
 * @param statements how many statements ran
 * @param error the failure, or {@code null}
 */
public record StepRecord(String revision, String message, Action action, Outcome outcome, String checksum, String host,
		Long durationMs, int retries, int statements, String error) {

	public StepRecord {
		Objects.requireNonNull(revision, "revision");
		message = (message != null) ? message : "";
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(outcome, "outcome");
	}

}
