package dev.migration.core.graph;

import java.util.List;

/**
 * Thrown when a revision revises or depends on a revision that no migration declares.
 */
public class MissingRevisionException extends RevisionGraphException {

	private static final long serialVersionUID = 1L;

	private final String revision;

	private final String missing;

	MissingRevisionException(String revision, String missing, boolean dependency) {
		super(message(revision, missing, dependency), List.of(revision, missing));
		this.revision = revision;
		this.missing = missing;
	}

	private static String message(String revision, String missing, boolean dependency) {
		String verb = dependency ? "depends on " : "revises ";
		String attribute = dependency ? "dependsOn" : "revises";
		return "Revision " + quoted(revision) + " " + verb + quoted(missing) + ", which no migration declares. "
				+ "Add the missing revision or correct the " + attribute + " attribute of " + quoted(revision) + ".";
	}

	/**
	 * Returns the revision whose reference cannot be resolved.
	 * @return the referring revision id
	 */
	public String revision() {
		return this.revision;
	}

	/**
	 * Returns the id that no migration declares.
	 * @return the missing revision id
	 */
	public String missing() {
		return this.missing;
	}

}
