package dev.migration.core.graph;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RevisionGraph} on a diamond: {@code b} and {@code c} revise {@code a},
 * and {@code d} merges them.
 */
class DiamondGraphTests {

	private final RevisionGraph graph = RevisionGraph.of(List.of(
			RevisionNode.of("d", "merge", "b", "c"),
			RevisionNode.of("c", "add column", "a"),
			RevisionNode.of("b", "add index", "a"),
			RevisionNode.of("a", "create table")));

	@Test
	void topologicalOrderPlacesBothSidesBeforeTheMergeSmallestIdFirst() {
		assertThat(this.graph.topologicalOrder()).extracting(RevisionNode::id).containsExactly("a", "b", "c", "d");
	}

	@Test
	void theBranchPointAndTheMergePointAreFound() {
		assertThat(this.graph.heads()).containsExactly("d");
		assertThat(this.graph.bases()).containsExactly("a");
		assertThat(this.graph.branchPoints()).containsExactly("a");
		assertThat(this.graph.mergePoints()).containsExactly("d");
		assertThat(this.graph.get("d").isMergePoint()).isTrue();
	}

	@Test
	void theMergeDescendsFromBothSides() {
		assertThat(this.graph.ancestors("d")).containsExactly("a", "b", "c");
		assertThat(this.graph.descendants("a")).containsExactly("b", "c", "d");
		assertThat(this.graph.descendants("b")).containsExactly("d");
	}

	@Test
	void withBothSidesAppliedTheDatabaseIsAtBothOfThem() {
		assertThat(this.graph.currentOf(Set.of("a", "b", "c"))).containsExactly("b", "c");
		assertThat(this.graph.currentOf(this.graph.applied(Set.of("d")))).containsExactly("d");
	}

	@Test
	void upgradeFromBaseToHeadsAppliesBothSidesBeforeTheMerge() {
		assertThat(this.graph.upgradePath(Set.of(), "heads")).extracting(RevisionNode::id)
			.containsExactly("a", "b", "c", "d");
	}

	@Test
	void upgradeToOneSideLeavesTheOtherSideUnapplied() {
		assertThat(this.graph.upgradePath(Set.of(), "b")).extracting(RevisionNode::id).containsExactly("a", "b");
	}

	@Test
	void upgradeFromOneSideToTheMergeAppliesTheOtherSideFirst() {
		assertThat(this.graph.upgradePath(Set.of("b"), "d")).extracting(RevisionNode::id).containsExactly("c", "d");
	}

	@Test
	void upgradeByOneStepFromOneSideReachesTheMergeWithTheOtherSide() {
		assertThat(this.graph.upgradePath(Set.of("b"), "+1")).extracting(RevisionNode::id).containsExactly("c", "d");
	}

	@Test
	void upgradeByOneStepFromTheBranchPointIsAmbiguous() {
		assertThatExceptionOfType(AmbiguousRevisionException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of("a"), "+1"))
			.withMessage("Target '+1' is ambiguous: 'a' is a branch point with children 'b', 'c'. "
					+ "Name the revision to go to instead.")
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("b", "c"));
	}

	@Test
	void upgradeByOneStepWithBothSidesCurrentAsksForARevision() {
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of("b", "c"), "+1"))
			.withMessage("Target '+1' moves from the current revision, but the database is at 2: 'b', 'c'. "
					+ "Name the revision to go to, or move one branch with a target such as 'label@+1'.");
	}

	@Test
	void upgradeToHeadsWithBothSidesAppliedAppliesOnlyTheMerge() {
		assertThat(this.graph.upgradePath(Set.of("b", "c"), "heads")).extracting(RevisionNode::id)
			.containsExactly("d");
	}

	@Test
	void downgradeByOneStepFromTheMergeRemovesOnlyTheMerge() {
		assertThat(this.graph.downgradePath(Set.of("d"), "-1")).extracting(RevisionNode::id).containsExactly("d");
	}

	@Test
	void downgradeByTwoStepsFromTheMergeIsAmbiguous() {
		assertThatExceptionOfType(AmbiguousRevisionException.class)
			.isThrownBy(() -> this.graph.downgradePath(Set.of("d"), "-2"))
			.withMessage("Target '-2' is ambiguous: 'd' is a merge point revising 'b', 'c'. "
					+ "Name the revision to go to instead.");
	}

	@Test
	void downgradeToOneSideRemovesTheMergeAndKeepsTheOtherSide() {
		assertThat(this.graph.downgradePath(Set.of("d"), "b")).extracting(RevisionNode::id).containsExactly("d");
	}

	@Test
	void downgradeToTheBranchPointRemovesBothSidesAndTheMerge() {
		assertThat(this.graph.downgradePath(Set.of("d"), "a")).extracting(RevisionNode::id)
			.containsExactly("d", "c", "b");
	}

	@Test
	void downgradeToBaseRemovesEverythingChildrenFirst() {
		assertThat(this.graph.downgradePath(Set.of("d"), "base")).extracting(RevisionNode::id)
			.containsExactly("d", "c", "b", "a");
	}

	@Test
	void resolveJustBelowTheMergeNamesBothSides() {
		assertThat(this.graph.resolve("-1", Set.of("d"))).containsExactly("b", "c");
		assertThat(this.graph.resolve("d-1", Set.of())).containsExactly("b", "c");
	}

	@Test
	void upgradeToJustBelowTheMergeAppliesBothSides() {
		assertThat(this.graph.upgradePath(Set.of(), "d-1")).extracting(RevisionNode::id)
			.containsExactly("a", "b", "c");
	}

}
