package dev.migration.core.run;

/** What to do when the database holds revisions the code does not declare. */
public enum UnknownRevisionPolicy {

	/** Stop before running anything (the default), as after an application was rolled back. */
	FAIL,

	/** Log a warning and go on from the revisions the code knows. */
	IGNORE

}
