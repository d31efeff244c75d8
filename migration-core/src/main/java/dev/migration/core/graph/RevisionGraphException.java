package dev.migration.core.graph;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import dev.migration.core.MigrationException;

/**
 * Root of the exceptions the revision graph throws, each naming the revisions involved.
 */
public abstract class RevisionGraphException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final List<String> revisions;

	RevisionGraphException(String message, Collection<String> revisions) {
		super(message);
		this.revisions = List.copyOf(revisions);
	}

	/**
	 * Returns the revision ids the problem is about, most relevant first.
	 * @return the revision ids, possibly empty
	 */
	public List<String> revisions() {
		return this.revisions;
	}

	static String quoted(Collection<String> ids) {
		return ids.stream().map(RevisionGraphException::quoted).collect(Collectors.joining(", "));
	}

	static String quoted(String id) {
		return "'" + id + "'";
	}

	static String count(int count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

}
