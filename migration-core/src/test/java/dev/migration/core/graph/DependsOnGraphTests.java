package dev.migration.core.graph;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RevisionGraph} with dependencies across branches: {@code s1 <- s2 <- s3}
 * and {@code b1 <- b2}, where {@code b1} depends on {@code s2} and {@code b2} on
 * {@code s3}.
 */
class DependsOnGraphTests {

	private static final Set<String> AT_HEADS = Set.of("s3", "b2");

	private final RevisionGraph graph = RevisionGraph.of(List.of(
			RevisionNode.of("b2", "b two", "b1").withDependsOn("s3"),
			RevisionNode.of("b1", "b one").withDependsOn("s2"),
			RevisionNode.of("s3", "s three", "s2"),
			RevisionNode.of("s2", "s two", "s1"),
			RevisionNode.of("s1", "s one")));

	@Test
	void topologicalOrderPlacesDependenciesBeforeTheirDependents() {
		assertThat(this.graph.topologicalOrder()).extracting(RevisionNode::id)
			.containsExactly("s1", "s2", "b1", "s3", "b2");
	}

	@Test
	void aRevisionThatIsOnlyDependedOnIsStillAHead() {
		assertThat(this.graph.heads()).containsExactly("s3", "b2");
		assertThat(this.graph.bases()).containsExactly("s1", "b1");
		assertThat(this.graph.branchPoints()).isEmpty();
		assertThat(this.graph.mergePoints()).isEmpty();
	}

	@Test
	void ancestorsAndDescendantsFollowDependencies() {
		assertThat(this.graph.ancestors("b2")).containsExactly("s1", "s2", "b1", "s3");
		assertThat(this.graph.descendants("s2")).containsExactly("b1", "s3", "b2");
	}

	@Test
	void appliedRevisionsIncludeDependencies() {
		assertThat(this.graph.applied(Set.of("b1"))).containsExactly("s1", "s2", "b1");
	}

	@Test
	void theCurrentSetKeepsADependencyThatNothingAppliedRevises() {
		assertThat(this.graph.currentOf(Set.of("s1", "s2", "b1"))).containsExactly("s2", "b1");
	}

	@Test
	void theCurrentSetOfAFullyUpgradedDatabaseIsTheHeads() {
		assertThat(this.graph.currentOf(this.graph.applied(AT_HEADS))).isEqualTo(this.graph.heads());
	}

	@Test
	void upgradeToADependentAppliesItsDependencyFirst() {
		assertThat(this.graph.upgradePath(Set.of(), "b1")).extracting(RevisionNode::id)
			.containsExactly("s1", "s2", "b1");
	}

	@Test
	void upgradeFromBaseToHeadsAppliesEveryRevisionDependenciesFirst() {
		assertThat(this.graph.upgradePath(Set.of(), "heads")).extracting(RevisionNode::id)
			.containsExactly("s1", "s2", "b1", "s3", "b2");
	}

	@Test
	void upgradeAlongOneBranchPullsInTheOtherBranchRevisionItDependsOn() {
		assertThat(this.graph.upgradePath(Set.of("s2", "b1"), "b2")).extracting(RevisionNode::id)
			.containsExactly("s3", "b2");
	}

	@Test
	void upgradeToADependencyAlreadyAppliedHasNothingToDo() {
		assertThat(this.graph.upgradePath(Set.of("b1"), "s2")).isEmpty();
	}

	@Test
	void upgradeByOneStepWithADependencyCurrentAsksForARevision() {
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of("b1"), "+1"))
			.withMessage("Target '+1' moves from the current revision, but the database is at 2: 's2', 'b1'. "
					+ "Name the revision to go to, or move one branch with a target such as 'label@+1'.");
	}

	@Test
	void downgradeBelowADependencyRemovesItsDependentFirst() {
		assertThat(this.graph.downgradePath(AT_HEADS, "s3-1")).extracting(RevisionNode::id)
			.containsExactly("b2", "s3");
	}

	@Test
	void downgradeToADependentKeepsItsDependencies() {
		assertThat(this.graph.downgradePath(AT_HEADS, "b1")).extracting(RevisionNode::id).containsExactly("b2");
	}

	@Test
	void downgradeToTheFirstRevisionRemovesEveryDependentChildrenFirst() {
		assertThat(this.graph.downgradePath(AT_HEADS, "s1")).extracting(RevisionNode::id)
			.containsExactly("b2", "s3", "b1", "s2");
	}

	@Test
	void downgradeToBaseRemovesDependentsBeforeTheirDependencies() {
		assertThat(this.graph.downgradePath(AT_HEADS, "base")).extracting(RevisionNode::id)
			.containsExactly("b2", "s3", "b1", "s2", "s1");
	}

	@Test
	void downgradeToADependencyNotAppliedTellsToRunUpgrade() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.downgradePath(Set.of("b1"), "s3"))
			.withMessage("Downgrade cannot reach target 's3': revision 's3' is not applied (the database is at "
					+ "'s2', 'b1'). Run upgrade with target 's3' instead.");
	}

}
