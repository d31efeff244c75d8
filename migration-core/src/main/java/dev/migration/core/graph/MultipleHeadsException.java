package dev.migration.core.graph;

import java.util.Set;

/**
 * Thrown when a target needs a single head (or a single current revision) but there are
 * several; {@link #revisions()} are those heads.
 */
public class MultipleHeadsException extends RevisionGraphException {

	private static final long serialVersionUID = 1L;

	private MultipleHeadsException(String message, Set<String> heads) {
		super(message, heads);
	}

	static MultipleHeadsException forHead(Set<String> heads) {
		return new MultipleHeadsException("Target 'head' needs a single head, but there are " + heads.size()
				+ ": " + quoted(heads) + ". Name the revision to use, target 'heads' for all of them, "
				+ "or add a revision that merges them.", heads);
	}

	static MultipleHeadsException forBranchHead(String target, String branch, Set<String> heads) {
		return new MultipleHeadsException("Target " + quoted(target) + " needs a single head, but branch "
				+ quoted(branch) + " has " + heads.size() + ": " + quoted(heads)
				+ ". Name the revision to use, or add a revision that merges them.", heads);
	}

	static MultipleHeadsException forRelative(String target, Set<String> current) {
		return new MultipleHeadsException("Target " + quoted(target) + " moves from the current revision, but the "
				+ "database is at " + current.size() + ": " + quoted(current)
				+ ". Name the revision to go to, or move one branch with a target such as 'label@+1'.", current);
	}

	static MultipleHeadsException forBranchRelative(String target, String branch, Set<String> current) {
		return new MultipleHeadsException("Target " + quoted(target) + " moves from the current revision of branch "
				+ quoted(branch) + ", but it is at " + current.size() + ": " + quoted(current)
				+ ". Name the revision to go to.", current);
	}

}
