package dev.migration.core.dialect;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.core.MigrationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Splitting PostgreSQL text into statements as psql does. */
class PostgresScannerTests {

	@Test
	void splitsAtTopLevelSemicolonsAndDropsEmptyStatementsAndTheLineCommentsBeforeOne() {
		// psql sends a statement from its first word or block comment, not from the -- lines above it
		assertThat(PostgresScanner.split("SELECT 1; ;\n-- only a comment;\nSELECT 2 -- kept\n;"))
			.containsExactly("SELECT 1", "SELECT 2 -- kept");
	}

	@Test
	void keepsSemicolonsInsideStringsIdentifiersAndComments() {
		assertThat(PostgresScanner.split("INSERT INTO \"a;b\" VALUES ('x;''y', E'z\\';w'); /* c; /* nested; */ d; */ "
				+ "SELECT 2"))
			.containsExactly("INSERT INTO \"a;b\" VALUES ('x;''y', E'z\\';w')", "/* c; /* nested; */ d; */ SELECT 2");
	}

	@Test
	void splitsAtPlaceholdersOutsideStringsIdentifiersAndComments() {
		assertThat(PostgresScanner.splitAtPlaceholders("a = ? AND b <> E'it\\'s ?' AND \"c?\" = ? -- d?\n"
				+ "AND e = /* f? */ $t$g?$t$ || ?"))
			.containsExactly("a = ", " AND b <> E'it\\'s ?' AND \"c?\" = ", " -- d?\nAND e = /* f? */ $t$g?$t$ || ", "");
		assertThat(PostgresScanner.splitAtPlaceholders("no placeholder")).containsExactly("no placeholder");
	}

	/** The file and the seven statements psql 15 sends for it ({@code psql -e -f}). */
	@Test
	void splitsAsPsqlDoesInsideParenthesesAndBeginAtomicBodies() {
		String sql = """
				CREATE TABLE split_a (x int);
				CREATE OR REPLACE RULE r_split AS ON INSERT TO split_a DO ALSO (INSERT INTO split_a VALUES (1); INSERT INTO split_a VALUES (2));
				CREATE OR REPLACE FUNCTION split_f(n int) RETURNS int LANGUAGE sql
				BEGIN ATOMIC
				  SELECT CASE WHEN n > 0 THEN 1 ELSE 0 END;
				  SELECT 2;
				END;
				SELECT 'after';
				BEGIN;
				SELECT 'inside';
				COMMIT;
				""";
		assertThat(PostgresScanner.split(sql)).containsExactly("CREATE TABLE split_a (x int)",
				"CREATE OR REPLACE RULE r_split AS ON INSERT TO split_a DO ALSO (INSERT INTO split_a VALUES (1); "
						+ "INSERT INTO split_a VALUES (2))",
				"CREATE OR REPLACE FUNCTION split_f(n int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
						+ "  SELECT CASE WHEN n > 0 THEN 1 ELSE 0 END;\n  SELECT 2;\nEND",
				"SELECT 'after'", "BEGIN", "SELECT 'inside'", "COMMIT");
	}

	/** psql's heuristic, followed to the letter: a {@code begin} outside parentheses opens a body even as a name. */
	@Test
	void aProcedureBodyWithNestedCaseStaysWholeAndABareBeginNameHoldsTheRestTogetherAsInPsql() {
		String sql = "CREATE PROCEDURE p(\"begin\" int) LANGUAGE sql BEGIN ATOMIC "
				+ "UPDATE t SET a = CASE WHEN a > 0 THEN CASE WHEN a > 9 THEN 9 ELSE a END ELSE 0 END; DELETE FROM t; END; "
				+ "CREATE FUNCTION g(begin int) RETURNS int LANGUAGE sql RETURN begin; SELECT 1";
		assertThat(PostgresScanner.split(sql)).containsExactly(
				"CREATE PROCEDURE p(\"begin\" int) LANGUAGE sql BEGIN ATOMIC UPDATE t SET a = CASE WHEN a > 0 THEN "
						+ "CASE WHEN a > 9 THEN 9 ELSE a END ELSE 0 END; DELETE FROM t; END",
				"CREATE FUNCTION g(begin int) RETURNS int LANGUAGE sql RETURN begin; SELECT 1");
	}

