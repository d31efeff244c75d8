package dev.migration.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.migration.core.run.BackfillPace;
import dev.migration.core.run.MigrationListener;

/**
 * Remembers the latest pace of each backfill that runs in this application, so the endpoint
 * can show its rate and time left while it runs.
 */
public class BackfillPaces implements MigrationListener {

	/** A pace older than this belongs to a backfill that stopped or finished. */
	static final Duration FRESH = Duration.ofSeconds(30);

	private final Map<String, BackfillPace> latest = new ConcurrentHashMap<>();

	@Override
	public void backfillProgressed(BackfillPace pace) {
		this.latest.put(pace.name(), pace);
	}

	/**
	 * Returns the latest pace of a backfill measured here, unless it is stale.
	 * @param name the backfill's name
	 * @param now the current time
	 * @return the pace, or empty when it is not running here
	 */
	public Optional<BackfillPace> current(String name, Instant now) {
		return Optional.ofNullable(this.latest.get(name))
			.filter((pace) -> pace.measuredAt().plus(FRESH).isAfter(now));
	}

}
