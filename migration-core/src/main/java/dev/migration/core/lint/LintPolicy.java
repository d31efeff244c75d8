package dev.migration.core.lint;

/** What a run does when the revisions it is about to apply have lint errors. */
public enum LintPolicy {

	/** Stop before anything runs (the default). */
	FAIL,

	/** Log the errors and run anyway. */
	WARN,

	/** Do not lint before runs. */
	OFF

}
