package dev.migration.autoconfigure;

import dev.migration.core.MigrationException;

/** Thrown when a run is requested while another is in progress. */
public class RunInProgressException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public RunInProgressException(String message) {
		super(message);
	}

}
