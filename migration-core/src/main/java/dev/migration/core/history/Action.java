package dev.migration.core.history;

import java.util.Locale;

/** What a history entry records. */
public enum Action {

	/** A revision was applied. */
	UPGRADE,

	/** A revision was reverted. */
	DOWNGRADE,

	/** A revision was marked applied or reverted without running it. */
	STAMP;

	/**
	 * Returns the value stored in the history table.
	 * @return the lower-case name
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Action of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
