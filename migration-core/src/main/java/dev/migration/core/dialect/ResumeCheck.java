package dev.migration.core.dialect;

import java.util.List;

/**
 * How to run a statement outside a transaction given what the database already holds: skip
 * it because its effect is complete, or run it after the clean-up statements.
 *
 * @param alreadyDone whether an interrupted attempt already completed the statement
 * @param cleanUp what to run first, such as dropping an INVALID index left by a failed build
 */
public record ResumeCheck(boolean alreadyDone, List<SqlStatement> cleanUp) {

	/** Run the statement as it is. */
	public static final ResumeCheck RUN = new ResumeCheck(false, List.of());

	/** Skip the statement: its effect is there. */
	public static final ResumeCheck DONE = new ResumeCheck(true, List.of());

	public ResumeCheck {
		cleanUp = List.copyOf(cleanUp);
	}

}
