package dev.migration.core.run;

import java.util.Set;

import dev.migration.core.MigrationException;

/** Thrown when the database holds revisions that the code does not declare. */
public class UnknownAppliedRevisionException extends MigrationException {

	private static final long serialVersionUID = 1L;

	UnknownAppliedRevisionException(Set<String> unknown) {
		super("The database has revision(s) " + unknown + " applied, which this code does not declare: it was "
				+ "migrated by a newer version of the application. Deploy that version, downgrade the database "
				+ "with it, or set migrations.unknown-revision-policy=ignore to run this code anyway.");
	}

}
