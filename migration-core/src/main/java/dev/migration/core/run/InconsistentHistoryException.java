package dev.migration.core.run;

import dev.migration.core.MigrationException;

/** Thrown when the state table marks a revision applied without the revisions it builds on. */
public class InconsistentHistoryException extends MigrationException {

	private static final long serialVersionUID = 1L;

	InconsistentHistoryException(String detail) {
		super("The history state is inconsistent: " + detail + ". Someone changed the state table by hand; "
				+ "restore the missing rows or use the stamp command to set the state the database really has.");
	}

}