	@Test
	void keepsFunctionBodiesInDollarQuotesWhole() {
		String function = """
				CREATE FUNCTION touch() RETURNS trigger AS $body$
				BEGIN
				  NEW.updated_at := now(); RETURN NEW;
				END;
				$body$ LANGUAGE plpgsql""";
		assertThat(PostgresScanner.split(function + ";\nSELECT $$a;b$$, $1")).containsExactly(function,
				"SELECT $$a;b$$, $1");
	}

	@Test
	void keepsTheDataOfCopyFromStdinWithItsCommand() {
		String sql = "CREATE TABLE region (code text, name text);\n"
				+ "COPY region (code, name) FROM stdin;\n"
				+ "fr\tFrance; the 'hexagon' -- not a comment\n"
				+ "de\tGermany $$ not a quote\n"
				+ "\\.\n"
				+ "SELECT count(*) FROM region;";
		List<String> statements = PostgresScanner.split(sql);
		assertThat(statements).hasSize(3);
		String copy = statements.get(1);
		assertThat(PostgresScanner.isCopyWithData(copy)).isTrue();
		assertThat(PostgresScanner.copyCommand(copy)).isEqualTo("COPY region (code, name) FROM stdin");
		assertThat(PostgresScanner.copyData(copy))
			.isEqualTo("fr\tFrance; the 'hexagon' -- not a comment\nde\tGermany $$ not a quote\n");
		assertThat(statements.get(2)).isEqualTo("SELECT count(*) FROM region");
		assertThat(PostgresScanner.isCopyWithData(statements.get(0))).isFalse();
		assertThat(PostgresScanner.isCopyWithData("COPY region TO stdout")).isFalse();
	}

	@Test
	void copyDataWithoutItsEndLineIsReportedWithTheLineOfTheCommand() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> PostgresScanner.split("SELECT 1;\n\nCOPY region FROM STDIN;\nfr\tFrance\n"))
			.withMessageContaining("COPY ... FROM stdin starting on line 3")
			.withMessageContaining("\\.");
	}

	@Test
	void anUnterminatedDollarQuoteIsReportedWithItsLine() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> PostgresScanner.split("SELECT 1;\nSELECT $x$ never closed"))
			.withMessage("Unterminated dollar-quoted string $x$ starting on line 2 of the SQL; close it or check "
					+ "for a stray quote.");
	}

	@Test
	void anUnterminatedStringIsReportedWithItsLine() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> PostgresScanner.split("SELECT 'oops"))
			.withMessageStartingWith("Unterminated string literal starting on line 1");
	}

	@Test
	void recognisesStatementsThatCannotRunInATransaction() {
		assertThat(PostgresScanner.requiresNoTransaction("/* hi */ create  index\nCONCURRENTLY ix ON t (a)")).isTrue();
		assertThat(PostgresScanner.requiresNoTransaction("CREATE UNIQUE INDEX CONCURRENTLY ix ON t (a)")).isTrue();
		assertThat(PostgresScanner.requiresNoTransaction("DROP INDEX CONCURRENTLY ix")).isTrue();
		assertThat(PostgresScanner.requiresNoTransaction("REINDEX INDEX CONCURRENTLY ix")).isTrue();
		assertThat(PostgresScanner.requiresNoTransaction("VACUUM ANALYZE t")).isTrue();
		assertThat(PostgresScanner.requiresNoTransaction("ALTER TABLE p DETACH PARTITION c CONCURRENTLY")).isTrue();
	}

	@Test
	void ordinaryStatementsMayRunInATransaction() {
		assertThat(PostgresScanner.requiresNoTransaction("CREATE INDEX ix ON t (a)")).isFalse();
		assertThat(PostgresScanner.requiresNoTransaction("REINDEX INDEX ix")).isFalse();
		assertThat(PostgresScanner.requiresNoTransaction("SELECT 'create index concurrently'")).isFalse();
		assertThat(PostgresScanner.requiresNoTransaction("ALTER TYPE mood ADD VALUE 'x'")).isFalse();
	}

	@Test
	void rawSqlWithSeveralStatementsRendersOneStatementEach() {
		assertThat(Rendered.statements((op) -> op.execute("UPDATE t SET a = 1; CREATE INDEX CONCURRENTLY ix ON t (a);")))
			.containsExactly(SqlStatement.of("UPDATE t SET a = 1"),
					SqlStatement.nonTransactional("CREATE INDEX CONCURRENTLY ix ON t (a)").nonBlocking());
	}

}
