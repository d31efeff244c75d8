package dev.migration.core.graph;

import java.util.List;

/**
 * Thrown when a target, a lookup or the database's current state names a revision that no
 * migration declares.
 */
public class UnknownRevisionException extends RevisionGraphException {

	private static final long serialVersionUID = 1L;

	private UnknownRevisionException(String message, String revision) {
		super(message, List.of(revision));
	}

	static UnknownRevisionException inTarget(String reference) {
		return new UnknownRevisionException("No revision id, id prefix or branch label matches " + quoted(reference)
				+ ". Check it against the @Revision ids of your migrations.", reference);
	}

	static UnknownRevisionException notDeclared(String id) {
		return new UnknownRevisionException("No migration declares revision " + quoted(id)
				+ ". Check it against the @Revision ids of your migrations.", id);
	}

	static UnknownRevisionException inDatabase(String id) {
		return new UnknownRevisionException("The database is at revision " + quoted(id)
				+ ", which no migration declares. Restore the migration that declares " + quoted(id)
				+ ", or stamp the database to a revision that exists.", id);
	}

}
