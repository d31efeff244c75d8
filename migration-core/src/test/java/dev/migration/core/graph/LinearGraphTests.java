package dev.migration.core.graph;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RevisionGraph} on a straight history:
 * {@code add_users <- add_orders <- backfill_orders <- drop_legacy}.
 */
class LinearGraphTests {

	private final RevisionGraph graph = RevisionGraph.of(List.of(
			RevisionNode.of("drop_legacy", "drop legacy table", "backfill_orders"),
			RevisionNode.of("add_users", "create users"),
			RevisionNode.of("backfill_orders", "backfill orders", "add_orders"),
			RevisionNode.of("add_orders", "create orders", "add_users")));

	@Test
	void topologicalOrderPutsEachRevisionAfterTheOneItRevises() {
		assertThat(this.graph.topologicalOrder()).extracting(RevisionNode::id)
			.containsExactly("add_users", "add_orders", "backfill_orders", "drop_legacy");
	}

	@Test
	void theLastRevisionIsTheOnlyHeadAndTheFirstTheOnlyBase() {
		assertThat(this.graph.heads()).containsExactly("drop_legacy");
		assertThat(this.graph.bases()).containsExactly("add_users");
		assertThat(this.graph.branchPoints()).isEmpty();
		assertThat(this.graph.mergePoints()).isEmpty();
	}

	@Test
	void ancestorsAndDescendantsFollowTheChainInOrder() {
		assertThat(this.graph.ancestors("backfill_orders")).containsExactly("add_users", "add_orders");
		assertThat(this.graph.descendants("add_orders")).containsExactly("backfill_orders", "drop_legacy");
		assertThat(this.graph.ancestors("add_users")).isEmpty();
	}

	@Test
	void getReturnsTheRevisionAndFindIsEmptyForAnUnknownId() {
		assertThat(this.graph.get("add_orders").message()).isEqualTo("create orders");
		assertThat(this.graph.find("add")).isEmpty();
	}

	@Test
	void getOfAnUnknownIdSaysHowToListRevisions() {
		assertThatExceptionOfType(UnknownRevisionException.class).isThrownBy(() -> this.graph.get("add"))
			.withMessage("No migration declares revision 'add'. "
					+ "Check it against the @Revision ids of your migrations.");
	}

	@Test
	void appliedRevisionsAreTheCurrentRevisionAndEverythingBelowIt() {
		assertThat(this.graph.applied(Set.of("backfill_orders"))).containsExactly("add_users", "add_orders",
				"backfill_orders");
		assertThat(this.graph.applied(Set.of())).isEmpty();
	}

	@Test
	void currentOfAnAppliedSetIsItsTopRevision() {
		assertThat(this.graph.currentOf(Set.of("add_users", "add_orders"))).containsExactly("add_orders");
		assertThat(this.graph.currentOf(Set.of())).isEmpty();
	}

	@Test
	void upgradeFromBaseToHeadsAppliesEveryRevisionParentsFirst() {
		assertThat(this.graph.upgradePath(Set.of(), "heads")).extracting(RevisionNode::id)
			.containsExactly("add_users", "add_orders", "backfill_orders", "drop_legacy");
	}

	@Test
	void upgradeToHeadFromTheMiddleAppliesOnlyWhatIsAbove() {
		assertThat(this.graph.upgradePath(Set.of("add_orders"), "head")).extracting(RevisionNode::id)
			.containsExactly("backfill_orders", "drop_legacy");
	}

	@Test
	void upgradeToAnIdStopsAtThatRevision() {
		assertThat(this.graph.upgradePath(Set.of(), "add_orders")).extracting(RevisionNode::id)
			.containsExactly("add_users", "add_orders");
	}

	@Test
	void upgradeToAUniquePrefixUpgradesToTheRevisionItStarts() {
		assertThat(this.graph.upgradePath(Set.of("add_users"), "ba")).extracting(RevisionNode::id)
			.containsExactly("add_orders", "backfill_orders");
	}

	@Test
	void upgradeByRelativeStepsMovesUpFromTheCurrentRevision() {
		assertThat(this.graph.upgradePath(Set.of("add_users"), "+2")).extracting(RevisionNode::id)
			.containsExactly("add_orders", "backfill_orders");
	}

	@Test
	void upgradeByOneStepFromBaseAppliesTheFirstRevision() {
		assertThat(this.graph.upgradePath(Set.of(), "+1")).extracting(RevisionNode::id).containsExactly("add_users");
	}

	@Test
	void upgradeToARevisionPlusStepsCountsFromThatRevision() {
		assertThat(this.graph.upgradePath(Set.of(), "add_users+2")).extracting(RevisionNode::id)
			.containsExactly("add_users", "add_orders", "backfill_orders");
	}

