package dev.migration.core.history;

import java.util.Objects;

/**
 * What is written to the history for one step.
 *
 * @param revision the revision id
 * @param message the revision message
 * @param action upgrade, downgrade or stamp
 * @param direction {@link Action#UPGRADE} or {@link Action#DOWNGRADE}: the way the step moved
 * the revision, so a stamp row says whether it marked the revision applied or reverted
 * @param outcome success or failed
 * @param checksum the checksum of the revision's SQL, or {@code null}
 * @param host the host that ran it, or {@code null} offline
 * @param durationMs the measured duration, or {@code null} to let the database measure the transaction
 * @param retries the lock-timeout retries it took
 * @param statements how many statements ran
 * @param error the failure, or {@code null}
 */
public record StepRecord(String revision, String message, Action action, Action direction, Outcome outcome,
		String checksum, String host, Long durationMs, int retries, int statements, String error) {

	public StepRecord {
		Objects.requireNonNull(revision, "revision");
		message = (message != null) ? message : "";
		Objects.requireNonNull(action, "action");
		if (direction != Action.UPGRADE && direction != Action.DOWNGRADE) {
			throw new IllegalArgumentException("A step moves a revision up or down, not " + direction);
		}
		Objects.requireNonNull(outcome, "outcome");
	}

}
