package dev.migration.core.lint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.migration.core.AllowUnsafe;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Stage;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.op.CommitPoint;
import dev.migration.core.schema.ColumnType;

import static org.assertj.core.api.Assertions.assertThat;

class LinterTests {

	@Test
	void indexWithoutConcurrentlyOnAnExistingTableIsAnError() {
		assertThat(lint((op) -> op.createIndex("ix_email", "account", (i) -> i.on("email"))))
			.containsExactly("index-not-concurrent ERROR r1");
		assertThat(lint((op) -> op.execute("CREATE INDEX ix_email ON account (email)")))
			.containsExactly("index-not-concurrent ERROR r1");
	}

	@Test
	void indexBuiltConcurrentlyOrOnATableOfTheSameRevisionPasses() {
		assertThat(lintOutside((op) -> op.execute("CREATE INDEX CONCURRENTLY ix_email ON account (email)"))).isEmpty();
		assertThat(lint((op) -> {
			op.createTable("account", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.primaryKey()));
			op.createIndex("ix_id", "account", (i) -> i.on("id"));
		})).isEmpty();
	}

	@Test
	void indexDroppedWithoutConcurrentlyIsAnError() {
		assertThat(lint((op) -> op.dropIndex("ix_email"))).containsExactly("drop-index-not-concurrent ERROR r1");
		assertThat(lint((op) -> op.execute("DROP INDEX ix_email"))).containsExactly("drop-index-not-concurrent ERROR r1");
		assertThat(lintOutside((op) -> op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_email"))).isEmpty();
	}

	@Test
	void foreignKeyOrCheckWithoutNotValidIsAnError() {
		assertThat(lint((op) -> op.addCheck("ck_age", "account", "age > 0")))
			.containsExactly("constraint-not-valid ERROR r1");
		assertThat(lint((op) -> op.execute("ALTER TABLE orders ADD CONSTRAINT fk_account FOREIGN KEY (account_id) "
				+ "REFERENCES account (id)")))
			.containsExactly("constraint-not-valid ERROR r1");
	}

	@Test
	void foreignKeyOrCheckNotValidPasses() {
		assertThat(lint((op) -> op.addCheckNotValid("ck_age", "account", "age > 0"))).isEmpty();
		assertThat(lint((op) -> op.execute("ALTER TABLE orders ADD CONSTRAINT fk_account FOREIGN KEY (account_id) "
				+ "REFERENCES account (id) NOT VALID")))
			.isEmpty();
	}

	@Test
	void validateInTheTransactionThatAddedTheConstraintIsAnError() {
		assertThat(lint((op) -> {
			op.addCheckNotValid("ck_age", "account", "age > 0");
			op.validateConstraint("ck_age", "account");
		})).containsExactly("validate-same-transaction ERROR r1");
		assertThat(lint((op) -> op.execute("ALTER TABLE account ADD CONSTRAINT ck_age CHECK (age > 0) NOT VALID; "
				+ "ALTER TABLE account VALIDATE CONSTRAINT ck_age")))
			.containsExactly("validate-same-transaction ERROR r1");
	}

	@Test
	void validateAfterACommitPointPasses() {
		assertThat(lint((op) -> {
			op.addCheckNotValid("ck_age", "account", "age > 0");
			op.apply(new CommitPoint());
			op.validateConstraint("ck_age", "account");
		})).isEmpty();
	}

	@Test
	void validateInALaterRevisionPasses() {
		assertThat(lint((op) -> op.validateConstraint("ck_age", "account"))).isEmpty();
	}

	@Test
	void setNotNullOnAnExistingColumnIsAnError() {
		assertThat(lint((op) -> op.setNotNull("account", "email"))).containsExactly("set-not-null ERROR r1");
		assertThat(lint((op) -> op.execute("ALTER TABLE account ALTER COLUMN email SET NOT NULL")))
			.containsExactly("set-not-null ERROR r1");
	}

	@Test
	void setNotNullAfterAValidatedCheckOfAnEarlierRevisionPasses() {
		List<String> found = lint(List.of(
				revision("r0", true, (op) -> op.addCheckNotValid("ck_email", "account", "email IS NOT NULL")),
				revision("r1", true, (op) -> op.validateConstraint("ck_email", "account"), "r0"),
				revision("r2", true, (op) -> op.setNotNull("account", "email"), "r1")));
		assertThat(found).isEmpty();
	}

	@Test
	void requiredColumnWithoutDefaultIsAnError() {
		assertThat(lint((op) -> op.addColumn("account", "tier", ColumnType.TEXT, (c) -> c.notNull())))
			.containsExactly("required-column-without-default ERROR r1");
		assertThat(lint((op) -> op.execute("ALTER TABLE account ADD COLUMN tier text NOT NULL")))
			.containsExactly("required-column-without-default ERROR r1");
	}

	@Test
	void requiredColumnWithAConstantDefaultPasses() {
		assertThat(lint((op) -> op.addColumn("account", "tier", ColumnType.TEXT,
				(c) -> c.notNull().defaultValue("free")))).isEmpty();
		assertThat(lint((op) -> op.execute("ALTER TABLE account ADD COLUMN tier text NOT NULL DEFAULT 'free'")))
			.isEmpty();
	}

	@Test
	void volatileDefaultOnANewColumnIsAnError() {
		assertThat(lint((op) -> op.addColumn("account", "token", ColumnType.UUID,
				(c) -> c.defaultExpression("gen_random_uuid()")))).containsExactly("volatile-default ERROR r1");
		assertThat(lint((op) -> op.execute("ALTER TABLE account ADD COLUMN seen timestamptz DEFAULT clock_timestamp()")))
			.containsExactly("volatile-default ERROR r1");
	}

	@Test
	void stableDefaultOnANewColumnPasses() {
		assertThat(lint((op) -> op.addColumn("account", "created", ColumnType.TIMESTAMPTZ,
				(c) -> c.defaultExpression("now()")))).isEmpty();
	}

	@Test
	void typeChangeThatRewritesIsAnError() {
		List<String> found = lint(List.of(
				revision("r0", true, (op) -> op.createTable("account", (t) -> t.column("age", ColumnType.INTEGER))),
				revision("r1", true, (op) -> op.alterColumnType("account", "age", ColumnType.BIGINT), "r0")));
		assertThat(found).containsExactly("type-change-rewrite ERROR r1");
		assertThat(lint((op) -> op.execute("ALTER TABLE account ALTER COLUMN age TYPE bigint")))
			.containsExactly("type-change-rewrite ERROR r1");
	}

	@Test
	void binaryCompatibleTypeChangePasses() {
		List<String> found = lint(List.of(
				revision("r0", true, (op) -> op.execute("CREATE TABLE account (id bigint, name text, price numeric(8, 2))")),
				revision("r1", true, (op) -> {
					op.execute("ALTER TABLE account ALTER COLUMN name TYPE text");
					op.alterColumnType("account", "price", ColumnType.numeric(12, 2));
				}, "r0")));
		assertThat(found).isEmpty();
	}

	@Test
	void varcharWideningPassesButNarrowingIsAnError() {
		TypeName v20 = TypeName.parse("character varying(20)");
		assertThat(TypeName.parse("varchar(40)").binaryCompatibleFrom(v20)).isTrue();
		assertThat(TypeName.parse("text").binaryCompatibleFrom(v20)).isTrue();
		assertThat(TypeName.parse("varchar(10)").binaryCompatibleFrom(v20)).isFalse();
		assertThat(TypeName.parse("numeric(10,3)").binaryCompatibleFrom(TypeName.parse("numeric(8,2)"))).isFalse();
	}

	@Test
	void renameOfAColumnOrTableIsAnError() {
		assertThat(lint((op) -> op.renameColumn("account", "email", "mail"))).containsExactly("rename-column ERROR r1");
		assertThat(lint((op) -> op.execute("ALTER TABLE account RENAME TO customer")))
			.containsExactly("rename-table ERROR r1");
	}

	@Test
	void renameOfATableCreatedInTheSameRevisionPasses() {
		assertThat(lint((op) -> op.execute("CREATE TABLE draft (id bigint); ALTER TABLE draft RENAME TO account")))
			.isEmpty();
	}

	@Test
	void uniqueConstraintWithoutAnIndexIsAnError() {
		assertThat(lint((op) -> op.addUnique("uq_email", "account", "email"))).containsExactly("unique-without-index ERROR r1");
		assertThat(lint((op) -> op.execute("ALTER TABLE account ADD PRIMARY KEY (id)")))
			.containsExactly("unique-without-index ERROR r1");
	}

	@Test
	void uniqueConstraintUsingAnIndexPasses() {
		assertThat(lint((op) -> op.addUniqueUsingIndex("uq_email", "account", "ix_email"))).isEmpty();
		assertThat(lint((op) -> op.execute("ALTER TABLE account ADD CONSTRAINT uq_email UNIQUE USING INDEX ix_email")))
			.isEmpty();
	}

	@Test
	void dropOfAColumnTableOrRowsIsAnError() {
		assertThat(lint((op) -> op.dropColumn("account", "email"))).containsExactly("drop-column ERROR r1");
		assertThat(lint((op) -> op.dropTable("account"))).containsExactly("drop-table ERROR r1");
		assertThat(lint((op) -> op.execute("TRUNCATE account"))).containsExactly("truncate ERROR r1");
	}

	@Test
	void theContractStepOfAnOnlineRenameDropsAColumnAndTheExpandStepIsSafe() {
		assertThat(lint((op) -> op.finishRenameColumnOnline("account", "mail", "email", ColumnType.TEXT)))
			.containsExactly("drop-column ERROR r1");
		assertThat(lintInBackground((op) -> op.renameColumnOnline("account", "mail", "email", ColumnType.TEXT)))
			.isEmpty();
	}

	@Test
	void theContractStepOfAnOnlineTypeChangeDropsAColumnAndTheExpandStepIsSafe() {
		assertThat(lintInBackground((op) -> op.changeColumnTypeOnline("account", "score", "score_big",
				ColumnType.BIGINT, "score", "score_big"))).isEmpty();
		assertThat(lint((op) -> op.finishChangeColumnTypeOnline("account", "score", "score_big", ColumnType.INTEGER,
				"score", "score_big"))).containsExactly("drop-column ERROR r1");
	}

	@Test
	void backfillInAStartUpRevisionIsAWarning() {
		assertThat(lint((op) -> op.backfill("account", (b) -> b.set("tier = 'free'").where("tier IS NULL"))))
			.containsExactly("backfill-at-startup WARNING r1");
		assertThat(lint((op) -> op.renameColumnOnline("account", "mail", "email", ColumnType.TEXT)))
			.containsExactly("backfill-at-startup WARNING r1");
	}

	@Test
	void backfillInABackgroundRevisionPasses() {
		assertThat(lintInBackground((op) -> op.backfill("account", (b) -> b.set("tier = 'free'")
			.where("tier IS NULL")))).isEmpty();
	}

	@Test
	void dropOfWhatTheSameRevisionCreatedPasses() {
		assertThat(lint((op) -> {
			op.addColumn("account", "scratch", ColumnType.TEXT);
			op.dropColumn("account", "scratch");
			op.execute("CREATE TABLE tmp (id bigint); DROP TABLE tmp");
		})).isEmpty();
	}

	@Test
	void concurrentlyAfterOtherStatementsInATransactionIsAnError() {
		assertThat(lint((op) -> op.execute("CREATE TABLE t (id bigint); CREATE INDEX CONCURRENTLY ix ON account (email)")))
			.containsExactly("concurrently-in-transaction ERROR r1");
	}

	@Test
	void concurrentlyAsTheFirstStatementOrOutsideATransactionPasses() {
		assertThat(lint((op) -> op.createIndex("ix_email", "account", (i) -> i.on("email").concurrently()))).isEmpty();
		assertThat(lintOutside((op) -> op.execute("CREATE TABLE t (id bigint); "
				+ "CREATE INDEX CONCURRENTLY ix ON account (email)"))).isEmpty();
	}

	@Test
	void truncateOfATableCreatedInTheSameRevisionPasses() {
		assertThat(lint((op) -> op.execute("CREATE TABLE staging (id bigint); TRUNCATE staging"))).isEmpty();
	}

	@Test
	void longDataChangeWithDdlInOneTransactionIsAnError() {
		assertThat(lint((op) -> op.execute("ALTER TABLE account ADD COLUMN tier text; UPDATE account SET tier = 'free'")))
			.containsExactly("long-update-with-ddl ERROR r1");
	}

	@Test
	void boundedDataChangeOrOneWithoutDdlPasses() {
		assertThat(lint((op) -> op.execute("ALTER TABLE account ADD COLUMN tier text; "
				+ "UPDATE account SET tier = 'gold' WHERE id = 1"))).isEmpty();
		assertThat(lint((op) -> op.execute("UPDATE account SET tier = 'free'"))).isEmpty();
	}

	@Test
	void updateOrDeleteOfTheDslIsJudgedAsTheSameRawStatement() {
		assertThat(lint((op) -> {
			op.addColumn("account", "tier", ColumnType.TEXT);
			op.update("account", (u) -> u.set("tier", "free").where("tier IS NULL"));
		})).containsExactly("long-update-with-ddl ERROR r1");
		assertThat(lint((op) -> {
			op.addColumn("account", "tier", ColumnType.TEXT);
			op.update("account", (u) -> u.set("tier", "gold").where("id = ?", 1));
			op.delete("account", (d) -> d.where("id = ?", 2));
		})).isEmpty();
		assertThat(lint((op) -> op.delete("account", (d) -> d.allRows()))).isEmpty();
	}

	@Test
	void insertFromASelectIsADataChangeAndInsertOfValuesIsNot() {
		assertThat(lint((op) -> op.execute("ALTER TABLE account ADD COLUMN tier text; "
				+ "INSERT INTO account (email) SELECT email FROM signup"))).containsExactly("long-update-with-ddl ERROR r1");
		assertThat(lint((op) -> op.execute("ALTER TABLE account ADD COLUMN tier text; "
				+ "INSERT INTO account (email) VALUES ('a@example.com')"))).isEmpty();
	}

	@Test
	void styleWarningsNameTheColumnType() {
		assertThat(lint((op) -> op.execute("CREATE TABLE event (id serial, body json, at timestamp, code varchar(20))")))
			.containsExactly("prefer-identity WARNING r1", "prefer-jsonb WARNING r1", "prefer-timestamptz WARNING r1",
					"prefer-text WARNING r1");
		assertThat(lint((op) -> op.execute("CREATE TABLE event (id bigint GENERATED ALWAYS AS IDENTITY, body jsonb, "
				+ "at timestamptz, code text)"))).isEmpty();
	}

	@Test
	void unparseableStatementIsReportedAsNotChecked() {
		LintReport report = Linter.lint(List.of(revision("r1", true, (op) -> op.execute("ALTER TABLE mood FROBNICATE"))));
		assertThat(report.findings()).isEmpty();
		assertThat(report.notChecked()).extracting((f) -> f.ruleId() + " " + f.revision() + " " + f.detail())
			.containsExactly("not-checked r1 The linter cannot read it (unknown ALTER TABLE action at \"FROBNICATE\").");
		assertThat(report.hasErrors()).isFalse();
		assertThat(report.failures(NotCheckedPolicy.FAIL)).hasSize(1);
		assertThat(report.failures(NotCheckedPolicy.WARN)).isEmpty();
	}

	@Test
	void anOnlineOnlyStepIsReportedAsNotCheckedAndTheRestIsLinted() {
		LintReport report = Linter.lint(List.of(revision("r1", true, (op) -> {
			op.onlineOnly("fix codes", (online) -> online.queryForList("SELECT 1"));
			op.dropTable("legacy");
		})));
		assertThat(report.findings()).extracting(Finding::ruleId).containsExactly("online-code", "drop-table");
		assertThat(report.findings().get(0).statement()).isEqualTo("-- online-only step: fix codes, not in this script");
		assertThat(report.findings().get(0).severity()).isEqualTo(Severity.INFO);
		assertThat(report.failures(NotCheckedPolicy.FAIL)).extracting(Finding::ruleId).containsExactly("drop-table");
	}

	@Test
	void allowUnsafeSuppressesTheRuleWithItsReason() {
		LintReport report = Linter.lint(List.of(new DeclaredRevision(RevisionNode.of("r1", ""), new DropsLegacy(), true)));
		assertThat(report.findings()).extracting(Finding::ruleId).containsExactly("drop-table");
		assertThat(report.suppressed()).extracting((s) -> s.finding().ruleId() + ": " + s.reason())
			.containsExactly("drop-table: nothing reads legacy since 2.0");
		assertThat(LintReportRenderer.render(report)).contains("SUPPRESSED drop-table in r1", "reason: nothing reads "
				+ "legacy since 2.0", "1 error, 0 warnings, 1 suppressed, 0 not checked");
	}

	@Test
	void reportRendersRuleRevisionStatementWhyAndSafeWay() {
		LintReport report = Linter.lint(List.of(revision("r1", true, (op) -> op.execute("DROP INDEX ix_email"))));
		assertThat(LintReportRenderer.render(report)).isEqualTo("""
				ERROR drop-index-not-concurrent in r1
				  DROP INDEX ix_email
				  why:  Index ix_email. %s
				  safe: %s
				1 error, 0 warnings, 0 suppressed, 0 not checked
				""".formatted(Rule.DROP_INDEX_NOT_CONCURRENT.why(), Rule.DROP_INDEX_NOT_CONCURRENT.safeWay()));
	}

	@AllowUnsafe(rule = "drop-table", reason = "nothing reads legacy since 2.0", on = "legacy")
	static class DropsLegacy implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.dropTable("legacy");
			op.dropTable("audit");
		}

		@Override
		public void downgrade(Operations op) {
		}

	}

	private static List<String> lint(Consumer<Operations> upgrade) {
		return lint(List.of(revision("r1", true, upgrade)));
	}

	private static List<String> lintOutside(Consumer<Operations> upgrade) {
		return lint(List.of(revision("r1", false, upgrade)));
	}

	private static List<String> lintInBackground(Consumer<Operations> upgrade) {
		DeclaredRevision revision = revision("r1", true, upgrade);
		return lint(List.of(new DeclaredRevision(revision.node(), revision.migration(), true, Stage.BACKGROUND)));
	}

	private static List<String> lint(List<DeclaredRevision> revisions) {
		List<String> found = new ArrayList<>();
		Linter.lint(revisions).findings().forEach((f) -> found.add(f.ruleId() + " " + f.severity() + " " + f.revision()));
		return Collections.unmodifiableList(found);
	}

	private static DeclaredRevision revision(String id, boolean transactional, Consumer<Operations> upgrade,
			String... parents) {
		Migration migration = new Migration() {

			@Override
			public void upgrade(Operations op) {
				upgrade.accept(op);
			}

			@Override
			public void downgrade(Operations op) {
			}

		};
		return new DeclaredRevision(RevisionNode.of(id, "", parents), migration, transactional);
	}

}
