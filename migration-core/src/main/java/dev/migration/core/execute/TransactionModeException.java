package dev.migration.core.execute;

import dev.migration.core.MigrationException;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.dialect.SqlStatement;

/** Thrown when a statement that cannot run in a transaction follows others that already did. */
public class TransactionModeException extends MigrationException {

	private static final long serialVersionUID = 1L;

	TransactionModeException(DeclaredRevision revision, SqlStatement statement) {
		super("Revision '" + revision.id() + "' runs in a transaction, but this statement cannot run inside one:\n"
				+ statement.sql() + "\nMove it into a revision of its own, or make it the first statement of this "
				+ "revision, or declare @Revision(transactional = false).");
	}

}
