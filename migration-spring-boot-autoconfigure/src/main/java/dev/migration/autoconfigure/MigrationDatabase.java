package dev.migration.autoconfigure;

/**
 * One of {@code migrations.databases}: its name, its runs and the settings they follow.
 *
 * @param name the name, as configured
 * @param runs the runs of its engine
 * @param properties the application's properties with this database's connection, locations,
 * history table and target
 * @param background its background run
 */
public record MigrationDatabase(String name, MigrationRuns runs, MigrationProperties properties,
		MigrationBackgroundRun background) {

}
