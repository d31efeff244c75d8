package dev.migration.core.sql;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.core.Stage;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.lint.Finding;
import dev.migration.core.lint.LintReport;
import dev.migration.core.lint.Linter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
	void anUnterminatedDollarQuoteIsRefusedNamingTheFileAndTheLine() {
		assertThatExceptionOfType(InvalidSqlMigrationException.class)
			.isThrownBy(() -> SqlRevisions.declare(List.of(script("V1__f.sql",
					"SELECT 1;\n\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $fn$ SELECT 1;\n"))))
			.withMessageContaining("V1__f.sql")
			.withMessageContaining("line 3");
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
	void aTransactionStatementInTheMiddleOfAFileIsRefusedNamingIt() {
		SqlScript midway = script("V1__midway.sql", "CREATE TABLE t (id int);\nCOMMIT;\nINSERT INTO t VALUES (1);");
		assertThatExceptionOfType(InvalidSqlMigrationException.class).isThrownBy(midway::statements)
			.withMessageContaining("V1__midway.sql")
			.withMessageContaining("'COMMIT'");
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

	private static SqlScript script(String fileName, String text) {
		return new SqlScript("classpath:db/migration/" + fileName, fileName, text);
	}

}
