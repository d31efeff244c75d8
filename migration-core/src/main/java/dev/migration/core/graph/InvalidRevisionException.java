package dev.migration.core.graph;

import java.util.List;

/**
 * Thrown when a single revision is malformed: a bad id or label, or a blank, null or repeated
 * entry in what it revises or depends on.
 */
public class InvalidRevisionException extends RevisionGraphException {

	private static final long serialVersionUID = 1L;

	InvalidRevisionException(String message, List<String> revisions) {
		super(message, revisions);
	}

}
