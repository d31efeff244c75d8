package dev.migration.core.run;

/** What to do when an applied revision's SQL no longer matches its code. */
public enum ChecksumPolicy {

	/** Stop before running anything (the default). */
	FAIL,

	/** Log a warning and go on. */
	WARN

}
