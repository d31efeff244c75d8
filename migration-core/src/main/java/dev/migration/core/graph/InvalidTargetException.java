package dev.migration.core.graph;

import java.util.List;

/**
 * Thrown when a target is blank or not written in any form the graph understands.
 */
public class InvalidTargetException extends RevisionGraphException {

	private static final long serialVersionUID = 1L;

	InvalidTargetException(String message) {
		super(message, List.of());
	}

}
