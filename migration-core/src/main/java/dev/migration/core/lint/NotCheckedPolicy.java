package dev.migration.core.lint;

/** What {@code lint} and the run-time gate make of a statement the linter could not read. */
public enum NotCheckedPolicy {

	/** It counts as an error: nobody judged it, so nothing may pass it as judged. */
	FAIL,

	/** It is listed as a warning, for a team that reviews such statements by hand. */
	WARN;

	/**
	 * The policy when none is set: a warning until the linter reads every statement of the real
	 * histories it is tested on, so that the default does not block every one of them.
	 */
	public static final NotCheckedPolicy DEFAULT = WARN;

}
