package dev.migration.core.history;

import java.util.Locale;

/** How a recorded step ended. */
public enum Outcome {

	/** The step completed. */
	SUCCESS,

	/** The step failed; for a non-transactional step some statements may have run. */
	FAILED;

	/**
	 * Returns the value stored in the history table.
	 * @return the lower-case name
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Outcome of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
