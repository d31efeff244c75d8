package dev.migration.core.scaffold;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.core.Migration;
import dev.migration.core.MigrationException;
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

	private static final LocalDate DATE = LocalDate.of(2026, 11, 24);

	@TempDir
	Path sources;

	@Test
	void aNewRevisionRevisesTheHeadAndCompiles() throws Exception {
		MigrationCatalog catalog = MigrationCatalog.of(List.of(new First(), new Second()));
		RevisionSource source = new RevisionScaffold(catalog, this.sources, "com.example.revisions")
			.revision("add customer country", DATE);
		Path file = source.write();
		assertThat(file).isEqualTo(this.sources.resolve("com/example/revisions/AddCustomerCountry.java"));
		assertThat(source.source()).contains("<p>Created 2026-11-24.");
		DeclaredRevision compiled = compileAndLoad(file, "com.example.revisions.AddCustomerCountry");
		assertThat(compiled.id()).isEqualTo(source.id()).hasSize(12);
		assertThat(compiled.node().downRevisions()).containsExactly("b2");
		assertThat(compiled.message()).isEqualTo("add customer country");
	}

	@Test
	void aMergeRevisesEveryHead() throws Exception {
		MigrationCatalog catalog = MigrationCatalog.of(List.of(new First(), new Second(), new Sibling()));
		RevisionSource source = new RevisionScaffold(catalog, this.sources, "com.example.revisions")
			.merge("merge heads", DATE);
		DeclaredRevision compiled = compileAndLoad(source.write(), "com.example.revisions.MergeHeads");
		assertThat(compiled.node().downRevisions()).containsExactlyInAnyOrder("b2", "c2");
	}

	@Test
	void whenTheHeadIsASqlFileTheNewClassGoesIntoThePackageOfTheNewestJavaRevision() {
		List<DeclaredRevision> revisions = new ArrayList<>(List.of(DeclaredRevision.of(new First())));
		revisions.add(new DeclaredRevision(RevisionNode.of("V2", "sql head", "a1"),
				new SqlMigration(new SqlScript("classpath:db/migration/V2__sql_head.sql", "V2__sql_head.sql", "SELECT 1;"),
						null), true, Stage.STARTUP));
		RevisionSource source = new RevisionScaffold(MigrationCatalog.ofDeclared(revisions), this.sources, null)
			.revision("next", DATE);
		assertThat(source.file()).as("never the library's own package, which the application does not scan")
			.isEqualTo(this.sources.resolve("dev/migration/core/scaffold/Next.java"));
		assertThat(source.source()).contains("revises = \"V2\"");
	}

	@Test
	void aHistoryOfSqlFilesOnlyIsRefusedSayingToWriteAFileOrNameAPackage() {
		MigrationCatalog sqlOnly = MigrationCatalog.ofDeclared(List.of(new DeclaredRevision(RevisionNode.of("V1", "first"),
				new SqlMigration(new SqlScript("classpath:db/migration/V1__first.sql", "V1__first.sql", "SELECT 1;"), null),
				true, Stage.STARTUP)));
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> new RevisionScaffold(sqlOnly, this.sources, null))
			.withMessageContaining("SQL files only")
			.withMessageContaining("migrations.scaffold.package-name");
		assertThat(new RevisionScaffold(sqlOnly, this.sources, "com.example.revisions").revision("next", DATE).file())
			.as("following the advice").isEqualTo(this.sources.resolve("com/example/revisions/Next.java"));
	}

	@Test
	void theNewClassGoesIntoThePackageOfTheHeadByDefault() {
		MigrationCatalog catalog = MigrationCatalog.of(List.of(new First()));
		RevisionSource source = new RevisionScaffold(catalog, this.sources, null).revision("next", DATE);
		assertThat(source.file()).isEqualTo(this.sources.resolve("dev/migration/core/scaffold/Next.java"));
	}

	@Test
	void aNewRevisionOnTwoHeadsAsksForAMergeFirst() {
		MigrationCatalog catalog = MigrationCatalog.of(List.of(new First(), new Second(), new Sibling()));
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> new RevisionScaffold(catalog, this.sources, "x").revision("more", DATE))
			.withMessage("The revisions have 2 heads [b2, c2]; write a merge revision first "
					+ "(migrations.command=merge), or pick one to revise by hand.");
	}

	@Test
	void aRevisionNeedsAMessageAndAnExistingFileIsNeverOverwritten() {
		MigrationCatalog catalog = MigrationCatalog.of(List.of(new First()));
		RevisionScaffold scaffold = new RevisionScaffold(catalog, this.sources, "x");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> scaffold.revision(" ", DATE))
			.withMessage("A new revision needs a message: set migrations.scaffold.message.");
		Path first = scaffold.revision("same name", DATE).write();
		Path second = scaffold.revision("same name", DATE).write();
		assertThat(second).isNotEqualTo(first);
		assertThat(second.getFileName().toString()).startsWith("SameName_");
	}

	private DeclaredRevision compileAndLoad(Path file, String className) throws Exception {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int status = compiler.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
				this.sources.toString(), file.toString());
		assertThat(status).as("javac exit status").isZero();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { this.sources.toUri().toURL() },
				getClass().getClassLoader())) {
			Migration migration = (Migration) loader.loadClass(className).getDeclaredConstructor().newInstance();
			return DeclaredRevision.of(migration);
		}
	}

	@Revision(id = "a1", message = "first")
	static class First implements Migration {

		@Override
		public void upgrade(Operations op) {
		}

	}

	@Revision(id = "b2", revises = "a1", message = "second")
	static class Second implements Migration {

		@Override
		public void upgrade(Operations op) {
		}

	}

	@Revision(id = "c2", revises = "a1", message = "sibling")
	static class Sibling implements Migration {

		@Override
		public void upgrade(Operations op) {
		}

	}

}
