package dev.migration.core.run;

import java.time.Duration;

import dev.migration.core.MigrationException;

/**
 * What a backfill waits for between batches, so it spares the rest of the database: standbys
 * that replay behind, autovacuum working on its table, and a WAL rate over a bound.
 *
 * @param maxReplicaLag the largest replay lag of any standby before the next batch, or {@code null} for no bound
 * @param maxWalBytesPerSecond the largest WAL rate of the batches, or {@code null} for no bound
 * @param yieldToAutovacuum whether to wait while autovacuum works on the backfilled table
 */
public record BackfillGuards(Duration maxReplicaLag, Long maxWalBytesPerSecond, boolean yieldToAutovacuum) {

	/** No guard: batches follow each other at the backfill's own pace. */
	public static final BackfillGuards NONE = new BackfillGuards(null, null, false);

	/** The session setting that carries the largest replay lag, in milliseconds, to the backfill's block. */
	public static final String MAX_REPLICA_LAG_SETTING = "migration.backfill_max_replica_lag_ms";

	/** The session setting that carries the largest WAL rate, in bytes a second. */
	public static final String MAX_WAL_RATE_SETTING = "migration.backfill_max_wal_bytes_per_second";

	/** The session setting that says whether to wait while autovacuum works on the table. */
	public static final String YIELD_TO_AUTOVACUUM_SETTING = "migration.backfill_yield_to_autovacuum";

	public BackfillGuards {
		if (maxReplicaLag != null && (maxReplicaLag.isNegative() || maxReplicaLag.isZero())) {
			throw new MigrationException("migrations.backfill.max-replica-lag must be positive, but was "
					+ maxReplicaLag + "; leave it unset for no bound.");
		}
		if (maxWalBytesPerSecond != null && maxWalBytesPerSecond <= 0) {
			throw new MigrationException("migrations.backfill.max-wal-rate must be positive, but was "
					+ maxWalBytesPerSecond + " bytes a second; leave it unset for no bound.");
		}
	}

	/**
	 * Returns whether any guard is set.
	 * @return whether a backfill has anything to wait for
	 */
	public boolean any() {
		return this.maxReplicaLag != null || this.maxWalBytesPerSecond != null || this.yieldToAutovacuum;
	}

}
