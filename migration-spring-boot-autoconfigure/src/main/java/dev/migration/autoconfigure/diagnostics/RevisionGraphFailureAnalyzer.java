package dev.migration.autoconfigure.diagnostics;

import dev.migration.core.graph.RevisionGraphException;

/**
 * Analyzes a revision graph that cannot be built or resolved: a cycle, a missing parent, a
 * duplicate id or branch label, several heads where one is needed, an unknown target.
 */
public class RevisionGraphFailureAnalyzer extends MigrationFailureAnalyzer<RevisionGraphException> {

	@Override
	protected String fallbackAction(RevisionGraphException failure) {
		return "Correct the @Revision attributes (id, revises, dependsOn) of " + failure.revisions()
				+ ", or migrations.target.";
	}

}
