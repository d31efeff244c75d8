package dev.migration.autoconfigure.metrics;

import java.time.Duration;
import java.util.Objects;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationListener;

import dev.migration.autoconfigure.MigrationRunFinishedEvent;
import dev.migration.autoconfigure.tenant.MigrationTenants;
import dev.migration.core.run.Migrator;

/**
 * Binds the {@code migrations.pending} gauge: how many revisions the configured target needs
 * that the database does not have. The count is read from the database when a scrape asks for
 * it and kept for {@code maxAge}, so frequent scrapes do not each cost a query; a run of this
 * application makes it read again. NaN when the database cannot be read.
 */
public class PendingMigrationsMetrics implements MeterBinder, ApplicationListener<MigrationRunFinishedEvent> {

	/** How long a count is kept unless a run ends sooner. */
	public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(5);

	static final String PENDING = "migrations.pending";

	private static final Logger logger = LoggerFactory.getLogger(PendingMigrationsMetrics.class);

	private final IntSupplier counter;

	private final long maxAgeNanos;

	private final String database;

	private double count;

	private long readAt;

	private boolean fresh;

	/**
	 * Creates the binder.
	 * @param migrator the engine
	 * @param target the target pending revisions are counted against
	 * @param maxAge how long a count is kept
	 */
	public PendingMigrationsMetrics(Migrator migrator, String target, Duration maxAge) {
		this(migrator, target, maxAge, MigrationStepMetrics.DEFAULT_DATABASE);
	}

	/**
	 * Creates the binder for one database.
	 * @param migrator the engine of that database
	 * @param target the target pending revisions are counted against
	 * @param maxAge how long a count is kept
	 * @param database the database, the value of the {@code database} tag
	 */
	public PendingMigrationsMetrics(Migrator migrator, String target, Duration maxAge, String database) {
		this(countOf(Objects.requireNonNull(migrator, "migrator"), Objects.requireNonNull(target, "target")), maxAge,
				database);
	}

	/**
	 * Creates the binder of an application whose revisions run on tenants: the gauge is the sum of
	 * the revisions each tenant lacks.
	 * @param tenants the tenants
	 * @param maxAge how long a count is kept
	 */
	public PendingMigrationsMetrics(MigrationTenants tenants, Duration maxAge) {
		this(() -> tenants.standings(maxAge).stream().mapToInt((standing) -> standing.pending().size()).sum(), maxAge,
				MigrationStepMetrics.DEFAULT_DATABASE);
	}

	private PendingMigrationsMetrics(IntSupplier counter, Duration maxAge, String database) {
		this.counter = counter;
		this.maxAgeNanos = maxAge.toNanos();
		this.database = Objects.requireNonNull(database, "database");
	}

	private static IntSupplier countOf(Migrator migrator, String target) {
		return () -> migrator.pending(target).size();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(PENDING, this, PendingMigrationsMetrics::pending)
			.description("Revisions the configured target needs that the database does not have yet")
			.tag(MigrationStepMetrics.DATABASE_TAG, this.database)
			.register(registry);
	}

	@Override
	public synchronized void onApplicationEvent(MigrationRunFinishedEvent event) {
		this.fresh = false;
	}

	synchronized double pending() {
		long now = System.nanoTime();
		if (!this.fresh || now - this.readAt >= this.maxAgeNanos) {
			this.count = read();
			this.readAt = now;
			this.fresh = true;
		}
		return this.count;
	}

	private double read() {
		try {
			return this.counter.getAsInt();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the pending revisions for the migrations.pending gauge", ex);
			return Double.NaN;
		}
	}

}
