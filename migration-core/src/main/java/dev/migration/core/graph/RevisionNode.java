package dev.migration.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One revision in the graph: its id, the revisions it revises (none for a base, two or more
 * for a merge point), its branch labels, the revisions on other branches it depends on, and
 * its message.
 *
 * @param id the revision id: not blank, without whitespace, {@code ','} or {@code '@'}, not
 * starting with {@code '+'} or {@code '-'}, and none of {@code head}, {@code heads} or
 * {@code base}, so that every target form can name it
 * @param downRevisions the revisions this one revises, in declaration order
 * @param branchLabels labels naming the branch that starts at this revision, with the same
 * rules as ids
 * @param dependsOn revisions that must be applied before this one although it does not revise
 * them
 * @param message what the revision does, possibly empty
 */
public record RevisionNode(String id, List<String> downRevisions, Set<String> branchLabels, Set<String> dependsOn,
		String message) {

	private static final Set<String> RESERVED = Set.of("head", "heads", "base");

	public RevisionNode {
		if (id == null || id.isBlank()) {
			throw invalid(null, "A revision has a blank id. Give every revision a non-blank id.");
		}
		checkName(id, id, "Revision id " + quoted(id), "Rename the revision.");
		downRevisions = List.copyOf(references(id, downRevisions, "revises"));
		branchLabels = labels(id, branchLabels);
		dependsOn = Collections.unmodifiableSet(references(id, dependsOn, "dependsOn"));
		checkNotBoth(id, downRevisions, dependsOn);
		if (message == null) {
			throw invalid(id, "Revision " + quoted(id) + " has a null message. Use an empty message instead.");
		}
	}

	/**
	 * Creates a revision without branch labels or dependencies.
	 * @param id the revision id
	 * @param message what the revision does
	 * @param downRevisions the revisions it revises; none for a base
	 * @return the revision
	 */
	public static RevisionNode of(String id, String message, String... downRevisions) {
		return new RevisionNode(id, listOf(id, downRevisions, "revises"), Set.of(), Set.of(), message);
	}

	/**
	 * Returns a copy of this revision carrying the given branch labels instead of its own.
	 * @param labels the branch labels
	 * @return the labelled revision
	 */
	public RevisionNode withBranchLabels(String... labels) {
		return new RevisionNode(this.id, this.downRevisions, orderedSetOf(this.id, labels, "branch labels"),
				this.dependsOn, this.message);
	}

	/**
	 * Returns a copy of this revision depending on the given revisions instead of its own
	 * dependencies.
	 * @param revisions the revisions that must be applied first
	 * @return the dependent revision
	 */
	public RevisionNode withDependsOn(String... revisions) {
		return new RevisionNode(this.id, this.downRevisions, this.branchLabels,
				orderedSetOf(this.id, revisions, "dependsOn"), this.message);
	}

	/**
	 * Returns whether this revision revises nothing, so it starts a history.
	 * @return whether this is a base
	 */
	public boolean isBase() {
		return this.downRevisions.isEmpty();
	}

	/**
	 * Returns whether this revision revises two or more revisions, joining their branches.
	 * @return whether this is a merge point
	 */
	public boolean isMergePoint() {
		return this.downRevisions.size() > 1;
	}

	private static void checkName(String owner, String name, String subject, String fix) {
		boolean badCharacter = name.chars().anyMatch((c) -> Character.isWhitespace(c) || c == ',' || c == '@');
		if (badCharacter || name.startsWith("+") || name.startsWith("-") || RESERVED.contains(name)) {
			throw invalid(owner, subject + " is not valid: it must not contain whitespace, ',' or '@', start with "
					+ "'+' or '-', or be 'head', 'heads' or 'base', because targets give those a meaning. " + fix);
		}
	}

	private static LinkedHashSet<String> references(String id, Collection<String> references, String attribute) {
		if (references == null) {
			throw invalid(id, "Revision " + quoted(id) + " has a null " + attribute
					+ " attribute. Use an empty one instead.");
		}
		LinkedHashSet<String> checked = new LinkedHashSet<>();
		for (String reference : references) {
			if (reference == null || reference.isBlank()) {
				throw invalid(id, "Revision " + quoted(id) + " has a blank entry in its " + attribute
						+ " attribute. Name a revision there, or remove the entry.");
			}
			if (!checked.add(reference)) {
				throw invalid(id, "Revision " + quoted(id) + " lists " + quoted(reference) + " twice in its "
						+ attribute + " attribute. List each revision once.");
			}
		}
		return checked;
	}

	private static Set<String> labels(String id, Set<String> labels) {
		LinkedHashSet<String> checked = references(id, labels, "branch labels");
		for (String label : checked) {
			checkName(id, label, "Branch label " + quoted(label) + " of revision " + quoted(id), "Rename the label.");
		}
		return Collections.unmodifiableSet(checked);
	}

	private static void checkNotBoth(String id, List<String> downRevisions, Set<String> dependsOn) {
		for (String downRevision : downRevisions) {
			if (dependsOn.contains(downRevision)) {
				throw invalid(id, "Revision " + quoted(id) + " both revises and depends on " + quoted(downRevision)
						+ ". Keep it in the revises attribute only.");
			}
		}
	}

	private static List<String> listOf(String id, String[] values, String attribute) {
		if (values == null) {
			throw invalid(id, "Revision " + quoted(id) + " has a null " + attribute
					+ " attribute. Use an empty one instead.");
		}
		// Arrays.asList keeps null entries so the constructor can report them
		return new ArrayList<>(Arrays.asList(values));
	}

	private static Set<String> orderedSetOf(String id, String[] values, String attribute) {
		return references(id, listOf(id, values, attribute), attribute);
	}

	private static InvalidRevisionException invalid(String id, String message) {
		return new InvalidRevisionException(message, (id != null) ? List.of(id) : List.of());
	}

	private static String quoted(String value) {
		return RevisionGraphException.quoted(value);
	}

}
