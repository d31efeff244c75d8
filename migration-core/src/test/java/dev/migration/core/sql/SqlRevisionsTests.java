package dev.migration.core.sql;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.core.Stage;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.InvalidMigrationException;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.lint.Finding;
import dev.migration.core.lint.LintReport;
import dev.migration.core.lint.Linter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.groups.Tuple.tuple;

/** SQL files to revisions, without a database. */
class SqlRevisionsTests {

	@Test
	void versionedFilesChainInVersionOrder() {
		List<DeclaredRevision> revisions = SqlRevisions.declare(List.of(script("V1.10__c.sql", "SELECT 3"),
				script("V2__d.sql", "SELECT 4"), script("V1__a.sql", "SELECT 1"), script("V1.2__b.sql", "SELECT 2")));
		assertThat(revisions).extracting(DeclaredRevision::id).containsExactly("V1", "V1.2", "V1.10", "V2");
		assertThat(revisions).extracting((revision) -> revision.node().downRevisions())
			.containsExactly(List.of(), List.of("V1"), List.of("V1.2"), List.of("V1.10"));
		assertThat(revisions.get(2).message()).isEqualTo("c");
	}

	@Test
	void repeatableFilesStandOutsideTheChainNamedByTheirFile() {
		List<DeclaredRevision> revisions = SqlRevisions.declare(List.of(script("R__views.sql", "SELECT 9"),
				script("V1__a.sql", "SELECT 1"), script("R__a_function.sql", "-- depends-on: V1\nSELECT 8")));
		assertThat(revisions).extracting(DeclaredRevision::id, DeclaredRevision::repeatable)
			.containsExactly(tuple("V1", false), tuple("R__views", true), tuple("R__a_function", true));
		MigrationCatalog catalog = MigrationCatalog.ofDeclared(revisions);
		assertThat(catalog.graph().heads()).containsExactly("V1");
		assertThat(catalog.repeatables()).extracting(DeclaredRevision::id).containsExactly("R__a_function", "R__views");
		assertThat(catalog.get("R__a_function").node().dependsOn()).containsExactly("V1");
	}

	@Test
	void aRepeatableFileThatRevisesOrDependsOnNothingKnownIsRefusedNamingIt() {
		assertThatExceptionOfType(InvalidSqlMigrationException.class)
			.isThrownBy(() -> SqlRevisions.declare(List.of(script("R__v.sql", "-- revises: V1\nSELECT 1"))))
			.withMessageContaining("db/migration/R__v.sql")
			.withMessageContaining("depends-on");
		List<DeclaredRevision> dangling = SqlRevisions.declare(List.of(script("R__v.sql", "-- depends-on: V7\nSELECT 1")));
		assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(() -> MigrationCatalog.ofDeclared(dangling))
			.withMessageContaining("R__v depends on V7, which no revision declares");
	}

	@Test
	void aFileThatCannotRunInATransactionMakesItsRevisionRunOutsideOne() {
		List<DeclaredRevision> revisions = SqlRevisions.declare(List.of(script("V1__t.sql", "CREATE TABLE t (id int)"),
				script("V2__ix.sql", "-- built without blocking writes\nCREATE INDEX CONCURRENTLY ix ON t (id);")));
		assertThat(revisions).extracting(DeclaredRevision::transactional).containsExactly(true, false);
	}

	@Test
	void headerLinesNameParentsDependenciesAndTheStage() {
		DeclaredRevision revision = SqlRevisions.declare(List.of(script("V7__fill.sql",
				"-- revises: 3f9a1c, 77aa01\n-- depends-on: b2\n-- stage: background\n\nUPDATE t SET x = 1")))
			.get(0);
		assertThat(revision.node().downRevisions()).containsExactly("3f9a1c", "77aa01");
		assertThat(revision.node().dependsOn()).containsExactly("b2");
		assertThat(revision.stage()).isEqualTo(Stage.BACKGROUND);
	}

	@Test
	void twoFilesOfOneVersionAreRefusedNamingBoth() {
		assertThatExceptionOfType(InvalidSqlMigrationException.class)
			.isThrownBy(() -> SqlRevisions.declare(List.of(script("V1__a.sql", "SELECT 1"),
					script("V1.0__b.sql", "SELECT 2"))))
			.withMessageContaining("db/migration/V1.0__b.sql")
			.withMessageContaining("db/migration/V1__a.sql");
	}

	@Test
	void anUndoFileWithoutItsVersionedFileIsRefused() {
		assertThatExceptionOfType(InvalidSqlMigrationException.class)
			.isThrownBy(() -> SqlRevisions.declare(List.of(script("V1__a.sql", "SELECT 1"),
					script("U2__b.sql", "SELECT 2"))))
			.withMessageContaining("U2__b.sql")
			.withMessageContaining("no V2__*.sql");
	}

	@Test
	void anUnterminatedDollarQuoteIsRefusedNamingTheFileAndTheLineWhenItsStatementsAreRead() {
		List<DeclaredRevision> revisions = SqlRevisions.declare(List.of(script("V1__f.sql",
				"SELECT 1;\n\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $fn$ SELECT 1;\n")));
		assertThatExceptionOfType(InvalidSqlMigrationException.class).isThrownBy(() -> ((SqlMigration) revisions.get(0).migration()).upgrade().statements())
			.withMessageContaining("V1__f.sql")
			.withMessageContaining("line 3");
	}

