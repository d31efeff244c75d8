package dev.migration.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.core.history.BackfillProgress;
import dev.migration.core.run.Migrator;

/**
 * Binds the backfill gauges: {@code migrations.backfill.active}, the backfills started and
 * not finished (running, or stopped and waiting to resume), and
 * {@code migrations.backfill.rows}, the rows they have filled so far, whose rate of change is
 * the backfill rate. Read from the progress table when a scrape asks, at most once per
 * {@code maxAge}, on any instance, whichever instance runs the backfill. NaN when the database
 * cannot be read.
 */
public class BackfillMetrics implements MeterBinder {

	static final String ACTIVE = "migrations.backfill.active";

	static final String ROWS = "migrations.backfill.rows";

	private static final Logger logger = LoggerFactory.getLogger(BackfillMetrics.class);

	private final Migrator migrator;

	private final long maxAgeNanos;

	private final String database;

	private List<BackfillProgress> unfinished;

	private boolean hasRead;

	private long readAt;

	/**
	 * Creates the binder.
	 * @param migrator the engine
	 * @param maxAge how long a reading is kept
	 */
	public BackfillMetrics(Migrator migrator, Duration maxAge) {
		this(migrator, maxAge, MigrationStepMetrics.DEFAULT_DATABASE);
	}

	/**
	 * Creates the binder for one database.
	 * @param migrator the engine of that database
	 * @param maxAge how long a reading is kept
	 * @param database the database, the value of the {@code database} tag
	 */
	public BackfillMetrics(Migrator migrator, Duration maxAge, String database) {
		this.migrator = Objects.requireNonNull(migrator, "migrator");
		this.maxAgeNanos = maxAge.toNanos();
		this.database = Objects.requireNonNull(database, "database");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(ACTIVE, this, (metrics) -> metrics.read(false))
			.description("Backfills started and not finished")
			.tag(MigrationStepMetrics.DATABASE_TAG, this.database)
			.register(registry);
		Gauge.builder(ROWS, this, (metrics) -> metrics.read(true))
			.description("Rows filled so far by the backfills not finished")
			.baseUnit("rows")
			.tag(MigrationStepMetrics.DATABASE_TAG, this.database)
			.register(registry);
	}

	synchronized double read(boolean rows) {
		long now = System.nanoTime();
		if (!this.hasRead || now - this.readAt >= this.maxAgeNanos) {
			this.unfinished = unfinished();
			this.readAt = now;
			this.hasRead = true;
		}
		if (this.unfinished == null) {
			return Double.NaN;
		}
		return rows ? this.unfinished.stream().mapToLong(BackfillProgress::rowsDone).sum() : this.unfinished.size();
	}

	/** The backfills not finished, or {@code null} when the database cannot be read. */
	private List<BackfillProgress> unfinished() {
		try {
			return this.migrator.backfills().stream().filter((progress) -> !progress.done()).toList();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read backfill progress for the migrations.backfill gauges", ex);
			return null;
		}
	}

}
