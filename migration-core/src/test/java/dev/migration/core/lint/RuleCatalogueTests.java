package dev.migration.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.core.AllowUnsafe;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of the catalogue on raw SQL, as a file of a history whose earlier file created the
 * objects: the unsafe form found with a message naming what it touches and the safe way, the
 * safe form passing, and the finding accepted by a SQL header and by {@code @AllowUnsafe}.
 */
class RuleCatalogueTests {

	private static final String EXISTING = """
			CREATE TABLE t (id bigint PRIMARY KEY, a int, v varchar(10), r tstzrange);
			CREATE INDEX ix ON t (a);
			CREATE INDEX ix2 ON t (v);
			CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;
			CREATE TYPE mood AS ENUM ('a');
			CREATE TABLE p (id int) PARTITION BY LIST (id);
			CREATE TABLE c (id int);
			CREATE TABLE c2 PARTITION OF p FOR VALUES IN (2);
			CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
			CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;
			CREATE FUNCTION fixed_code() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'x' $$;
			""";

	static Stream<Arguments> rules() {
		return Stream.of(
				rule("reindex-not-concurrent", "REINDEX INDEX ix", "Index ix", "REINDEX INDEX CONCURRENTLY ix"),
				rule("reindex-not-concurrent", "REINDEX TABLE t", "On t", "REINDEX TABLE CONCURRENTLY t"),
				rule("vacuum-full", "VACUUM FULL t", "On t", "VACUUM (ANALYZE) t"),
				rule("cluster", "CLUSTER t USING ix", "On t", "ANALYZE t"),
				rule("lock-table", "LOCK TABLE t IN ACCESS EXCLUSIVE MODE", "On t",
						"LOCK TABLE t IN SHARE UPDATE EXCLUSIVE MODE"),
				rule("table-rewrite", "ALTER TABLE t SET UNLOGGED", "Table t", "ALTER TABLE t SET (fillfactor = 90)"),
				rule("table-rewrite", "ALTER TABLE t SET TABLESPACE pg_default", "Table t",
						"CREATE TABLE t3 (id int) TABLESPACE pg_default"),
				rule("attach-partition-scan", "ALTER TABLE p ATTACH PARTITION c FOR VALUES IN (1)", "Partition c of p",
						"CREATE TABLE c3 (id int);\nALTER TABLE p ATTACH PARTITION c3 FOR VALUES IN (3)"),
				rule("detach-partition-not-concurrent", "ALTER TABLE p DETACH PARTITION c2", "Partition c2 of p",
						"ALTER TABLE p DETACH PARTITION c2 CONCURRENTLY"),
				rule("refresh-not-concurrent", "REFRESH MATERIALIZED VIEW mv", "On mv",
						"REFRESH MATERIALIZED VIEW CONCURRENTLY mv"),
				rule("exclusion-constraint", "ALTER TABLE t ADD CONSTRAINT no_overlap EXCLUDE USING gist (r WITH &&)",
						"no_overlap", "CREATE TABLE t4 (r tstzrange);\n"
								+ "ALTER TABLE t4 ADD CONSTRAINT no_overlap EXCLUDE USING gist (r WITH &&)"),
				rule("trigger-on-existing-table",
						"CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch()", "On t",
						"CREATE TABLE t5 (id int);\n"
								+ "CREATE TRIGGER tr BEFORE UPDATE ON t5 FOR EACH ROW EXECUTE FUNCTION touch()"),
				rule("enum-rename-value", "ALTER TYPE mood RENAME VALUE 'a' TO 'b'", "Label a of mood to b",
						"ALTER TYPE mood ADD VALUE 'b'"),
				rule("type-change-rewrite", "ALTER TABLE t ALTER COLUMN a SET DATA TYPE bigint", "Column a of t: integer to bigint",
						"ALTER TABLE t ALTER COLUMN v SET DATA TYPE varchar(20)"),
				rule("unique-without-index", "ALTER TABLE t ADD COLUMN u int UNIQUE", "(u)",
						"ALTER TABLE t ADD COLUMN u int"),
				rule("unique-without-index", "ALTER TABLE t ADD PRIMARY KEY (a)", "(a)",
						"ALTER TABLE t ADD CONSTRAINT t_a UNIQUE USING INDEX ix"),
				// without a default the new column is NULL everywhere and PostgreSQL checks no row (the trace shows it)
				rule("constraint-not-valid", "ALTER TABLE t ADD COLUMN o bigint DEFAULT 1 REFERENCES t (id)", "(o)",
						"ALTER TABLE t ADD COLUMN o bigint REFERENCES t (id)"),
				rule("constraint-not-valid", "ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES t (id)", "(a)",
						"ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES t (id) NOT VALID"),
				rule("volatile-default", "ALTER TABLE t ADD COLUMN g int GENERATED ALWAYS AS (a * 2) STORED",
						"Column g is generated", "ALTER TABLE t ADD COLUMN g int"),
				rule("volatile-default", "ALTER TABLE t ADD COLUMN code text DEFAULT next_code()", "next_code()",
						"ALTER TABLE t ADD COLUMN code text DEFAULT fixed_code()"),
				rule("index-not-concurrent", "CREATE INDEX ON t (a) INCLUDE (id) WHERE a > 0", "On t",
						"CREATE INDEX CONCURRENTLY ON t (a) INCLUDE (id) WHERE a > 0"),
				rule("drop-index-not-concurrent", "DROP INDEX ix, ix2", "Index ix2", "DROP INDEX CONCURRENTLY ix"),
				rule("set-not-null", "ALTER TABLE t ADD COLUMN n int DEFAULT 0;\nALTER TABLE t ALTER COLUMN n SET NOT NULL",
						"Column n of t", "ALTER TABLE t ADD COLUMN n int NOT NULL DEFAULT 0"));
	}

