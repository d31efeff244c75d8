package dev.migration.core.graph;

import java.util.List;

/**
 * Thrown when two migrations declare the same revision id.
 */
public class DuplicateRevisionException extends RevisionGraphException {

	private static final long serialVersionUID = 1L;

	DuplicateRevisionException(String revision) {
		super("Revision " + quoted(revision) + " is declared by more than one migration. "
				+ "Give each migration its own revision id.", List.of(revision));
	}

}
