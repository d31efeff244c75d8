package dev.migration.autoconfigure.endpoint;

/** Where the database stands against the configured target, as the endpoint reports it. */
public enum MigrationStatus {

	/** Every revision the target needs is applied. */
	UP_TO_DATE,

	/** Revisions the target needs are not applied yet. */
	PENDING,

	/** A run holds the migration lock, in this application or another. */
	RUNNING,

	/** Revisions are pending and the last attempt to apply them failed. */
	FAILED;

	static MigrationStatus of(boolean running, boolean pending, boolean failed) {
		if (running) {
			return RUNNING;
		}
		if (!pending) {
			return UP_TO_DATE;
		}
		return failed ? FAILED : PENDING;
	}

}
