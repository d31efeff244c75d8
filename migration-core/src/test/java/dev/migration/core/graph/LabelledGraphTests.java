package dev.migration.core.graph;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RevisionGraph} with branch labels: {@code shop} is
 * {@code s1 <- s2 <- s3}, {@code billing} is {@code b1 <- b2 <- b3}, and {@code audit}
 * forks from {@code b2} as {@code a1 <- a2}, so {@code billing} has two heads.
 */
class LabelledGraphTests {

	private static final Set<String> AT_HEADS = Set.of("a2", "b3", "s3");

	private final RevisionGraph graph = RevisionGraph.of(List.of(
			RevisionNode.of("s1", "shop").withBranchLabels("shop"),
			RevisionNode.of("s2", "shop two", "s1"),
			RevisionNode.of("s3", "shop three", "s2"),
			RevisionNode.of("b1", "billing").withBranchLabels("billing"),
			RevisionNode.of("b2", "billing two", "b1"),
			RevisionNode.of("b3", "billing three", "b2"),
			RevisionNode.of("a1", "audit", "b2").withBranchLabels("audit", "audit-log"),
			RevisionNode.of("a2", "audit two", "a1")));

	@Test
	void everyBranchHasItsHeadAndTheForkIsABranchPoint() {
		assertThat(this.graph.topologicalOrder()).extracting(RevisionNode::id)
			.containsExactly("b1", "b2", "a1", "a2", "b3", "s1", "s2", "s3");
		assertThat(this.graph.heads()).containsExactly("a2", "b3", "s3");
		assertThat(this.graph.bases()).containsExactly("b1", "s1");
		assertThat(this.graph.branchPoints()).containsExactly("b2");
		assertThat(this.graph.get("a1").branchLabels()).containsExactly("audit", "audit-log");
	}

	@Test
	void resolveNamesTheRevisionsOfEachLabelForm() {
		assertThat(this.graph.resolve("shop", Set.of())).containsExactly("s1");
		assertThat(this.graph.resolve("audit-log", Set.of())).containsExactly("a1");
		assertThat(this.graph.resolve("shop@head", Set.of())).containsExactly("s3");
		assertThat(this.graph.resolve("shop@base", Set.of())).isEmpty();
		assertThat(this.graph.resolve("audit@base", Set.of())).containsExactly("b2");
		assertThat(this.graph.resolve("s2@head", Set.of())).containsExactly("s3");
		assertThat(this.graph.resolve("shop@+2", Set.of())).containsExactly("s2");
		assertThat(this.graph.resolve("audit@-1", AT_HEADS)).containsExactly("a1");
	}

	@Test
	void upgradeToLabelAtHeadAppliesOnlyThatBranch() {
		assertThat(this.graph.upgradePath(Set.of(), "shop@head")).extracting(RevisionNode::id)
			.containsExactly("s1", "s2", "s3");
	}

	@Test
	void upgradeToAForkedLabelAtHeadAppliesWhatTheBranchRevisesFirst() {
		assertThat(this.graph.upgradePath(Set.of(), "audit@head")).extracting(RevisionNode::id)
			.containsExactly("b1", "b2", "a1", "a2");
	}

	@Test
	void upgradeToALabelAloneStopsAtTheLabelledRevision() {
		assertThat(this.graph.upgradePath(Set.of("b1"), "audit")).extracting(RevisionNode::id)
			.containsExactly("b2", "a1");
	}

	@Test
	void upgradeToAForkedLabelAtBaseAppliesWhatTheBranchForksFrom() {
		assertThat(this.graph.upgradePath(Set.of(), "audit@base")).extracting(RevisionNode::id)
			.containsExactly("b1", "b2");
	}

