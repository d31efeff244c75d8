package dev.migration.autoconfigure.metrics;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.migration.autoconfigure.DatabaseScopedListener;
import dev.migration.core.execute.Direction;
import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.MigrationListener;

/**
 * Records each step of a run: a {@code migrations.step} timer per revision and direction, and
 * {@code migrations.steps.applied}, {@code migrations.steps.failed} and
 * {@code migrations.steps.retried} counters per direction. The counters exist from the
 * start, at zero, so a rate over them sees the first step too.
 */
public class MigrationStepMetrics implements DatabaseScopedListener {

	/** The tag that tells the databases of {@code migrations.databases} apart. */
	static final String DATABASE_TAG = "database";

	/** Its value for the application's own database. */
	static final String DEFAULT_DATABASE = "default";

	static final String STEP = "migrations.step";

	static final String APPLIED = "migrations.steps.applied";

	static final String FAILED = "migrations.steps.failed";

	static final String RETRIED = "migrations.steps.retried";

	private final MeterRegistry registry;

	private final String database;

	/**
	 * Creates the listener of the application's own database and registers its counters.
	 * @param registry where to record
	 */
	public MigrationStepMetrics(MeterRegistry registry) {
		this(registry, DEFAULT_DATABASE);
	}

	/**
	 * Creates the listener of one database and registers its counters.
	 * @param registry where to record
	 * @param database the database, the value of the {@code database} tag
	 */
	public MigrationStepMetrics(MeterRegistry registry, String database) {
		this.registry = Objects.requireNonNull(registry, "registry");
		this.database = Objects.requireNonNull(database, "database");
		for (Direction direction : Direction.values()) {
			counter(APPLIED, "Migration steps completed", direction);
			counter(FAILED, "Migration steps that failed after their last retry", direction);
			counter(RETRIED, "Retries of migration steps after a lock timeout", direction);
		}
	}

	@Override
	public void stepCompleted(AppliedStep step) {
		Timer.builder(STEP)
			.description("Time taken by each completed migration step")
			.tag("revision", step.revision())
			.tag("direction", step.direction().word())
			.tag(DATABASE_TAG, this.database)
			.register(this.registry)
			.record(step.durationMs(), TimeUnit.MILLISECONDS);
		counter(APPLIED, null, step.direction()).increment();
	}

	@Override
	public void stepFailed(String revision, Direction direction, RuntimeException failure) {
		counter(FAILED, null, direction).increment();
	}

	@Override
	public void stepRetrying(String revision, Direction direction, int attempt, Duration pause) {
		counter(RETRIED, null, direction).increment();
	}

	private Counter counter(String name, String description, Direction direction) {
		return Counter.builder(name)
			.description(description)
			.tag("direction", direction.word())
			.tag(DATABASE_TAG, this.database)
			.register(this.registry);
	}

	@Override
	public MigrationListener forDatabase(String database) {
		return new MigrationStepMetrics(this.registry, database);
	}

}