	@Test
	void upgradeToARevisionMinusStepsStopsJustBelowTheLastRevisionWalked() {
		assertThat(this.graph.upgradePath(Set.of("add_users"), "drop_legacy-2")).extracting(RevisionNode::id)
			.containsExactly("add_orders");
	}

	@Test
	void upgradeTrimsWhitespaceAroundTheTarget() {
		assertThat(this.graph.upgradePath(Set.of("backfill_orders"), "  heads\n")).extracting(RevisionNode::id)
			.containsExactly("drop_legacy");
	}

	@Test
	void upgradeToAnAppliedRevisionBelowCurrentHasNothingToDo() {
		assertThat(this.graph.upgradePath(Set.of("backfill_orders"), "add_orders")).isEmpty();
	}

	@Test
	void upgradeToBaseHasNothingToDo() {
		assertThat(this.graph.upgradePath(Set.of("backfill_orders"), "base")).isEmpty();
	}

	@Test
	void upgradeToHeadsAtHeadsHasNothingToDo() {
		assertThat(this.graph.upgradePath(Set.of("drop_legacy"), "heads")).isEmpty();
	}

	@Test
	void upgradeByANegativeStepTellsToRunDowngrade() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of("drop_legacy"), "-1"))
			.withMessage("Target '-1' moves down from the current revision, which upgrade never does. "
					+ "Run downgrade with target '-1' instead.");
	}

	@Test
	void upgradeByMoreStepsThanRevisionsAboveNamesTheHead() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of("add_orders"), "+3"))
			.withMessage("Target '+3' asks for 3 revisions above 'add_orders', but head 'drop_legacy' is only 2 "
					+ "above it. Use a smaller step, or target 'heads'.");
	}

	@Test
	void upgradeByOneStepAtTheHeadSaysNothingRevisesIt() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of("drop_legacy"), "+1"))
			.withMessage("Target '+1' asks for 1 revision above 'drop_legacy', but 'drop_legacy' is a head: "
					+ "nothing revises it.");
	}

	@Test
	void upgradeFromBaseByMoreStepsThanRevisionsNamesTheHead() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of(), "+5"))
			.withMessage("Target '+5' asks for 5 revisions above base, but head 'drop_legacy' is only 4 above it. "
					+ "Use a smaller step, or target 'heads'.");
	}

	@Test
	void revisionPlusStepsPastTheHeadNamesTheHead() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of(), "add_users+4"))
			.withMessage("Target 'add_users+4' asks for 4 revisions above 'add_users', but head 'drop_legacy' is "
					+ "only 3 above it. Use a smaller step, or target 'heads'.");
	}

	@Test
	void downgradeToBaseRemovesEveryRevisionChildrenFirst() {
		assertThat(this.graph.downgradePath(Set.of("drop_legacy"), "base")).extracting(RevisionNode::id)
			.containsExactly("drop_legacy", "backfill_orders", "add_orders", "add_users");
	}

	@Test
	void downgradeByOneStepRemovesTheCurrentRevision() {
		assertThat(this.graph.downgradePath(Set.of("drop_legacy"), "-1")).extracting(RevisionNode::id)
			.containsExactly("drop_legacy");
	}

	@Test
	void downgradeByAsManyStepsAsAppliedRevisionsReachesBase() {
		assertThat(this.graph.downgradePath(Set.of("add_orders"), "-2")).extracting(RevisionNode::id)
			.containsExactly("add_orders", "add_users");
	}

	@Test
	void downgradeToAnIdKeepsThatRevision() {
		assertThat(this.graph.downgradePath(Set.of("drop_legacy"), "add_orders")).extracting(RevisionNode::id)
			.containsExactly("drop_legacy", "backfill_orders");
	}

	@Test
	void downgradeToAUniquePrefixKeepsTheRevisionItStarts() {
		assertThat(this.graph.downgradePath(Set.of("drop_legacy"), "add_u")).extracting(RevisionNode::id)
			.containsExactly("drop_legacy", "backfill_orders", "add_orders");
	}

	@Test
	void downgradeToARevisionMinusStepsRemovesTheRevisionsWalked() {
		assertThat(this.graph.downgradePath(Set.of("drop_legacy"), "drop_legacy-2")).extracting(RevisionNode::id)
			.containsExactly("drop_legacy", "backfill_orders");
	}

	@Test
	void downgradeToTheCurrentRevisionHasNothingToDo() {
		assertThat(this.graph.downgradePath(Set.of("backfill_orders"), "backfill_orders")).isEmpty();
	}

	@Test
	void downgradeAtBaseToBaseHasNothingToDo() {
		assertThat(this.graph.downgradePath(Set.of(), "base")).isEmpty();
	}

	@Test
	void downgradeToARevisionNotYetAppliedTellsToRunUpgrade() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.downgradePath(Set.of("add_orders"), "drop_legacy"))
			.withMessage("Downgrade cannot reach target 'drop_legacy': revision 'drop_legacy' is not applied "
					+ "(the database is at 'add_orders'). Run upgrade with target 'drop_legacy' instead.");
	}

	@Test
	void downgradeToHeadsFromBaseTellsToRunUpgrade() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.downgradePath(Set.of(), "heads"))
			.withMessage("Downgrade cannot reach target 'heads': revision 'drop_legacy' is not applied "
					+ "(the database is at base). Run upgrade with target 'heads' instead.");
	}

	@Test
	void downgradeByAPositiveStepTellsToRunUpgrade() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.downgradePath(Set.of("add_users"), "+1"))
			.withMessage("Target '+1' moves up from the current revision, which downgrade never does. "
					+ "Run upgrade with target '+1' instead.");
	}

	@Test
	void downgradeByMoreStepsThanAppliedRevisionsSaysHowFarBaseIs() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.downgradePath(Set.of("add_orders"), "-3"))
			.withMessage("Target '-3' asks for 3 revisions below 'add_orders', but 'add_orders' is only 2 above "
					+ "base. Use a smaller step, or target 'base'.");
	}

	@Test
	void downgradeByOneStepAtBaseSaysNothingIsBelow() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> this.graph.downgradePath(Set.of(), "-1"))
			.withMessage("Target '-1' asks for 1 revision below base, but the database is already at base. "
					+ "There is nothing below it to downgrade.");
	}

	@Test
	void resolveNamesTheRevisionsOfEachTargetForm() {
		Set<String> current = Set.of("add_orders");
		assertThat(this.graph.resolve("heads", current)).containsExactly("drop_legacy");
		assertThat(this.graph.resolve("head", current)).containsExactly("drop_legacy");
		assertThat(this.graph.resolve("base", current)).isEmpty();
		assertThat(this.graph.resolve("backfill_orders", current)).containsExactly("backfill_orders");
		assertThat(this.graph.resolve("dr", current)).containsExactly("drop_legacy");
		assertThat(this.graph.resolve("+1", current)).containsExactly("backfill_orders");
		assertThat(this.graph.resolve("-1", current)).containsExactly("add_users");
		assertThat(this.graph.resolve("-2", current)).isEmpty();
		assertThat(this.graph.resolve("add_users+1", current)).containsExactly("add_orders");
		assertThat(this.graph.resolve("drop_legacy-1", current)).containsExactly("backfill_orders");
	}

	@Test
	void anAmbiguousPrefixListsTheCandidates() {
		assertThatExceptionOfType(AmbiguousRevisionException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of(), "add"))
			.withMessage("Revision prefix 'add' matches 2 revisions: 'add_users', 'add_orders'. "
					+ "Type more of the id to pick one.")
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("add_users", "add_orders"));
	}

	@Test
	void anUnknownRevisionSaysHowToListRevisions() {
		assertThatExceptionOfType(UnknownRevisionException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of(), "zz"))
			.withMessage("No revision id, id prefix or branch label matches 'zz'. "
					+ "Check it against the @Revision ids of your migrations.");
	}

	@Test
	void anUnknownRevisionBeforeAStepIsReportedAlone() {
		assertThatExceptionOfType(UnknownRevisionException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of(), "zz+1"))
			.withMessage("No revision id, id prefix or branch label matches 'zz'. "
					+ "Check it against the @Revision ids of your migrations.");
	}

	@Test
	void aCurrentRevisionNoMigrationDeclaresSaysHowToRecover() {
		assertThatExceptionOfType(UnknownRevisionException.class)
			.isThrownBy(() -> this.graph.upgradePath(Set.of("gone"), "heads"))
			.withMessage("The database is at revision 'gone', which no migration declares. Restore the "
					+ "migration that declares 'gone', or stamp the database to a revision that exists.");
	}

	@Test
	void idsWithSignsAreTakenWholeBeforeTheyAreReadAsSteps() {
		RevisionGraph hyphenated = RevisionGraph.of(List.of(RevisionNode.of("v-1", "first"),
				RevisionNode.of("v-1-2", "second", "v-1"), RevisionNode.of("v-1-3", "third", "v-1-2")));
		assertThat(hyphenated.resolve("v-1", Set.of())).containsExactly("v-1");
		assertThat(hyphenated.resolve("v-1-3-1", Set.of())).containsExactly("v-1-2");
		assertThat(hyphenated.resolve("v-1+1", Set.of())).containsExactly("v-1-2");
	}

}
