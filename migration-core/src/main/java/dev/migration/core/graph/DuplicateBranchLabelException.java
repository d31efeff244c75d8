package dev.migration.core.graph;

import java.util.List;

/**
 * Thrown when a branch label is declared twice or equals a revision id, so a target such as
 * {@code label@head} would be ambiguous.
 */
public class DuplicateBranchLabelException extends RevisionGraphException {

	private static final long serialVersionUID = 1L;

	private final String label;

	private DuplicateBranchLabelException(String label, String message, List<String> revisions) {
		super(message, revisions);
		this.label = label;
	}

	static DuplicateBranchLabelException declaredTwice(String label, String first, String second) {
		return new DuplicateBranchLabelException(label, "Branch label " + quoted(label) + " is declared by revisions "
				+ quoted(first) + " and " + quoted(second) + ". A label names one branch; rename one of them.",
				List.of(first, second));
	}

	static DuplicateBranchLabelException sameAsRevision(String label, String owner) {
		return new DuplicateBranchLabelException(label, "Branch label " + quoted(label) + " of revision "
				+ quoted(owner) + " is also the id of a revision. Rename the label so targets that use it "
				+ "stay unambiguous.", List.of(owner, label));
	}

	/**
	 * Returns the label that is declared more than once.
	 * @return the branch label
	 */
	public String label() {
		return this.label;
	}

}