	@Test
	void lintReportsAFileItCannotSplitAsAnErrorAndStillLintsTheOthers() {
		List<DeclaredRevision> revisions = SqlRevisions.declare(List.of(script("V1__f.sql",
				"SELECT 1;\n\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $fn$ SELECT 1;\n"),
				script("V2__g.sql", "CREATE TABLE t (id int);\nDROP TABLE t;\nDROP TABLE other;\n")));
		LintReport report = Linter.lint(revisions);
		assertThat(report.errors()).extracting(Finding::ruleId, Finding::revision)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("invalid-sql", "V1"),
					org.assertj.core.groups.Tuple.tuple("drop-table", "V2"));
		assertThat(report.errors().get(0).why()).contains("V1__f.sql", "line 3");
	}

	@Test
	void aFileThatMayNeedToRunOutsideATransactionIsSplitWhenDeclared() {
		assertThatExceptionOfType(InvalidSqlMigrationException.class)
			.isThrownBy(() -> SqlRevisions.declare(List.of(script("V1__f.sql",
					"CREATE INDEX CONCURRENTLY ix ON t (a);\nSELECT 'never closed;\n"))))
			.withMessageContaining("V1__f.sql")
			.withMessageContaining("line 2");
	}

	@Test
	void anUnknownStageIsRefusedListingTheStages() {
		assertThatExceptionOfType(InvalidSqlMigrationException.class)
			.isThrownBy(() -> SqlRevisions.declare(List.of(script("V1__a.sql", "-- stage: later\nSELECT 1"))))
			.withMessageContaining("startup, background or contract");
	}

	@Test
	void aFileWrappedWholeInBeginAndCommitRunsItsStatementsInItsOwnTransaction() {
		SqlScript wrapped = script("V1__wrapped.sql", "-- wrapped by hand\nBEGIN;\nCREATE TABLE t (id int);\n"
				+ "INSERT INTO t VALUES (1);\nCOMMIT;\n");
		assertThat(wrapped.statements()).containsExactly("CREATE TABLE t (id int)", "INSERT INTO t VALUES (1)");
	}

	@Test
	void aCommitInTheMiddleOfAFileEndsOneTransactionAndABeginStartsAnother() {
		SqlScript file = script("V1__parts.sql", "CREATE TABLE t (id int);\nCOMMIT;\nINSERT INTO t VALUES (1);\n"
				+ "BEGIN;\nINSERT INTO t VALUES (2);\nINSERT INTO t VALUES (3);\nEND;\nINSERT INTO t VALUES (4);\ncommit;");
		assertThat(file.transactions()).containsExactly(List.of("CREATE TABLE t (id int)"),
				List.of("INSERT INTO t VALUES (1)"), List.of("INSERT INTO t VALUES (2)", "INSERT INTO t VALUES (3)"),
				List.of("INSERT INTO t VALUES (4)"));
	}

	@Test
	void aRollbackOfTheFilesOwnWorkIsRefusedNamingItButASavepointRollbackRuns() {
		SqlScript rollback = script("V1__undo.sql", "CREATE TABLE t (id int);\nROLLBACK;\n");
		assertThatExceptionOfType(InvalidSqlMigrationException.class).isThrownBy(rollback::statements)
			.withMessageContaining("V1__undo.sql")
			.withMessageContaining("'ROLLBACK'");
		SqlScript savepoint = script("V1__savepoint.sql", "SAVEPOINT a;\nCREATE TABLE t (id int);\nROLLBACK TO SAVEPOINT a;");
		assertThat(savepoint.statements()).hasSize(3);
	}

	@Test
	void linterFindingsAreAcceptedByACommentAtTheTopOfTheFile() {
		List<DeclaredRevision> revisions = SqlRevisions.declare(List.of(script("V2__rename.sql",
				"-- allow-unsafe: rename-column nothing reads account.id since 2.0, see ADR 7\n"
						+ "ALTER TABLE account RENAME COLUMN id TO account_id;\nDROP TABLE legacy;")));
		LintReport report = Linter.lint(revisions);
		assertThat(report.findings()).extracting(Finding::ruleId).containsExactly("drop-table");
		assertThat(report.suppressed()).singleElement().satisfies((suppressed) -> {
			assertThat(suppressed.finding().ruleId()).isEqualTo("rename-column");
			assertThat(suppressed.reason()).isEqualTo("nothing reads account.id since 2.0, see ADR 7");
		});
	}

	@Test
	void copyDataIsLintedAsRowsAndTheStatementsAroundItAsSql() {
		List<DeclaredRevision> revisions = SqlRevisions.declare(List.of(script("V3__regions.sql",
				"ALTER TABLE region ADD COLUMN note text;\nCOPY region (code, name) FROM stdin;\n"
						+ "fr\tDROP TABLE x; 'unclosed\n\\.\nUPDATE region SET note = name;")));
		assertThat(revisions.get(0).transactional()).isTrue();
		LintReport report = Linter.lint(revisions);
		assertThat(report.notChecked()).isEmpty();
		assertThat(report.findings()).extracting(Finding::ruleId).containsExactly("long-update-with-ddl");
	}

	private static SqlScript script(String fileName, String text) {
		return new SqlScript("classpath:db/migration/" + fileName, fileName, text);
	}

}
