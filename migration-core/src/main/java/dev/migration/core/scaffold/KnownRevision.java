package dev.migration.core.scaffold;

import java.nio.file.Path;
import java.util.List;

import dev.migration.core.graph.RevisionNode;

/**
 * A revision as the scaffold knows it: read from the project's sources, or from the built
 * application for what they lack.
 */
sealed interface KnownRevision {

	/**
	 * Returns the revision's place in the graph: its id and what it revises.
	 * @return the node
	 */
	RevisionNode node();

	/**
	 * Returns the revisions this one squashes, as its {@code replaces} names them.
	 * @return the replaced ids; empty for a revision that squashes nothing
	 */
	List<String> replaces();

	/**
	 * A Java revision.
	 *
	 * @param node its place in the graph
	 * @param packageName its package
	 * @param inSources whether it was read from the project's sources rather than the built application
	 * @param replaces the revisions it squashes
	 */
	record JavaRevision(RevisionNode node, String packageName, boolean inSources, List<String> replaces)
			implements KnownRevision {
	}

	/**
	 * A versioned SQL file.
	 *
	 * @param node its place in the graph
	 * @param fileName its name, such as {@code V0007__add_notes.sql}
	 * @param folder the folder of the project's sources it is in, or that its location reads
	 * @param replaces the files it squashes, for a baseline file
	 */
	record SqlRevision(RevisionNode node, String fileName, Path folder, List<String> replaces)
			implements KnownRevision {
	}

}
