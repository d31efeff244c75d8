package dev.migration.core.scaffold;

import java.nio.file.Path;

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
	 * A Java revision.
	 *
	 * @param node its place in the graph
	 * @param packageName its package
	 * @param inSources whether it was read from the project's sources rather than the built application
	 */
	record JavaRevision(RevisionNode node, String packageName, boolean inSources) implements KnownRevision {
	}

	/**
	 * A versioned SQL file.
	 *
	 * @param node its place in the graph
	 * @param fileName its name, such as {@code V0007__add_notes.sql}
	 * @param folder the folder of the project's sources it is in, or that its location reads
	 */
	record SqlRevision(RevisionNode node, String fileName, Path folder) implements KnownRevision {
	}

}
