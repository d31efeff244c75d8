package dev.migration.autoconfigure;

import dev.migration.core.run.RunSettings;

/** Adjusts the engine's settings after they were read from {@link MigrationProperties}. */
@FunctionalInterface
public interface MigrationSettingsCustomizer {

	/**
	 * Returns the settings to use instead of {@code settings}.
	 * @param settings the settings so far
	 * @return the adjusted settings
	 */
	RunSettings customize(RunSettings settings);

}
