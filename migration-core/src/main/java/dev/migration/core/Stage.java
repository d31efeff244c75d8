package dev.migration.core;

/**
 * When a revision runs relative to the application's start: during start-up, in the
 * background once the application is ready, or only after an operator releases it.
 */
public enum Stage {

	/**
	 * Runs during start-up, before the application is ready: schema the new code needs
	 * (the default).
	 */
	STARTUP,

	/**
	 * Runs after the application is ready, in the background: data migrations and long
	 * backfills that the new code does not wait for. Revisions after it wait for it, and a
	 * restart picks it up where it stopped.
	 */
	BACKGROUND,

	/**
	 * Waits until an operator releases it ({@code migrations.release} or a POST to the
	 * endpoint), once every instance runs code that no longer needs what it removes: the
	 * contract half of expand and contract (drop an old column, a sync trigger).
	 */
	CONTRACT;

	/**
	 * Returns the stage as the endpoint, the commands and SQL headers write it.
	 * @return the lower-case name, such as {@code background}
	 */
	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
