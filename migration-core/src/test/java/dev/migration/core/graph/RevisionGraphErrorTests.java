package dev.migration.core.graph;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the errors {@link RevisionGraph} reports when it is built from broken revisions
 * or given a target it cannot read.
 */
class RevisionGraphErrorTests {

	private final RevisionGraph linear = RevisionGraph.of(List.of(RevisionNode.of("a", "first"),
			RevisionNode.of("b", "second", "a")));

	@Test
	void aDuplicateIdNamesTheRevision() {
		assertThatExceptionOfType(DuplicateRevisionException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(RevisionNode.of("a", "one"), RevisionNode.of("a", "two"))))
			.withMessage("Revision 'a' is declared by more than one migration. "
					+ "Give each migration its own revision id.")
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("a"));
	}

	@Test
	void aMissingParentNamesTheRevisionAndTheAttributeToCorrect() {
		assertThatExceptionOfType(MissingRevisionException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(RevisionNode.of("a", "first"),
					RevisionNode.of("b2", "x", "zz"))))
			.withMessage("Revision 'b2' revises 'zz', which no migration declares. "
					+ "Add the missing revision or correct the revises attribute of 'b2'.")
			.satisfies((ex) -> {
				assertThat(ex.revision()).isEqualTo("b2");
				assertThat(ex.missing()).isEqualTo("zz");
			});
	}

	@Test
	void aMissingDependencyNamesTheDependsOnAttribute() {
		assertThatExceptionOfType(MissingRevisionException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(RevisionNode.of("a", "first").withDependsOn("zz"))))
			.withMessage("Revision 'a' depends on 'zz', which no migration declares. "
					+ "Add the missing revision or correct the dependsOn attribute of 'a'.");
	}

	@Test
	void problemsAreReportedInIdOrderWhateverTheDiscoveryOrder() {
		assertThatExceptionOfType(MissingRevisionException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(RevisionNode.of("d", "x", "zz"),
					RevisionNode.of("c", "x", "yy"))))
			.withMessage("Revision 'c' revises 'yy', which no migration declares. "
					+ "Add the missing revision or correct the revises attribute of 'c'.");
	}

	@Test
	void aRevisionRevisingItselfIsACycle() {
		assertThatExceptionOfType(CycleDetectedException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(RevisionNode.of("a", "loop", "a"))))
			.withMessage("Revision 'a' revises itself. Remove 'a' from its own revises attribute.")
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("a", "a"));
	}

	@Test
	void aRevisionDependingOnItselfIsACycle() {
		assertThatExceptionOfType(CycleDetectedException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(RevisionNode.of("a", "loop").withDependsOn("a"))))
			.withMessage("Revision 'a' depends on itself. Remove 'a' from its own dependsOn attribute.");
	}

	@Test
	void aCycleListsItsPathFromTheSmallestId() {
		assertThatExceptionOfType(CycleDetectedException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(RevisionNode.of("start", "fine").withBranchLabels("x"),
					RevisionNode.of("b", "x", "a"), RevisionNode.of("c", "x", "b"), RevisionNode.of("a", "x", "c"),
					RevisionNode.of("later", "x", "c"))))
			.withMessage("Revisions form a cycle: a -> c -> b -> a (each revises or depends on the next). "
					+ "Correct the revises or dependsOn attribute of one of them to break the cycle.")
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("a", "c", "b", "a"));
	}

	@Test
	void aCycleThroughADependencyIsDetected() {
		assertThatExceptionOfType(CycleDetectedException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(RevisionNode.of("a", "x").withDependsOn("b"),
					RevisionNode.of("b", "x", "a"))))
			.withMessage("Revisions form a cycle: a -> b -> a (each revises or depends on the next). "
					+ "Correct the revises or dependsOn attribute of one of them to break the cycle.");
	}

	@Test
	void aBranchLabelOnTwoRevisionsNamesBoth() {
		assertThatExceptionOfType(DuplicateBranchLabelException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(RevisionNode.of("c", "x").withBranchLabels("shop"),
					RevisionNode.of("a", "x").withBranchLabels("shop"))))
			.withMessage("Branch label 'shop' is declared by revisions 'a' and 'c'. "
					+ "A label names one branch; rename one of them.")
			.satisfies((ex) -> {
				assertThat(ex.label()).isEqualTo("shop");
				assertThat(ex.revisions()).containsExactly("a", "c");
			});
	}

	@Test
	void aBranchLabelEqualToARevisionIdIsADuplicate() {
		assertThatExceptionOfType(DuplicateBranchLabelException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(RevisionNode.of("a", "x").withBranchLabels("b"),
					RevisionNode.of("b", "x", "a"))))
			.withMessage("Branch label 'b' of revision 'a' is also the id of a revision. "
					+ "Rename the label so targets that use it stay unambiguous.");
	}

	@Test
	void aBlankTargetListsTheFormsATargetCanTake() {
		String message = "The target is blank. Use 'heads', 'head', 'base', a revision id or unique prefix, "
				+ "'label@head', 'label@base', or a relative step such as '+1' or '-1'.";
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> this.linear.upgradePath(Set.of(), "  "))
			.withMessage(message);
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> this.linear.downgradePath(Set.of(), null))
			.withMessage(message);
	}

	@Test
	void aTargetWithACommaIsRejected() {
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> this.linear.upgradePath(Set.of(), "a,b"))
			.withMessage("Target 'a,b' is not a single target: it contains a comma or whitespace. "
					+ "Name one revision, or use 'heads' to reach every head.");
	}

	@Test
	void aTargetWithInnerWhitespaceIsRejected() {
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> this.linear.resolve(" a b ", Set.of()))
			.withMessage("Target 'a b' is not a single target: it contains a comma or whitespace. "
					+ "Name one revision, or use 'heads' to reach every head.");
	}

	@Test
	void aTargetWithoutALabelBeforeTheAtSignIsRejected() {
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> this.linear.resolve("@head", Set.of()))
			.withMessage("Target '@head' has no branch label before '@'. Write it as 'label@head'.");
	}

	@Test
	void aTargetWithAnUnknownPositionAfterTheAtSignIsRejected() {
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> this.linear.resolve("a@top", Set.of()))
			.withMessage("Target 'a@top' is not valid: after '@' write 'head', 'base' or a step such as '+1'.");
	}

	@Test
	void aStepOfZeroIsRejected() {
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> this.linear.upgradePath(Set.of(), "+0"))
			.withMessage("Target '+0' moves zero revisions. Use a step of 1 or more.");
	}

	@Test
	void aStepTooLargeForANumberIsRejected() {
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> this.linear.upgradePath(Set.of(), "a+99999999999"))
			.withMessage("Target 'a+99999999999' moves too many revisions. Use a smaller step.");
	}

	@Test
	void anEmptyGraphHasNoHeadsAndNothingToUpgrade() {
		RevisionGraph empty = RevisionGraph.of(List.of());
		assertThat(empty.heads()).isEmpty();
		assertThat(empty.resolve("head", Set.of())).isEmpty();
		assertThat(empty.upgradePath(Set.of(), "heads")).isEmpty();
		assertThat(empty.downgradePath(Set.of(), "base")).isEmpty();
	}

	@Test
	void anEmptyGraphCannotBeClimbed() {
		assertThatExceptionOfType(UnreachableTargetException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of()).upgradePath(Set.of(), "+1"))
			.withMessage("Target '+1' asks for 1 revision above base, but there are no revisions.");
	}

	@Test
	void upgradeByOneStepFromBaseWithSeveralBasesIsAmbiguous() {
		RevisionGraph twoBases = RevisionGraph.of(List.of(RevisionNode.of("x", "x"), RevisionNode.of("y", "y")));
		assertThatExceptionOfType(AmbiguousRevisionException.class)
			.isThrownBy(() -> twoBases.upgradePath(Set.of(), "+1"))
			.withMessage("Target '+1' is ambiguous: there are 2 bases, 'x', 'y'. Name the revision to go to instead.");
	}

	@Test
	void currentOfASetMissingAnAncestorIsAProgrammingError() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.linear.currentOf(Set.of("b")))
			.withMessage("Applied revisions must include their ancestors, but 'b' is applied without 'a'");
	}

	@Test
	void everyGraphErrorIsAMigrationException() {
		assertThatExceptionOfType(dev.migration.core.MigrationException.class)
			.isThrownBy(() -> this.linear.get("zz"))
			.isInstanceOf(RevisionGraphException.class);
	}

}
