package dev.migration.core.scaffold;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.Stage;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.sql.SqlMigration;
import dev.migration.core.sql.SqlScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RevisionScaffoldTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:15:30Z"), ZoneOffset.UTC);

	/** The application as last built: a1 only, whose source file is not in the project, as a library's. */
	private static final MigrationCatalog BUILT = MigrationCatalog.of(List.of(new First()));

	@TempDir
	Path root;

	@Test
	void aNewRevisionRevisesTheHeadOfTheSourcesThoughTheBuildDoesNotHaveItAndCompiles() throws Exception {
		TempProject project = TempProject.maven(this.root).revision("com.example.revisions", "AddEmail", "b2", "\"a1\"");
		RevisionSource source = project.scaffold(BUILT).revision("add customer country", CLOCK);
		Path file = source.write();
		assertThat(file).isEqualTo(this.root.resolve("src/main/java/com/example/revisions/AddCustomerCountry.java"));
		assertThat(source.revises()).containsExactly("b2");
		assertThat(source.source()).contains("<p>Created 2026-11-24.");
		DeclaredRevision compiled = DeclaredRevision.of(build("com.example.revisions.AddCustomerCountry").get(0));
		assertThat(compiled.id()).isEqualTo(source.id()).hasSize(12);
		assertThat(compiled.node().downRevisions()).containsExactly("b2");
	}

	@Test
	void twoRevisionsWithoutABuildBetweenThemChain() {
		TempProject project = TempProject.maven(this.root).revision("com.example.revisions", "AddEmail", "b2", "\"a1\"");
		RevisionSource first = project.scaffold(BUILT).revision("add country", CLOCK);
		first.write();
		RevisionSource second = project.scaffold(BUILT).revision("add city", CLOCK);
		second.write();
		assertThat(second.revises()).containsExactly(first.id());
		assertThat(project.revisions(BUILT).heads()).containsExactly(second.id());
	}

	@Test
	void aRevisionOfAProfileTheApplicationDidNotStartIsSeen() {
		TempProject project = TempProject.maven(this.root)
			.revision("com.example.revisions", "AddEmail", "b2", "\"a1\"")
			.revision("com.example.revisions", "SeedDemoData", "c3", "\"b2\"",
					"@org.springframework.context.annotation.Profile(\"demo\")");
		assertThat(project.scaffold(BUILT).revision("add country", CLOCK).revises()).containsExactly("c3");
	}

	@Test
	void theSourcesSayWhatABuiltClassDeclaresNowEvenWhenItsIdChanged() throws Exception {
		TempProject project = TempProject.maven(this.root)
			.revision("com.example.revisions", "CreateCustomer", "a1", null)
			.revision("com.example.revisions", "AddEmail", "b2", "\"a1\"");
		MigrationCatalog built = MigrationCatalog
			.of(build("com.example.revisions.CreateCustomer", "com.example.revisions.AddEmail"));
		project.revision("com.example.revisions", "AddEmail", "b2-email", "\"a1\"");
		assertThat(project.revisions(built).heads()).as("b2 of the build is b2-email now, not a second head")
			.containsExactly("b2-email");
	}

	@Test
	void aSquashStandsForWhatItReplacesSoTheHistoryKeepsOneHeadWhileTheReplacedRevisionsAreStillThere() {
		TempProject project = TempProject.maven(this.root)
			.revision("com.example.revisions", "CreateCustomer", "a1", null)
			.revision("com.example.revisions", "AddEmail", "b2", "\"a1\"")
			.revision("com.example.revisions", "Squashed", "s0", null, "// squashed", "")
			.revision("com.example.revisions", "AddCity", "c3", "\"b2\"");
		project.java("com/example/revisions/Squashed.java", "package com.example.revisions;\n\n"
				+ "@dev.migration.core.Revision(id = \"s0\", replaces = { \"a1\", \"b2\" }, message = \"squash\")\n"
				+ "public class Squashed implements dev.migration.core.Migration {\n\tpublic void upgrade("
				+ "dev.migration.core.Operations op) {\n\t}\n}\n");
		assertThat(project.revisions(TempProject.noBuild()).heads()).containsExactly("c3");
		RevisionSource source = project.scaffold(TempProject.noBuild()).revision("add phone", CLOCK);
		assertThat(source.revises()).containsExactly("c3");
	}

	@Test
	void aBaselineFileStandsForTheFilesItReplacesAndTheNextFileFollowsTheLastOfThem() {
		TempProject project = TempProject.maven(this.root)
			.sql("B2__squashed.sql", "-- replaces: V1, V2\nCREATE TABLE customer (id integer);\n")
			.sql("V3__add_city.sql", "ALTER TABLE customer ADD COLUMN city text;\n");
		assertThat(project.revisions(TempProject.noBuild()).heads()).containsExactly("V3");
		RevisionSource source = project.scaffold(TempProject.noBuild()).revision("add phone", CLOCK);
		assertThat(source.id()).isEqualTo("V4");
		assertThat(source.revises()).containsExactly("V3");
	}

	@Test
	void whenTheHeadIsASqlFileTheNextSqlFileIsWrittenBesideIt() throws Exception {
		TempProject project = TempProject.maven(this.root)
			.revision("com.example.revisions", "CreateCustomer", "a1", null)
			.sql("V0001__add_email.sql", "-- revises: a1\nALTER TABLE customer ADD COLUMN email text;\n")
			.sql("V0002__add_city.sql", "ALTER TABLE customer ADD COLUMN city text;\n");
		RevisionSource source = project.scaffold(TempProject.noBuild()).revision("add customer notes", CLOCK);
		Path file = source.write();
		assertThat(file).isEqualTo(this.root.resolve("src/main/resources/db/migration/V0003__add_customer_notes.sql"));
		assertThat(source.id()).isEqualTo("V3");
		assertThat(source.revises()).containsExactly("V2");
		assertThat(Files.readString(file)).as("the file of the version before it is what it revises anyway")
			.doesNotContain("revises:")
			.startsWith("-- Revision V3, add customer notes, written 2026-11-24.\n");
		assertThat(project.revisions(TempProject.noBuild()).heads()).containsExactly("V3");
	}

	@Test
	void aSqlFileOfTheBuildThatTheSourcesLackCountsAsALibrarysAndTheNextFileGoesIntoItsLocationFolder() {
		List<DeclaredRevision> revisions = new ArrayList<>(List.of(DeclaredRevision.of(new First())));
		revisions.add(new DeclaredRevision(RevisionNode.of("V7", "from a library", "a1"),
				new SqlMigration(new SqlScript("classpath:db/migration/V7__from_a_library.sql", "V7__from_a_library.sql",
						"-- revises: a1\nSELECT 1;\n"), null), true, Stage.STARTUP));
		TempProject project = TempProject.maven(this.root);
		RevisionSource source = project.scaffold(MigrationCatalog.ofDeclared(revisions)).revision("next", CLOCK);
		assertThat(source.file()).isEqualTo(this.root.resolve("src/main/resources/db/migration/V8__next.sql"));
		assertThat(source.revises()).containsExactly("V7");
	}

	@Test
	void twoHeadsAskForAMergeWhichRevisesBothInASqlFileWhenOneIsAndThenANewRevisionFollowsIt() throws Exception {
		TempProject project = TempProject.maven(this.root)
			.revision("com.example.revisions", "CreateCustomer", "a1", null)
			.revision("com.example.revisions", "AddEmail", "b2", "\"a1\"")
			.sql("V1__add_city.sql", "-- revises: a1\nALTER TABLE customer ADD COLUMN city text;\n");
		assertThatExceptionOfType(ScaffoldException.class)
			.isThrownBy(() -> project.scaffold(TempProject.noBuild()).revision("add notes", CLOCK))
			.withMessage("The revisions have 2 heads [V1, b2]; write a merge revision first "
					+ "(migrations.command=merge), or pick one to revise by hand.");
		RevisionSource merge = project.scaffold(TempProject.noBuild()).merge("merge heads", CLOCK);
		assertThat(Files.readString(merge.write())).startsWith("-- revises: V1, b2\n-- Revision V2, merge heads, "
				+ "written 2026-11-24, joins V1 and b2; it has nothing to run.\n");
		RevisionSource next = project.scaffold(TempProject.noBuild()).revision("add notes", CLOCK);
		assertThat(next.file().getFileName()).hasToString("V3__add_notes.sql");
		assertThat(next.revises()).containsExactly("V2");
	}

	@Test
	void aMergeOfJavaHeadsIsAJavaClassRevisingEach() throws Exception {
		TempProject project = TempProject.maven(this.root)
			.revision("com.example.revisions", "AddEmail", "b2", "\"a1\"")
			.revision("com.example.revisions", "AddCity", "c2", "\"a1\"");
		RevisionSource merge = project.scaffold(BUILT).merge("merge heads", CLOCK);
		merge.write();
		DeclaredRevision compiled = DeclaredRevision.of(build("com.example.revisions.MergeHeads").get(0));
		assertThat(compiled.node().downRevisions()).containsExactlyInAnyOrder("b2", "c2");
		assertThat(project.revisions(BUILT).heads()).containsExactly(merge.id());
	}

	@Test
	void aMergeOfASingleHeadIsRefusedSayingToWriteARevision() {
		TempProject project = TempProject.maven(this.root);
		assertThatExceptionOfType(ScaffoldException.class)
			.isThrownBy(() -> project.scaffold(BUILT).merge("merge heads", CLOCK))
			.withMessage("There is nothing to merge: the revisions have 1 head(s) [a1]. Write a new revision with "
					+ "migrations.command=revision instead.");
		assertThat(project.scaffold(BUILT).revision("next", CLOCK).revises()).containsExactly("a1");
	}

	@Test
	void aJavaClassCanFollowASqlHeadInThePackageOfTheNewestJavaRevision() {
		TempProject project = TempProject.maven(this.root)
			.revision("com.example.revisions", "CreateCustomer", "a1", null)
			.sql("V1__add_city.sql", "-- revises: a1\nALTER TABLE customer ADD COLUMN city text;\n");
		RevisionSource source = new RevisionScaffold(project.revisions(TempProject.noBuild()), null, ScaffoldFormat.JAVA)
			.revision("backfill city", CLOCK);
		assertThat(source.file()).isEqualTo(this.root.resolve("src/main/java/com/example/revisions/BackfillCity.java"));
		assertThat(source.source()).contains("revises = \"V1\"");
	}

	@Test
	void aSqlFileCanFollowAJavaHeadSayingWhatItRevises() throws Exception {
		TempProject project = TempProject.maven(this.root)
			.sql("V0001__create_customer.sql", "CREATE TABLE customer (id bigint PRIMARY KEY);\n")
			.revision("com.example.revisions", "AddEmail", "b2", "\"V1\"");
		RevisionSource source = new RevisionScaffold(project.revisions(TempProject.noBuild()), null, ScaffoldFormat.SQL)
			.revision("add city", CLOCK);
		assertThat(Files.readString(source.write())).startsWith("-- revises: b2\n");
		assertThat(source.file().getFileName()).hasToString("V0002__add_city.sql");
		assertThat(project.revisions(TempProject.noBuild()).heads()).containsExactly("V2");
	}

	@Test
	void aHistoryWithoutRevisionsIsRefusedUntilAPackageOrTheSqlFormatIsGiven() {
		TempProject project = TempProject.maven(this.root);
		ProjectRevisions none = project.revisions(TempProject.noBuild());
		assertThatExceptionOfType(ScaffoldException.class)
			.isThrownBy(() -> new RevisionScaffold(none, null, ScaffoldFormat.AUTO).revision("create customer", CLOCK))
			.withMessageContaining("set migrations.scaffold.package-name")
			.withMessageContaining("or migrations.scaffold.format=sql");
		assertThat(new RevisionScaffold(none, "com.example.revisions", ScaffoldFormat.AUTO)
			.revision("create customer", CLOCK)
			.file()).isEqualTo(this.root.resolve("src/main/java/com/example/revisions/CreateCustomer.java"));
		RevisionSource sql = new RevisionScaffold(none, null, ScaffoldFormat.SQL).revision("create customer", CLOCK);
		assertThat(sql.file()).isEqualTo(this.root.resolve("src/main/resources/db/migration/V1__create_customer.sql"));
		assertThat(sql.revises()).isEmpty();
	}

	@Test
	void anIdThatIsNoStringLiteralIsRefusedNamingTheFileUntilItIsOne() {
		TempProject project = TempProject.maven(this.root)
			.java("com/example/revisions/AddEmail.java", "package com.example.revisions;\n"
					+ "import dev.migration.core.Revision;\n"
					+ "@Revision(id = Ids.next(), revises = \"a1\")\nclass AddEmail {}\n");
		Path file = this.root.resolve("src/main/java/com/example/revisions/AddEmail.java");
		assertThatExceptionOfType(UnreadableRevisionException.class).isThrownBy(() -> project.scaffold(BUILT))
			.withMessageStartingWith("The id of a @Revision in " + file + " cannot be read without compiling it.")
			.withMessageContaining("@Revision(id = \"0007\"");
		project.revision("com.example.revisions", "AddEmail", "0007", "\"a1\"");
		assertThat(project.scaffold(BUILT).revision("add city", CLOCK).revises()).containsExactly("0007");
	}

	@Test
	void aFileTheApplicationIgnoresIsNotReadAsARevision() {
		TempProject project = TempProject.maven(this.root)
			.sql("V1__create_customer.sql", "CREATE TABLE customer (id bigint PRIMARY KEY);\n")
			.sql("rollback/undo_everything.sql", "DROP TABLE customer;\n");
		SqlLocations locations = new SqlLocations(List.of("classpath:db/migration"), List.of("rollback/*.sql"));
		ProjectRevisions revisions = ProjectRevisions.read(project.directory(), locations, TempProject.noBuild());
		assertThat(revisions.heads()).containsExactly("V1");
	}

	@Test
	void aRevisionNeedsAMessageAndAnExistingFileIsNeverOverwritten() {
		TempProject project = TempProject.maven(this.root).revision("com.example.revisions", "AddEmail", "b2", "\"a1\"");
		RevisionScaffold scaffold = project.scaffold(BUILT);
		assertThatExceptionOfType(ScaffoldException.class).isThrownBy(() -> scaffold.revision(" ", CLOCK))
			.withMessage("A new revision needs a message: set migrations.scaffold.message.");
		Path first = scaffold.revision("same name", CLOCK).write();
		Path second = scaffold.revision("same name", CLOCK).write();
		assertThat(second).isNotEqualTo(first);
		assertThat(second.getFileName().toString()).startsWith("SameName_");
	}

	@Test
	void aPackageNameThatIsNoJavaNameIsRefused() {
		ProjectRevisions revisions = TempProject.maven(this.root).revisions(BUILT);
		assertThatExceptionOfType(ScaffoldException.class)
			.isThrownBy(() -> new RevisionScaffold(revisions, "com.example.2revisions", ScaffoldFormat.AUTO))
			.withMessageStartingWith("migrations.scaffold.package-name 'com.example.2revisions' is not a Java package");
	}

	/** Compiles the project's sources into its target/classes and makes the given revisions, as a build would. */
	private List<Migration> build(String... classNames) throws Exception {
		Path classes = Files.createDirectories(this.root.resolve("target/classes"));
		List<String> arguments = new ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"), "-d",
				classes.toString()));
		try (Stream<Path> sources = Files.walk(this.root.resolve("src/main/java"))) {
			sources.filter((path) -> path.toString().endsWith(".java")).forEach((path) -> arguments.add(path.toString()));
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).as("javac exit status").isZero();
		List<Migration> migrations = new ArrayList<>();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			for (String className : classNames) {
				migrations.add((Migration) loader.loadClass(className).getDeclaredConstructor().newInstance());
			}
		}
		return migrations;
	}

	@Revision(id = "a1", message = "first")
	static class First implements Migration {

		@Override
		public void upgrade(Operations op) {
		}

	}

}
