package dev.migration.autoconfigure.metrics;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.migration.autoconfigure.MigrationDatabase;
import dev.migration.autoconfigure.MigrationDatabases;

/**
 * The pending and backfill gauges of each of {@code migrations.databases}, tagged with its name.
 * It holds them: a gauge keeps only a weak reference to what it reads, and would read NaN once
 * the collector took an object nothing else holds.
 */
final class FurtherDatabaseMetrics implements MeterBinder {

	private final List<MeterBinder> binders = new ArrayList<>();

	FurtherDatabaseMetrics(MigrationDatabases databases) {
		for (MigrationDatabase database : databases.all()) {
			this.binders.add(new PendingMigrationsMetrics(database.runs().migrator(), database.properties().getTarget(),
					PendingMigrationsMetrics.DEFAULT_MAX_AGE, database.name()));
			this.binders.add(new BackfillMetrics(database.runs().migrator(), PendingMigrationsMetrics.DEFAULT_MAX_AGE,
					database.name()));
		}
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.binders.forEach((binder) -> binder.bindTo(registry));
	}

}
