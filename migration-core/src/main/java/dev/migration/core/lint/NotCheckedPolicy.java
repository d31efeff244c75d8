package dev.migration.core.lint;

/** What {@code lint} and the run-time gate make of a statement the linter could not read. */
public enum NotCheckedPolicy {

	/** It counts as an error: nobody judged it, so nothing may pass it as judged (the default). */
	FAIL,

	/** It is listed as a warning, for a team that reviews such statements by hand. */
	WARN;

	/** The policy when none is set. */
	public static final NotCheckedPolicy DEFAULT = FAIL;

}
