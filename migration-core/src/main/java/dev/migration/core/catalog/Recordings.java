package dev.migration.core.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.migration.core.op.EmittingOperations;
import dev.migration.core.op.Op;

/**
 * The ops of each revision's upgrade and downgrade, recorded once and shared by every use (the
 * checksum, the linter, the rehearsal, the offline script and the run itself).
 */
public final class Recordings {

	// code that reads the database, or asks whether it runs offline, has no fixed recording:
	// it is called afresh where it runs

	private final Map<String, Optional<List<Op>>> upgrades = new ConcurrentHashMap<>();

	private final Map<String, Optional<List<Op>>> downgrades = new ConcurrentHashMap<>();

	/**
	 * Returns the ops of a revision's upgrade.
	 * @param revision the revision
	 * @return the ops, or empty when the upgrade depends on the database
	 */
	public Optional<List<Op>> upgrade(DeclaredRevision revision) {
		return this.upgrades.computeIfAbsent(revision.id(),
				(id) -> EmittingOperations.recordFixed(revision.migration()::upgrade));
	}

	/**
	 * Returns the ops of a revision's downgrade, derived or written.
	 * @param revision the revision
	 * @return the ops, or empty when the downgrade depends on the database
	 */
	public Optional<List<Op>> downgrade(DeclaredRevision revision) {
		return this.downgrades.computeIfAbsent(revision.id(),
				(id) -> EmittingOperations.recordFixed(revision.migration()::downgrade));
	}

}
