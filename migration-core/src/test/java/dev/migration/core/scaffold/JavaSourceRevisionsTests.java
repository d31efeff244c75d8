package dev.migration.core.scaffold;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.core.graph.RevisionNode;
import dev.migration.core.scaffold.KnownRevision.JavaRevision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class JavaSourceRevisionsTests {

	private static final String IMPORTS = "import dev.migration.core.Migration;\nimport dev.migration.core.Revision;\n";

	@TempDir
	Path root;

	@Test
	void literalsArraysAndATrailingCommaAreRead() {
		TempProject project = TempProject.maven(this.root).java("a/Merge.java", "package a;\n" + IMPORTS
				+ "@Revision(id = \"m3\", revises = { \"b2\", \"c2\", }, message = \"merge \\\"heads\\\"\")\n"
				+ "class Merge {}\n");
		assertThat(read(project)).extracting(RevisionNode::id, RevisionNode::downRevisions, RevisionNode::message)
			.containsExactly(tuple("m3", List.of("b2", "c2"), "merge \"heads\""));
	}

	@Test
	void constantsAreFollowedInTheFileInAnotherClassAndThroughAStaticImport() {
		TempProject project = TempProject.maven(this.root)
			.java("a/Ids.java", "package a;\npublic final class Ids {\n"
					+ "\tpublic static final String PREFIX = \"rev-\";\n"
					+ "\tpublic static final String FIRST = PREFIX + 1;\n"
					+ "\tpublic static final String SECOND = (PREFIX + \"2\");\n}\n")
			.java("a/First.java", "package a;\n" + IMPORTS + "@Revision(id = Ids.FIRST)\nclass First {}\n")
			.java("b/Second.java", "package b;\n" + IMPORTS + "import static a.Ids.*;\n"
					+ "@Revision(id = SECOND, revises = FIRST)\nclass Second {}\n")
			.java("b/Third.java", "package b;\n" + IMPORTS + "@Revision(id = Third.ID, revises = a.Ids.SECOND)\n"
					+ "class Third {\n\tstatic final String ID = \"\"\"\n\t\trev-3\"\"\";\n}\n");
		assertThat(read(project)).extracting(RevisionNode::id, RevisionNode::downRevisions)
			.containsExactlyInAnyOrder(tuple("rev-1", List.of()), tuple("rev-2", List.of("rev-1")),
					tuple("rev-3", List.of("rev-2")));
	}

	@Test
	void onlyOurAnnotationCountsAndNeverInACommentOrAString() {
		TempProject project = TempProject.maven(this.root)
			.java("a/Documented.java", "package a;\n" + IMPORTS
					+ "/** Written as {@code @Revision(id = \"doc\")}. */\n// @Revision(id = \"line\")\n"
					+ "@Revision(id = \"real\", message = \"@Revision(id = \\\"string\\\")\")\nclass Documented {}\n")
			.java("a/Other.java", "package a;\nimport com.example.audit.Revision;\n@Revision(id = \"audit\")\n"
					+ "class Other {}\n")
			.java("a/Named.java", "package a;\n@dev.migration.core.Revision(id = \"named\", revises = \"real\")\n"
					+ "class Named {}\n");
		assertThat(read(project)).extracting(RevisionNode::id).containsExactlyInAnyOrder("real", "named");
	}

	@Test
	void aFileMayHoldSeveralRevisionsInNestedClasses() {
		TempProject project = TempProject.maven(this.root).java("a/Pair.java", "package a;\n" + IMPORTS
				+ "class Pair {\n\t@Revision(id = \"p1\")\n\tstatic class One {}\n"
				+ "\t@Revision(id = \"p2\", revises = \"p1\")\n\tstatic class Two {\n"
				+ "\t\tClass<?> self = Two.class;\n\t}\n}\n");
		assertThat(JavaSourceRevisions.read(project.directory().javaSources()))
			.extracting((revision) -> revision.node().id(), JavaRevision::packageName)
			.containsExactly(tuple("p1", "a"), tuple("p2", "a"));
	}

	@Test
	void revisesThatIsNoConstantIsRefusedNamingTheFile() {
		TempProject project = TempProject.maven(this.root).java("a/Late.java", "package a;\n" + IMPORTS
				+ "@Revision(id = \"late\", revises = Parents.latest())\nclass Late {}\n");
		assertThatExceptionOfType(UnreadableRevisionException.class).isThrownBy(() -> read(project))
			.withMessageStartingWith("The revises of a @Revision in " + this.root.resolve("src/main/java/a/Late.java"));
	}

	@Test
	void anIdTheGraphCannotTakeIsRefusedNamingTheFile() {
		TempProject project = TempProject.maven(this.root)
			.java("a/Bad.java", "package a;\n" + IMPORTS + "@Revision(id = \"has space\")\nclass Bad {}\n");
		assertThatExceptionOfType(ScaffoldException.class).isThrownBy(() -> read(project))
			.withMessageStartingWith(
					"The @Revision in " + this.root.resolve("src/main/java/a/Bad.java") + " is invalid: ")
			.withMessageContaining("Rename the revision.");
	}

	private static List<RevisionNode> read(TempProject project) {
		return JavaSourceRevisions.read(project.directory().javaSources()).stream().map(JavaRevision::node).toList();
	}

}
