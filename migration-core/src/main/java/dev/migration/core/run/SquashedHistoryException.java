package dev.migration.core.run;

import java.util.List;

import dev.migration.core.MigrationException;

/** Thrown when a database is partway through a history that a squash revision now stands for. */
public class SquashedHistoryException extends MigrationException {

	private static final long serialVersionUID = 1L;

	SquashedHistoryException(String squash, List<String> missing) {
		super("The database has some of the revisions that squash revision " + squash + " replaces, but not "
				+ missing + ": it is partway through the history " + squash + " stands for, and " + squash
				+ " builds that history from base, so it can neither run here nor count as applied. Upgrade the "
				+ "database with a release whose code still has the replaced revisions, up to the last of them or "
				+ "further, then run this one; nothing was changed.");
	}

}
