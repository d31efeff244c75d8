package dev.migration.autoconfigure;

import dev.migration.core.run.Migrator;

/**
 * Replaces what the {@link MigrationInitializer} does at start-up, for instance to stamp a
 * database before its first upgrade.
 */
@FunctionalInterface
public interface MigrationStrategy {

	/**
	 * Runs the start-up migration.
	 * @param migrations the runs of this application, holding the migrator
	 */
	void migrate(MigrationRuns migrations);

}
