package dev.migration.core.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RevisionNode}.
 */
class RevisionNodeTests {

	private static final String RULES = " is not valid: it must not contain whitespace, ',' or '@', start with "
			+ "'+' or '-', or be 'head', 'heads' or 'base', because targets give those a meaning. ";

	@Test
	void ofCreatesABaseWithoutLabelsOrDependencies() {
		RevisionNode node = RevisionNode.of("a", "create users");
		assertThat(node.isBase()).isTrue();
		assertThat(node.isMergePoint()).isFalse();
		assertThat(node.branchLabels()).isEmpty();
		assertThat(node.dependsOn()).isEmpty();
	}

	@Test
	void aRevisionOfTwoParentsIsAMergePointThatKeepsTheirOrder() {
		RevisionNode node = RevisionNode.of("d", "merge", "c", "b");
		assertThat(node.isMergePoint()).isTrue();
		assertThat(node.downRevisions()).containsExactly("c", "b");
	}

	@Test
	void withersReplaceOnlyTheirOwnComponent() {
		RevisionNode node = RevisionNode.of("b", "msg", "a").withBranchLabels("shop", "eu").withDependsOn("x");
		assertThat(node).isEqualTo(new RevisionNode("b", List.of("a"), Set.of("eu", "shop"), Set.of("x"), "msg"));
		assertThat(node.branchLabels()).containsExactly("shop", "eu");
	}

	@Test
	void collectionsAreCopiedAndCannotBeChanged() {
		List<String> parents = new ArrayList<>(List.of("a"));
		Set<String> labels = new LinkedHashSet<>(Set.of("shop"));
		RevisionNode node = new RevisionNode("b", parents, labels, Set.of(), "msg");
		parents.add("z");
		labels.add("z");
		assertThat(node.downRevisions()).containsExactly("a");
		assertThat(node.branchLabels()).containsExactly("shop");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> node.downRevisions().add("z"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> node.branchLabels().add("z"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> node.dependsOn().add("z"));
	}

	@Test
	void aBlankIdIsRejected() {
		assertThatExceptionOfType(InvalidRevisionException.class).isThrownBy(() -> RevisionNode.of(" ", "msg"))
			.withMessage("A revision has a blank id. Give every revision a non-blank id.");
	}

	@Test
	void anIdWithWhitespaceIsRejectedWithTheRules() {
		assertThatExceptionOfType(InvalidRevisionException.class).isThrownBy(() -> RevisionNode.of("add users", "msg"))
			.withMessage("Revision id 'add users'" + RULES + "Rename the revision.");
	}

	@Test
	void anIdThatIsATargetKeywordIsRejected() {
		assertThatExceptionOfType(InvalidRevisionException.class).isThrownBy(() -> RevisionNode.of("heads", "msg"))
			.withMessage("Revision id 'heads'" + RULES + "Rename the revision.");
	}

	@Test
	void anIdStartingWithASignIsRejected() {
		assertThatExceptionOfType(InvalidRevisionException.class).isThrownBy(() -> RevisionNode.of("-1", "msg"))
			.withMessage("Revision id '-1'" + RULES + "Rename the revision.");
	}

	@Test
	void aLabelWithAnAtSignIsRejected() {
		assertThatExceptionOfType(InvalidRevisionException.class)
			.isThrownBy(() -> RevisionNode.of("a", "msg").withBranchLabels("shop@eu"))
			.withMessage("Branch label 'shop@eu' of revision 'a'" + RULES + "Rename the label.");
	}

	@Test
	void aBlankParentIsRejected() {
		assertThatExceptionOfType(InvalidRevisionException.class)
			.isThrownBy(() -> RevisionNode.of("b", "msg", (String) null))
			.withMessage("Revision 'b' has a blank entry in its revises attribute. Name a revision there, "
					+ "or remove the entry.");
	}

	@Test
	void aParentListedTwiceIsRejected() {
		assertThatExceptionOfType(InvalidRevisionException.class)
			.isThrownBy(() -> RevisionNode.of("d", "msg", "b", "b"))
			.withMessage("Revision 'd' lists 'b' twice in its revises attribute. List each revision once.");
	}

	@Test
	void aDependencyListedTwiceIsRejected() {
		assertThatExceptionOfType(InvalidRevisionException.class)
			.isThrownBy(() -> RevisionNode.of("d", "msg").withDependsOn("x", "x"))
			.withMessage("Revision 'd' lists 'x' twice in its dependsOn attribute. List each revision once.");
	}

	@Test
	void aRevisionBothRevisingAndDependingOnTheSameRevisionIsRejected() {
		assertThatExceptionOfType(InvalidRevisionException.class)
			.isThrownBy(() -> RevisionNode.of("b", "msg", "a").withDependsOn("a"))
			.withMessage("Revision 'b' both revises and depends on 'a'. Keep it in the revises attribute only.");
	}

	@Test
	void aNullMessageIsRejected() {
		assertThatExceptionOfType(InvalidRevisionException.class).isThrownBy(() -> RevisionNode.of("a", null))
			.withMessage("Revision 'a' has a null message. Use an empty message instead.")
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("a"));
	}

	@Test
	void aNullListIsRejected() {
		assertThatExceptionOfType(InvalidRevisionException.class)
			.isThrownBy(() -> new RevisionNode("a", null, Set.of(), Set.of(), "msg"))
			.withMessage("Revision 'a' has a null revises attribute. Use an empty one instead.");
	}

}
