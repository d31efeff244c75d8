package dev.migration.core.execute;

import java.util.Locale;

/** Which way a step moves the schema. */
public enum Direction {

	/** Applies a revision. */
	UPGRADE,

	/** Reverts a revision. */
	DOWNGRADE;

	/**
	 * Returns the lower-case word for messages and the script.
	 * @return "upgrade" or "downgrade"
	 */
	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

}
