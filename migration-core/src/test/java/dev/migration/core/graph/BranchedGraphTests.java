package dev.migration.core.graph;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RevisionGraph} on two unmerged branches from one branch point:
 * {@code a <- b1 <- b2} and {@code a <- c1 <- c2}.
 */
class BranchedGraphTests {

	private final RevisionGraph graph = RevisionGraph.of(List.of(
			RevisionNode.of("c2", "c two", "c1"),
			RevisionNode.of("b2", "b two", "b1"),
			RevisionNode.of("c1", "c one", "a"),
			RevisionNode.of("b1", "b one", "a"),
			RevisionNode.of("a", "start")));

	@Test
	void topologicalOrderFinishesTheSmallerBranchFirst() {
		assertThat(this.graph.topologicalOrder()).extracting(RevisionNode::id)
			.containsExactly("a", "b1", "b2", "c1", "c2");
	}

	@Test
	void eachBranchHasItsOwnHead() {
		assertThat(this.graph.heads()).containsExactly("b2", "c2");
		assertThat(this.graph.bases()).containsExactly("a");
		assertThat(this.graph.branchPoints()).containsExactly("a");
		assertThat(this.graph.mergePoints()).isEmpty();
	}

	@Test
	void upgradeFromBaseToHeadsAppliesBothBranches() {
		assertThat(this.graph.upgradePath(Set.of(), "heads")).extracting(RevisionNode::id)
			.containsExactly("a", "b1", "b2", "c1", "c2");
	}

	@Test
	void upgradeToHeadsFromOneHeadAppliesTheOtherBranch() {
		assertThat(this.graph.upgradePath(Set.of("b2"), "heads")).extracting(RevisionNode::id)
			.containsExactly("c1", "c2");
	}

	@Test
	void upgradeToOneHeadLeavesTheOtherBranchUnapplied() {
		assertThat(this.graph.upgradePath(Set.of(), "c2")).extracting(RevisionNode::id)
			.containsExactly("a", "c1", "c2");
	}

	@Test
	void upgradeToHeadNamesBothHeadsAndSaysToPickOneOrMerge() {
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of(), "head"))
			.withMessage("Target 'head' needs a single head, but there are 2: 'b2', 'c2'. Name the revision to "
					+ "use, target 'heads' for all of them, or add a revision that merges them.")
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("b2", "c2"));
	}

	@Test
	void upgradeByOneStepAlongOneBranchFollowsIt() {
		assertThat(this.graph.upgradePath(Set.of("b1"), "+1")).extracting(RevisionNode::id).containsExactly("b2");
	}

	@Test
	void upgradeByStepsThroughTheBranchPointIsAmbiguous() {
		assertThatExceptionOfType(AmbiguousRevisionException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of(), "+2"))
			.withMessage("Target '+2' is ambiguous: 'a' is a branch point with children 'b1', 'c1'. "
					+ "Name the revision to go to instead.");
	}

	@Test
	void upgradeByOneStepWithBothBranchesAppliedAsksForARevision() {
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of("b1", "c1"), "+1"))
			.withMessage("Target '+1' moves from the current revision, but the database is at 2: 'b1', 'c1'. "
					+ "Name the revision to go to, or move one branch with a target such as 'label@+1'.")
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("b1", "c1"));
	}

	@Test
	void afterEachUpgradeStepTheCurrentSetTracksBothBranches() {
		assertThat(this.graph.currentOf(Set.of("a", "b1"))).containsExactly("b1");
		assertThat(this.graph.currentOf(Set.of("a", "b1", "b2", "c1"))).containsExactly("b2", "c1");
	}

	@Test
	void downgradeToTheBranchPointRemovesBothBranchesChildrenFirst() {
		assertThat(this.graph.downgradePath(Set.of("b2", "c2"), "a")).extracting(RevisionNode::id)
			.containsExactly("c2", "c1", "b2", "b1");
	}

	@Test
	void downgradeToOneBranchRevisionKeepsTheOtherBranch() {
		assertThat(this.graph.downgradePath(Set.of("b2", "c2"), "c1")).extracting(RevisionNode::id)
			.containsExactly("c2");
	}

	@Test
	void downgradeToOneHeadKeepsBothBranches() {
		assertThat(this.graph.downgradePath(Set.of("b2", "c2"), "b2")).isEmpty();
	}

	@Test
	void downgradeByOneStepWithTwoHeadsCurrentAsksForARevision() {
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.graph.downgradePath(Set.of("b2", "c2"), "-1"))
			.withMessage("Target '-1' moves from the current revision, but the database is at 2: 'b2', 'c2'. "
					+ "Name the revision to go to, or move one branch with a target such as 'label@+1'.");
	}

	@Test
	void downgradeFromARevisionMinusStepsRemovesOnlyItsBranch() {
		assertThat(this.graph.downgradePath(Set.of("b2", "c2"), "c2-2")).extracting(RevisionNode::id)
			.containsExactly("c2", "c1");
	}

	@Test
	void downgradeToHeadsWithOneBranchMissingNamesTheUnappliedHead() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.downgradePath(Set.of("b2"), "heads"))
			.withMessage("Downgrade cannot reach target 'heads': revision 'c2' is not applied (the database is at "
					+ "'b2'). Run upgrade with target 'heads' instead.")
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("c2"));
	}

	@Test
	void downgradeToHeadsWithBothBranchesMissingNamesBothHeads() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.downgradePath(Set.of("a"), "heads"))
			.withMessage("Downgrade cannot reach target 'heads': revisions 'b2', 'c2' are not applied (the "
					+ "database is at 'a'). Run upgrade with target 'heads' instead.");
	}

	@Test
	void downgradeToBaseRemovesBothBranchesAndTheBranchPoint() {
		assertThat(this.graph.downgradePath(Set.of("b2", "c1"), "base")).extracting(RevisionNode::id)
			.containsExactly("c1", "b2", "b1", "a");
	}

}