	@Test
	void upgradeToLabelAtHeadWithTwoHeadsNamesThem() {
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of(), "billing@head"))
			.withMessage("Target 'billing@head' needs a single head, but branch 'billing' has 2: 'a2', 'b3'. "
					+ "Name the revision to use, or add a revision that merges them.")
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("a2", "b3"));
	}

	@Test
	void upgradeByLabelStepsStartsAtTheBranchWhenNothingOfItIsApplied() {
		assertThat(this.graph.upgradePath(Set.of("b2"), "audit@+1")).extracting(RevisionNode::id)
			.containsExactly("a1");
	}

	@Test
	void upgradeByLabelStepsMovesOnlyThatBranchWhenSeveralAreCurrent() {
		assertThat(this.graph.upgradePath(Set.of("s1", "b3"), "shop@+2")).extracting(RevisionNode::id)
			.containsExactly("s2", "s3");
	}

	@Test
	void upgradeByLabelStepsPastTheBranchHeadSuggestsLabelAtHead() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of("a1"), "audit@+2"))
			.withMessage("Target 'audit@+2' asks for 2 revisions above 'a1', but head 'a2' is only 1 above it. "
					+ "Use a smaller step, or target 'audit@head'.");
	}

	@Test
	void upgradeByLabelStepsWithTheBranchAtTwoRevisionsAsksForARevision() {
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of("a1", "b3"), "billing@+1"))
			.withMessage("Target 'billing@+1' moves from the current revision of branch 'billing', but it is at 2: "
					+ "'a1', 'b3'. Name the revision to go to.");
	}

	@Test
	void upgradeByNegativeLabelStepsTellsToRunDowngrade() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.upgradePath(AT_HEADS, "shop@-1"))
			.withMessage("Target 'shop@-1' moves down from the current revision, which upgrade never does. "
					+ "Run downgrade with target 'shop@-1' instead.");
	}

	@Test
	void downgradeToLabelAtBaseRemovesOnlyThatBranch() {
		assertThat(this.graph.downgradePath(AT_HEADS, "shop@base")).extracting(RevisionNode::id)
			.containsExactly("s3", "s2", "s1");
	}

	@Test
	void downgradeToAForkedLabelAtBaseKeepsTheRevisionItForksFrom() {
		assertThat(this.graph.downgradePath(AT_HEADS, "audit@base")).extracting(RevisionNode::id)
			.containsExactly("a2", "a1");
	}

	@Test
	void downgradeToLabelAtBaseRemovesBranchesForkedFromIt() {
		assertThat(this.graph.downgradePath(AT_HEADS, "billing@base")).extracting(RevisionNode::id)
			.containsExactly("b3", "a2", "a1", "b2", "b1");
	}

	@Test
	void downgradeToAForkedLabelAtBaseBelowTheForkTellsToRunUpgrade() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.downgradePath(Set.of("s3"), "audit@base"))
			.withMessage("Downgrade cannot reach target 'audit@base': revision 'b2' is not applied (the database is "
					+ "at 's3'). Run upgrade with target 'audit@base' instead.");
	}

	@Test
	void downgradeToLabelAtHeadKeepsTheWholeBranch() {
		assertThat(this.graph.downgradePath(AT_HEADS, "shop@head")).isEmpty();
	}

	@Test
	void downgradeByLabelStepsMovesOnlyThatBranch() {
		assertThat(this.graph.downgradePath(AT_HEADS, "shop@-1")).extracting(RevisionNode::id).containsExactly("s3");
	}

	@Test
	void downgradeByLabelStepsDownToTheBranchBaseRemovesTheWholeBranch() {
		assertThat(this.graph.downgradePath(AT_HEADS, "audit@-2")).extracting(RevisionNode::id)
			.containsExactly("a2", "a1");
	}

	@Test
	void downgradeByLabelStepsPastTheBranchBaseSaysHowFarItIs() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.downgradePath(AT_HEADS, "audit@-3"))
			.withMessage("Target 'audit@-3' asks for 3 revisions below 'a2', but 'a2' is only 2 above the base of "
					+ "branch 'audit'. Use a smaller step, or target 'audit@base'.");
	}

	@Test
	void downgradeByLabelStepsWhenNothingOfTheBranchIsAppliedSaysSo() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.downgradePath(Set.of("b3"), "audit@-1"))
			.withMessage("Target 'audit@-1' asks for 1 revision below the base of branch 'audit', but the database "
					+ "is already at the base of branch 'audit'. There is nothing below it to downgrade.");
	}

	@Test
	void downgradeByPositiveLabelStepsTellsToRunUpgrade() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.downgradePath(AT_HEADS, "shop@+1"))
			.withMessage("Target 'shop@+1' moves up from the current revision, which downgrade never does. "
					+ "Run upgrade with target 'shop@+1' instead.");
	}

	@Test
	void anUnknownLabelSaysHowToListRevisions() {
		assertThatExceptionOfType(UnknownRevisionException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of(), "shopping@head"))
			.withMessage("No revision id, id prefix or branch label matches 'shopping'. "
					+ "Check it against the @Revision ids of your migrations.");
	}

}
