package dev.migration.core.graph;

import java.util.Set;

/**
 * Thrown when a target could mean several revisions; {@link #revisions()} are the
 * candidates.
 */
public class AmbiguousRevisionException extends RevisionGraphException {

	private static final long serialVersionUID = 1L;

	private AmbiguousRevisionException(String message, Set<String> candidates) {
		super(message, candidates);
	}

	static AmbiguousRevisionException prefix(String prefix, Set<String> candidates) {
		return new AmbiguousRevisionException("Revision prefix " + quoted(prefix) + " matches "
				+ candidates.size() + " revisions: " + quoted(candidates)
				+ ". Type more of the id to pick one.", candidates);
	}

	static AmbiguousRevisionException branchPoint(String target, String branchPoint, Set<String> children) {
		return new AmbiguousRevisionException("Target " + quoted(target) + " is ambiguous: " + quoted(branchPoint)
				+ " is a branch point with children " + quoted(children)
				+ ". Name the revision to go to instead.", children);
	}

	static AmbiguousRevisionException severalBases(String target, Set<String> bases) {
		return new AmbiguousRevisionException("Target " + quoted(target) + " is ambiguous: there are "
				+ bases.size() + " bases, " + quoted(bases) + ". Name the revision to go to instead.", bases);
	}

	static AmbiguousRevisionException mergePoint(String target, String mergePoint, Set<String> parents) {
		return new AmbiguousRevisionException("Target " + quoted(target) + " is ambiguous: " + quoted(mergePoint)
				+ " is a merge point revising " + quoted(parents)
				+ ". Name the revision to go to instead.", parents);
	}

}
