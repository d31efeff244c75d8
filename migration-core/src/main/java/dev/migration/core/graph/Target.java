package dev.migration.core.graph;

import java.util.Set;

/**
 * Where a resolved target leads: revisions to reach, or the bottom of some lineages.
 */
sealed interface Target {

	/**
	 * Returns the revisions that upgrading to this target applies, with their ancestors.
	 * @return the target's revision ids
	 */
	Set<String> revisions();

	/**
	 * Revisions named by the target; downgrading removes what grew from them.
	 * @param revisions the named revision ids
	 */
	record Revisions(Set<String> revisions) implements Target {
	}

	/**
	 * Below {@code roots}: downgrading removes the roots and what grew from them, upgrading
	 * reaches what the roots revise.
	 * @param roots the lowest revisions to remove
	 * @param revisions what the roots revise
	 */
	record Below(Set<String> roots, Set<String> revisions) implements Target {
	}

}
