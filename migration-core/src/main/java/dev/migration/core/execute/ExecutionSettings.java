package dev.migration.core.execute;

import java.time.Duration;

import dev.migration.core.MigrationException;

/**
 * How statements of a step are run.
 *
 * @param lockTimeout the longest any statement may wait for a lock, and so the longest it can
 * hold up the application's queries queued behind it
 */
public record ExecutionSettings(Duration lockTimeout) {

	/** The default lock timeout, one second. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(1);

	public ExecutionSettings {
		if (lockTimeout == null || lockTimeout.isNegative() || lockTimeout.isZero()) {
			throw new MigrationException("The lock timeout (migrations.lock-timeout) must be positive, but was "
					+ lockTimeout + ".");
		}
		if (lockTimeout.toMillis() == 0) {
			throw new MigrationException("The lock timeout (migrations.lock-timeout) must be at least 1ms, but was "
					+ lockTimeout + ".");
		}
	}

	/**
	 * Returns the defaults.
	 * @return the default settings
	 */
	public static ExecutionSettings defaults() {
		return new ExecutionSettings(DEFAULT_LOCK_TIMEOUT);
	}

}
