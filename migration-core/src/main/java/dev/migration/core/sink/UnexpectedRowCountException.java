package dev.migration.core.sink;

import dev.migration.core.MigrationException;

/** Thrown when a write changed another number of rows than it must, as when the history drifted. */
public class UnexpectedRowCountException extends MigrationException {

	private static final long serialVersionUID = 1L;

	UnexpectedRowCountException(String sql, int expected, long actual) {
		super("Expected the statement to change " + expected + " row(s) but it changed " + actual
				+ "; the history no longer matches the run, so the step was stopped. Statement:\n" + sql);
	}

}