	private static Arguments rule(String rule, String unsafe, String named, String safe) {
		return Arguments.of(rule, unsafe, named, safe);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("rules")
	void theUnsafeFormIsFoundNamingWhatItTouchesAndTheSafeFormPasses(String rule, String unsafe, String named,
			String safe) {
		List<Finding> found = findings(lint(unsafe, ""), rule);
		assertThat(found).as("findings of %s", rule).isNotEmpty();
		assertThat(found).anySatisfy((finding) -> assertThat(finding.why()).contains(named));
		assertThat(found.get(0).safeWay()).isNotBlank();
		assertThat(findings(lint(safe, ""), rule)).as("the safe form").isEmpty();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("rules")
	void aHeaderLineAtTheTopOfTheFileAcceptsIt(String rule, String unsafe, String named, String safe) {
		LintReport report = lint(unsafe, "-- allow-unsafe: " + rule + " reviewed with the DBA\n");
		assertThat(findings(report, rule)).isEmpty();
		assertThat(report.suppressed()).anySatisfy((suppressed) -> {
			assertThat(suppressed.finding().ruleId()).isEqualTo(rule);
			assertThat(suppressed.reason()).isEqualTo("reviewed with the DBA");
		});
	}

	@Test
	void allowUnsafeOnAJavaRevisionAcceptsEachRule() {
		List<DeclaredRevision> revisions = new ArrayList<>(SqlRevisions.declare(List.of(file("V1__existing.sql", EXISTING))));
		revisions.add(new DeclaredRevision(RevisionNode.of("j2", "maintenance", "V1"), new Maintenance(), true));
		LintReport report = Linter.lint(revisions);
		assertThat(report.findings()).extracting(Finding::revision).doesNotContain("j2");
		assertThat(report.suppressed()).extracting((suppressed) -> suppressed.finding().ruleId())
			.containsExactlyInAnyOrder("vacuum-full", "cluster", "lock-table", "enum-rename-value",
					"refresh-not-concurrent", "reindex-not-concurrent", "table-rewrite", "attach-partition-scan",
					"detach-partition-not-concurrent", "exclusion-constraint", "trigger-on-existing-table");
	}

	@Test
	void renamingAValueOfAnEnumTheSameRevisionCreatedIsNoFinding() {
		LintReport report = lint("CREATE TYPE public.colour AS ENUM ('red');\nALTER TYPE colour RENAME VALUE 'red' TO 'rot'", "");
		assertThat(findings(report, "enum-rename-value")).isEmpty();
	}

	@Test
	void theStatementsOfADoBlockAreJudgedAsIfTheyStoodAlone() {
		LintReport report = lint("DO $$ BEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attname = 'id2') THEN\n"
				+ "    EXECUTE 'ALTER TABLE t ADD COLUMN id2 bigserial';\n  END IF;\n"
				+ "  CREATE INDEX ix_t_v ON t (v);\nEND $$", "");
		assertThat(report.errors()).extracting(Finding::ruleId, Finding::statement)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("volatile-default", "ALTER TABLE t ADD COLUMN id2 bigserial"),
					org.assertj.core.groups.Tuple.tuple("index-not-concurrent", "CREATE INDEX ix_t_v ON t (v)"));
		assertThat(report.notChecked()).isEmpty();
	}

	@Test
	void aDoBlockThatLoopsOverRowsBesideDdlHoldsTheDdlLockForTheLoop() {
		LintReport report = lint("ALTER TABLE t ADD COLUMN w int;\n"
				+ "DO $$ DECLARE r record; BEGIN FOR r IN SELECT id FROM t LOOP\n"
				+ "  UPDATE t SET w = 1 WHERE id = r.id;\nEND LOOP; END $$", "");
		assertThat(findings(report, "long-update-with-ddl")).extracting(Finding::statement)
			.containsExactly("UPDATE t SET w = 1 WHERE id = r.id");
	}

	@Test
	void aDoBlockRunningSqlItBuildsOnAnExistingTableIsNotChecked() {
		LintReport report = lint("DO $$ BEGIN EXECUTE 'ALTER TABLE t DROP CONSTRAINT ' || quote_ident('x'); END $$", "");
		assertThat(report.notChecked()).singleElement()
			.satisfies((finding) -> assertThat(finding.detail()).contains("t", "SQL it builds at run time"));
		assertThat(lint("CREATE TABLE t6 (id int);\n"
				+ "DO $$ BEGIN EXECUTE 'ALTER TABLE t6 DROP CONSTRAINT ' || quote_ident('x'); END $$", "").notChecked())
			.as("on a table the revision created").isEmpty();
	}

	@Test
	void aDataChangeBesideDdlThatLocksOnlyNewTablesKeepsNobodyWaiting() {
		assertThat(findings(lint("CREATE TABLE t7 (id bigint);\nINSERT INTO t7 SELECT id FROM t", ""),
				"long-update-with-ddl")).isEmpty();
		assertThat(findings(lint("ALTER TABLE t ADD COLUMN w int;\nCREATE TABLE t7 (id bigint);\n"
				+ "INSERT INTO t7 SELECT id FROM t", ""), "long-update-with-ddl"))
			.as("filling a new table reads t while the revision holds t's lock").hasSize(1);
		assertThat(findings(lint("ALTER TABLE t ADD COLUMN w int;\nUPDATE t SET w = 1 WHERE trim(v) = ''", ""),
				"long-update-with-ddl")).as("a function of a column reads every row").hasSize(1);
		assertThat(findings(lint("ALTER TABLE t ADD COLUMN w int;\nUPDATE t SET w = 1 WHERE id = 7", ""),
				"long-update-with-ddl")).as("one row by its key").isEmpty();
		assertThat(findings(lint("UPDATE t SET a = 1 WHERE trim(v) = '';\nALTER TABLE t ADD COLUMN w int", ""),
				"long-update-with-ddl")).as("before the DDL takes its lock").isEmpty();
		assertThat(findings(lint("CREATE TABLE t9 (id bigint REFERENCES t (id));\nINSERT INTO t9 SELECT id FROM t;\n"
				+ "DROP TABLE t;\nALTER TABLE t9 RENAME TO t", ""), "long-update-with-ddl"))
			.as("t is read under the lock the foreign key took, though a new table takes its name later").hasSize(1);
		assertThat(findings(lint("ALTER TABLE t ADD COLUMN w int;\nCREATE TABLE t10 (id bigint, w int);\n"
				+ "UPDATE t10 SET w = t.a FROM t WHERE t10.id = t.id", ""), "long-update-with-ddl"))
			.as("updating a new table from a locked existing one reads it").hasSize(1);
	}

	@Test
	void aSelectThatLocksRowsChangesNoData() {
		for (String strength : List.of("UPDATE", "NO KEY UPDATE", "SHARE", "KEY SHARE")) {
			assertThat(findings(lint("ALTER TABLE t ADD COLUMN w int;\nSELECT id FROM t WHERE a > 0 FOR " + strength
					+ " SKIP LOCKED", ""), "long-update-with-ddl")).as("FOR %s", strength).isEmpty();
		}
		assertThat(findings(lint("ALTER TABLE t ADD COLUMN w int;\n"
				+ "WITH gone AS (DELETE FROM t WHERE a > 0 RETURNING id) SELECT count(*) FROM gone", ""),
				"long-update-with-ddl")).as("a data-modifying WITH").extracting(Finding::detail)
			.containsExactly("A data-modifying WITH changes rows as its statement does.");
	}

	@Test
	void explainAnalyzeIsJudgedAsTheStatementItRunsAndAPlainExplainRunsNothing() {
		String ddl = "ALTER TABLE t ADD COLUMN w int;\n";
		for (String statement : List.of("UPDATE t SET a = 1 WHERE trim(v) = ''", "DELETE FROM t WHERE a > 0",
				"INSERT INTO t SELECT id + 100 FROM t", "ALTER TABLE t FROBNICATE")) {
			List<String> alone = verdicts(lint(ddl + statement, ""));
			assertThat(alone).as(statement).isNotEmpty();
			for (String explain : List.of("EXPLAIN ANALYZE ", "EXPLAIN (ANALYZE) ",
					"EXPLAIN (ANALYZE true, BUFFERS, FORMAT json) ", "explain analyse verbose ")) {
				assertThat(verdicts(lint(ddl + explain + statement, ""))).as(explain + statement).isEqualTo(alone);
			}
			for (String plan : List.of("EXPLAIN ", "EXPLAIN (ANALYZE false) ", "EXPLAIN (COSTS off, FORMAT yaml) ",
					"EXPLAIN VERBOSE ")) {
				assertThat(verdicts(lint(ddl + plan + statement, ""))).as(plan + statement).isEmpty();
			}
		}
	}

	@Test
	void aCallRunsAProcedureWhoseBodyIsNotReadSoItIsNotCheckedUntilAccepted() {
		String call = "CREATE PROCEDURE tidy() LANGUAGE sql AS $$ DELETE FROM t $$;\nCALL tidy()";
		LintReport report = lint(call, "");
		assertThat(report.notChecked()).singleElement().satisfies((finding) -> {
			assertThat(finding.statement()).isEqualTo("CALL tidy()");
			assertThat(finding.detail()).contains("procedure tidy", "body the linter does not read",
					"-- allow-unsafe: not-checked <reason>");
		});
		assertThat(report.failures(NotCheckedPolicy.FAIL)).extracting(Finding::ruleId).containsExactly("not-checked");
		LintReport accepted = lint(call, "-- allow-unsafe: not-checked tidy empties t, which nothing reads yet\n");
		assertThat(accepted.notChecked()).isEmpty();
		assertThat(accepted.suppressed()).extracting((suppressed) -> suppressed.finding().ruleId())
			.contains("not-checked");
	}

	@Test
	void aCallToAFunctionThatMayWriteUnseenIsNotChecked() {
		for (String call : List.of("SELECT unknown_fn(1)", "SELECT * FROM s.unknown_fn(1) AS u (a int)",
				"UPDATE t SET a = unknown_fn(a) WHERE id = 1", "DO $$ BEGIN PERFORM unknown_fn(); END $$",
				"DO $$ DECLARE n int; BEGIN IF unknown_fn() > 0 THEN n := 1; END IF; END $$",
				"EXPLAIN ANALYZE SELECT unknown_fn(1)", "CREATE TABLE t11 AS SELECT unknown_fn(id) FROM t")) {
			assertThat(lint(call, "").notChecked()).as(call).singleElement().satisfies((finding) -> assertThat(
					finding.detail()).contains("It calls ", "unknown_fn(), a function the linter does not know"));
		}
	}

	@Test
	void aCallToPostgresOwnOrToAStableFunctionOrToOneWhoseBodyIsReadIsJudged() {
		for (String call : List.of("SELECT setval('s', 1), nextval('s'), pg_catalog.set_config('a.b', 'c', true)",
				"SELECT pg_advisory_lock(1), current_setting('x'), coalesce(greatest(1, 2), 0)::numeric(10, 2)",
				"SELECT DISTINCT ON (a) a, lower(v) FROM t AS x (i, a), generate_series(1, 2) g (n)",
				"WITH moved (id) AS (SELECT id FROM t) SELECT count(*) FROM moved", "SELECT fixed_code()",
				"SELECT next_code()", "UPDATE t SET v = fixed_code() WHERE id = 1", "CREATE TABLE t11 AS SELECT next_code()",
				"CREATE MATERIALIZED VIEW mv2 AS SELECT unknown_fn(id) FROM t WITH NO DATA")) {
			assertThat(verdicts(lint(call, ""))).as(call).isEmpty();
		}
	}

	@Test
	void theBodyOfAFunctionTheLintedSqlCreatedIsJudgedWhereItIsCalled() {
		String bump = "CREATE FUNCTION bump(k bigint) RETURNS void LANGUAGE plpgsql AS $$ BEGIN\n"
				+ "  UPDATE t SET a = a + 1 WHERE id = 7; UPDATE t SET a = 0 WHERE trim(v) = ''; END $$;\n"
				+ "ALTER TABLE t ADD COLUMN w int;\n";
		assertThat(verdicts(lint(bump + "SELECT bump(1)", ""))).containsExactly(
				"long-update-with-ddl: The statement is not bounded to a few rows by an equality or IN list.");
		assertThat(verdicts(lint(bump + "SELECT bump(id) FROM t", ""))).as("called for each row of t").containsExactly(
				"long-update-with-ddl: In the body of bump(), called for each row the statement reads, it may run once "
						+ "per row.",
				"long-update-with-ddl: In the body of bump(), called for each row the statement reads, it may run once "
						+ "per row.");
		assertThat(lint("CREATE FUNCTION tidy(n text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN\n"
				+ "  EXECUTE format('DELETE FROM %I', n); END $$;\nSELECT tidy('t')", "").notChecked()).singleElement()
			.satisfies((finding) -> assertThat(finding.detail()).isEqualTo("It calls tidy(), whose body runs SQL it "
					+ "builds at run time on tables the linter cannot name, so it cannot judge it."));
		assertThat(lint("CREATE FUNCTION py() RETURNS void LANGUAGE plpython3u AS $$ plpy.execute('TRUNCATE t') $$;\n"
				+ "SELECT py()", "").notChecked()).singleElement()
			.satisfies((finding) -> assertThat(finding.detail()).contains("py()", "a body in plpython3u"));
	}

	@Test
	void aDoBlockRunningSqlItBuildsOnTablesTheLinterCannotNameIsNotChecked() {
		assertThat(lint("DO $$ BEGIN EXECUTE format('UPDATE %I SET a = 1', 't'); END $$", "").notChecked())
			.singleElement().satisfies((finding) -> assertThat(finding.detail()).isEqualTo("A DO block runs SQL it "
					+ "builds at run time on tables the linter cannot name, so it cannot judge it."));
	}

	@Test
	void aForeignKeyAddedToANewTableIsValidatedAgainstTheExistingTableItReferences() {
		List<Finding> found = findings(lint("CREATE TABLE t8 (id bigint, t_id bigint);\nINSERT INTO t8 SELECT id, id FROM t;\n"
				+ "ALTER TABLE t8 ADD CONSTRAINT t8_t FOREIGN KEY (t_id) REFERENCES t (id)", ""), "constraint-not-valid");
		assertThat(found).singleElement().satisfies((finding) -> assertThat(finding.why()).contains("reads t,"));
		assertThat(findings(lint("CREATE TABLE t8 (id bigint, t_id bigint REFERENCES t (id))", ""),
				"constraint-not-valid")).as("declared in the CREATE TABLE").isEmpty();
		assertThat(findings(lint("CREATE TABLE t8 (id bigint, t_id bigint);\n"
				+ "ALTER TABLE t8 ADD CONSTRAINT t8_t FOREIGN KEY (t_id) REFERENCES t (id)", ""), "constraint-not-valid"))
			.as("on a table still empty").isEmpty();
		assertThat(findings(lint("CREATE TABLE t8 (id bigint, t_id bigint);\nINSERT INTO t8 SELECT id, id FROM t;\n"
				+ "ALTER TABLE t8 ADD CONSTRAINT t8_t FOREIGN KEY (t_id) REFERENCES t (id) NOT VALID", ""),
				"constraint-not-valid")).as("NOT VALID").isEmpty();
	}

	@Test
	void aPrimaryKeyTakenFromAnIndexOnNullableColumnsSetsThemNotNullWithAScan() {
		List<Finding> found = findings(lint("CREATE UNIQUE INDEX CONCURRENTLY ux_t_a ON t (a);\n"
				+ "ALTER TABLE t DROP CONSTRAINT t_pkey, ADD PRIMARY KEY USING INDEX ux_t_a", ""), "set-not-null");
		assertThat(found).singleElement().satisfies((finding) -> assertThat(finding.detail()).isEqualTo("Column a of t."));
		assertThat(findings(lint("CREATE UNIQUE INDEX CONCURRENTLY ux_t_id ON t (id);\n"
				+ "ALTER TABLE t DROP CONSTRAINT t_pkey, ADD PRIMARY KEY USING INDEX ux_t_id", ""), "set-not-null"))
			.as("id is NOT NULL already, as a primary key column").isEmpty();
	}

	@Test
	void aTwoColumnSetNotNullNamesEachColumn() {
		List<Finding> found = findings(lint("ALTER TABLE t ALTER COLUMN a SET NOT NULL, ALTER COLUMN v SET NOT NULL", ""),
				"set-not-null");
		assertThat(found).extracting(Finding::detail).containsExactly("Column a of t.", "Column v of t.");
	}

	private static LintReport lint(String sql, String header) {
		return Linter.lint(SqlRevisions.declare(List.of(file("V1__existing.sql", EXISTING),
				file("V2__change.sql", header + sql + ";\n"))));
	}

	/** The rule and detail of every finding and statement not checked in the changing file, the statement left out. */
	private static List<String> verdicts(LintReport report) {
		return Stream.concat(report.findings().stream(), report.notChecked().stream())
			.filter((finding) -> finding.revision().equals("V2"))
			.map((finding) -> finding.ruleId() + ": " + finding.detail())
			.toList();
	}

	private static List<Finding> findings(LintReport report, String rule) {
		return report.findings().stream().filter((finding) -> finding.ruleId().equals(rule)).toList();
	}

	private static SqlScript file(String name, String text) {
		return new SqlScript("classpath:catalogue/" + name, name, text);
	}

	@AllowUnsafe(rule = "reindex-not-concurrent", reason = "quiet window")
	@AllowUnsafe(rule = "table-rewrite", reason = "quiet window")
	@AllowUnsafe(rule = "attach-partition-scan", reason = "c is empty")
	@AllowUnsafe(rule = "detach-partition-not-concurrent", reason = "quiet window")
	@AllowUnsafe(rule = "exclusion-constraint", reason = "t is empty")
	@AllowUnsafe(rule = "trigger-on-existing-table", reason = "lock timeout bounds the wait")
	@AllowUnsafe(rule = "vacuum-full", reason = "quiet window")
	@AllowUnsafe(rule = "cluster", reason = "quiet window")
	@AllowUnsafe(rule = "lock-table", reason = "quiet window")
	@AllowUnsafe(rule = "enum-rename-value", reason = "no code writes 'a' since 3.1")
	@AllowUnsafe(rule = "refresh-not-concurrent", reason = "nobody reads mv yet")
	static class Maintenance implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("VACUUM FULL t");
			op.execute("CLUSTER t USING ix");
			op.execute("LOCK TABLE t");
			op.execute("ALTER TYPE mood RENAME VALUE 'a' TO 'b'");
			op.execute("REFRESH MATERIALIZED VIEW mv");
			op.execute("REINDEX INDEX ix");
			op.execute("ALTER TABLE t SET UNLOGGED");
			op.execute("ALTER TABLE p ATTACH PARTITION c FOR VALUES IN (1)");
			op.execute("ALTER TABLE p DETACH PARTITION c2");
			op.execute("ALTER TABLE t ADD CONSTRAINT no_overlap EXCLUDE USING gist (r WITH &&)");
			op.execute("CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch()");
		}

		@Override
		public void downgrade(Operations op) {
		}

	}

}
