package dev.migration.core.execute;

import java.time.Duration;

import dev.migration.core.MigrationException;

/**
 * How the statements of a step wait for locks.
 *
 * @param lockTimeout the longest a statement may wait for a lock that queues the
 * application's reads and writes behind it ({@code migrations.lock-timeout})
 * @param nonBlockingLockTimeout the longest a statement may wait whose lock does not queue
 * them, such as {@code CREATE INDEX CONCURRENTLY} waiting for older transactions
 * ({@code migrations.non-blocking-lock-timeout})
 * @param lockProbeTimeout the lock timeout of every attempt of a step but the last, capped
 * by {@code lockTimeout} ({@code migrations.lock-probe-timeout}): an attempt that queues
 * behind a long transaction holds traffic up only this long before it gives way
 */
public record ExecutionSettings(Duration lockTimeout, Duration nonBlockingLockTimeout, Duration lockProbeTimeout) {

	/** The default lock timeout, one second. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(1);

	/** The default lock timeout of statements that do not block traffic, ten minutes. */
	public static final Duration DEFAULT_NON_BLOCKING_LOCK_TIMEOUT = Duration.ofMinutes(10);

	/** The default lock timeout of an attempt before the last, 25 milliseconds. */
	public static final Duration DEFAULT_LOCK_PROBE_TIMEOUT = Duration.ofMillis(25);

	public ExecutionSettings {
		requirePositive("migrations.lock-timeout", lockTimeout);
		requirePositive("migrations.non-blocking-lock-timeout", nonBlockingLockTimeout);
		requirePositive("migrations.lock-probe-timeout", lockProbeTimeout);
	}

	/**
	 * Settings with the given timeouts and the default probe timeout.
	 * @param lockTimeout the lock timeout
	 * @param nonBlockingLockTimeout the lock timeout of statements that do not block traffic
	 */
	public ExecutionSettings(Duration lockTimeout, Duration nonBlockingLockTimeout) {
		this(lockTimeout, nonBlockingLockTimeout, DEFAULT_LOCK_PROBE_TIMEOUT);
	}

	/**
	 * Settings with the given lock timeout and the defaults for the rest.
	 * @param lockTimeout the lock timeout
	 */
	public ExecutionSettings(Duration lockTimeout) {
		this(lockTimeout, DEFAULT_NON_BLOCKING_LOCK_TIMEOUT);
	}

	/**
	 * Returns the defaults.
	 * @return the default settings
	 */
	public static ExecutionSettings defaults() {
		return new ExecutionSettings(DEFAULT_LOCK_TIMEOUT, DEFAULT_NON_BLOCKING_LOCK_TIMEOUT,
				DEFAULT_LOCK_PROBE_TIMEOUT);
	}

	/**
	 * Returns the settings of an attempt that is not the last: statements that queue traffic
	 * wait no longer than the probe timeout.
	 * @return the probing settings
	 */
	public ExecutionSettings probing() {
		Duration probe = (this.lockProbeTimeout.compareTo(this.lockTimeout) < 0) ? this.lockProbeTimeout
				: this.lockTimeout;
		return new ExecutionSettings(probe, this.nonBlockingLockTimeout, this.lockProbeTimeout);
	}

	/**
	 * Returns the timeout for a statement.
	 * @param blocksTraffic whether the statement's lock wait queues reads and writes
	 * @return the timeout
	 */
	public Duration timeoutFor(boolean blocksTraffic) {
		return blocksTraffic ? this.lockTimeout : this.nonBlockingLockTimeout;
	}

	private static void requirePositive(String property, Duration value) {
		if (value == null || value.isNegative() || value.toMillis() == 0) {
			throw new MigrationException(property + " must be at least 1ms, but was " + value + ".");
		}
	}

}
