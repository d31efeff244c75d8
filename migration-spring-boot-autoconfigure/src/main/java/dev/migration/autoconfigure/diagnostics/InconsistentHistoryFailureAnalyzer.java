package dev.migration.autoconfigure.diagnostics;

import dev.migration.core.run.InconsistentHistoryException;

/**
 * Analyzes a state table that marks a revision applied without the revisions it builds on; the
 * action names the command that sets the state the database really has.
 */
public class InconsistentHistoryFailureAnalyzer extends MigrationFailureAnalyzer<InconsistentHistoryException> {

	@Override
	protected String action(InconsistentHistoryException failure) {
		return "Restore the missing rows of the state table, or record the revision the database really is at with "
				+ "--migrations.command=stamp --migrations.target=<revision> (it runs no revision).";
	}

}
