package dev.migration.core.run;

import dev.migration.core.execute.Direction;

/**
 * One step a run completed.
 *
 * @param revision the revision id
 * @param message the revision message
 * @param direction upgrade or downgrade
 * @param durationMs how long the successful attempt took
 * @param retries how many lock-timeout retries it took
 * @param statements how many statements it ran
 * @param transactional whether it ran in one transaction
 */
public record AppliedStep(String revision, String message, Direction direction, long durationMs, int retries,
		int statements, boolean transactional) {

}
