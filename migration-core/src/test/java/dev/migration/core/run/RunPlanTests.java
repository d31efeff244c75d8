package dev.migration.core.run;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migration.core.Stage;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.run.RunPlan.Reason;
import dev.migration.core.run.RunPlan.Waiting;

import static org.assertj.core.api.Assertions.assertThat;

/** How stages and releases split an upgrade path; pure, no database. */
class RunPlanTests {

	private static final DeclaredRevision SCHEMA = revision("a1", Stage.STARTUP);

	private static final DeclaredRevision BACKFILL = revision("b2", Stage.BACKGROUND, "a1");

	private static final DeclaredRevision CHECK = revision("c3", Stage.STARTUP, "b2");

	private static final DeclaredRevision CONTRACT = revision("d4", Stage.CONTRACT, "c3");

	private static final DeclaredRevision AFTER_CONTRACT = revision("e5", Stage.STARTUP, "d4");

	private static final List<DeclaredRevision> PATH = List.of(SCHEMA, BACKFILL, CHECK, CONTRACT, AFTER_CONTRACT);

	@Test
	void startUpAppliesStartUpRevisionsUntilTheFirstBackgroundOne() {
		RunPlan plan = RunPlan.of(PATH, RunScope.STARTUP, Release.none());
		assertThat(plan.now()).containsExactly(SCHEMA);
		assertThat(plan.waiting()).extracting(Waiting::reason)
			.containsExactly(Reason.BACKGROUND, Reason.EARLIER_REVISION, Reason.RELEASE, Reason.EARLIER_REVISION);
		assertThat(plan.waiting().get(1).describe()).isEqualTo("waits for b2");
	}

	@Test
	void backgroundRunAppliesEverythingUpToAContractRevisionNotReleased() {
		RunPlan plan = RunPlan.of(PATH, RunScope.RELEASED, Release.none());
		assertThat(plan.now()).containsExactly(SCHEMA, BACKFILL, CHECK);
		assertThat(plan.waiting()).extracting(Waiting::describe).containsExactly("awaits release", "waits for d4");
	}

	@Test
	void aReleasedContractRevisionRunsWithWhatComesAfterIt() {
		RunPlan plan = RunPlan.of(PATH, RunScope.RELEASED, Release.of(List.of("d4")));
		assertThat(plan.now()).containsExactly(SCHEMA, BACKFILL, CHECK, CONTRACT, AFTER_CONTRACT);
		assertThat(plan.waiting()).isEmpty();
	}

	@Test
	void aReleasedContractRevisionStillWaitsForTheRunAfterStartUp() {
		RunPlan plan = RunPlan.of(List.of(SCHEMA, revision("d4", Stage.CONTRACT, "a1")), RunScope.STARTUP,
				Release.everything());
		assertThat(plan.now()).containsExactly(SCHEMA);
		assertThat(plan.waiting()).extracting(Waiting::reason).containsExactly(Reason.BACKGROUND);
	}

	@Test
	void aBranchThatDoesNotComeAfterAWaitingRevisionRunsAtStartUp() {
		DeclaredRevision otherBranch = revision("x9", Stage.STARTUP, "a1");
		RunPlan plan = RunPlan.of(List.of(SCHEMA, BACKFILL, otherBranch), RunScope.STARTUP, Release.none());
		assertThat(plan.now()).containsExactly(SCHEMA, otherBranch);
	}

	@Test
	void aRevisionThatDependsOnAWaitingOneWaitsToo() {
		DeclaredRevision dependent = new DeclaredRevision(
				new RevisionNode("y8", List.of("a1"), Set.of(), Set.of("b2"), ""), (op) -> {
				}, true, Stage.STARTUP);
		RunPlan plan = RunPlan.of(List.of(SCHEMA, BACKFILL, dependent), RunScope.STARTUP, Release.none());
		assertThat(plan.now()).containsExactly(SCHEMA);
		assertThat(plan.waiting().get(1).after()).isEqualTo("b2");
	}

	@Test
	void theWordAllReleasesEveryContractRevision() {
		assertThat(Release.of(List.of("ALL")).covers(CONTRACT)).isTrue();
		assertThat(Release.of(List.of(" ", "")).isEmpty()).isTrue();
		assertThat(Release.of(List.of("z0")).covers(CONTRACT)).isFalse();
		assertThat(Release.of(List.of("z0")).and(Release.of(List.of("d4"))).covers(CONTRACT)).isTrue();
	}

	private static DeclaredRevision revision(String id, Stage stage, String... parents) {
		return new DeclaredRevision(RevisionNode.of(id, id, parents), (op) -> {
		}, true, stage);
	}

}
