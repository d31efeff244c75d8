package dev.migration.core.lint;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.catalog.Recordings;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.history.HistoryEntry;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScript;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The run-time gate on a real database: it judges only what is about to run, against the catalog. */
@PostgresTest(emptyBeforeEach = true)
class LintGateTests {

	private static final String CREATE = "CREATE TABLE account (id bigint PRIMARY KEY, email text);\n"
			+ "INSERT INTO account SELECT n, 'a' || n FROM generate_series(1, 200) n;\n"
			+ "CREATE INDEX ix_account_email ON account (email);\n";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final List<SqlScript> files = new ArrayList<>();

	LintGateTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Test
	void aFreshInstallPassesWhereEveryTableIsCreatedInTheSameRun() {
		file("V1__account.sql", CREATE);
		file("V2__require_email.sql", "ALTER TABLE account ALTER COLUMN email SET NOT NULL;");
		upgrade(0);
		assertThat(applied()).containsExactly("V1", "V2");
	}

	@Test
	void theSameStatementOnAnExistingTableIsStoppedBeforeAnythingRuns() {
		file("V1__account.sql", CREATE);
		upgrade(0);
		this.jdbc.execute("ANALYZE account");
		file("V2__note.sql", "CREATE TABLE note (id bigint);");
		file("V3__require_email.sql", "ALTER TABLE account ALTER COLUMN email SET NOT NULL;");
		assertThatExceptionOfType(LintGate.LintFailedException.class).isThrownBy(() -> upgrade(100))
			.withMessageContaining("set-not-null in V3")
			.withMessageContaining("email");
		assertThat(applied()).containsExactly("V1");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('note')", String.class)).isNull();
	}

	@Test
	void setNotNullAfterValidatingACheckAnEarlierDeploymentAddedNotValidPasses() {
		file("V1__account.sql", CREATE);
		file("V2__email_check.sql", "ALTER TABLE account ADD CONSTRAINT ck_email CHECK (email IS NOT NULL) NOT VALID;");
		upgrade(0);
		this.jdbc.execute("ANALYZE account");
		// the check's column was known only to the run that added it; the gate reads it from the catalog
		file("V3__require_email.sql", "ALTER TABLE account VALIDATE CONSTRAINT ck_email;\n"
				+ "ALTER TABLE account ALTER COLUMN email SET NOT NULL;");
		upgrade(0);
		assertThat(applied()).containsExactly("V1", "V2", "V3");
		file("V4__note.sql", "ALTER TABLE account ADD CONSTRAINT ck_note CHECK (id IS NOT NULL) NOT VALID;\n"
				+ "ALTER TABLE account ADD COLUMN note text;");
		upgrade(0);
		file("V5__require_note.sql", "ALTER TABLE account ALTER COLUMN note SET NOT NULL;");
		assertThatExceptionOfType(LintGate.LintFailedException.class).as("a check on another column does not count")
			.isThrownBy(() -> upgrade(0))
			.withMessageContaining("set-not-null in V5");
	}

	@Test
	void aTableBelowTheSmallTableRowsIsSpared() {
		file("V1__account.sql", CREATE);
		upgrade(0);
		this.jdbc.execute("ANALYZE account");
		file("V2__require_email.sql", "ALTER TABLE account ALTER COLUMN email SET NOT NULL;");
		List<DeclaredRevision> toApply = SqlRevisions.declare(this.files).subList(1, 2);
		LintReport report = Linter.lint(toApply, new Recordings(), DatabaseFacts.read(this.dataSource, 1_000));
		assertThat(report.errors()).isEmpty();
		assertThat(report.suppressed()).singleElement()
			.satisfies((suppressed) -> assertThat(suppressed.reason()).contains("migrations.lint-small-table-rows"));
		upgrade(1_000);
		assertThat(applied()).containsExactly("V1", "V2");
	}

	@Test
	void appliedRevisionsAreNeverLintedAgainWhateverTheirSql() {
		file("V1__account.sql", CREATE);
		upgrade(0);
		this.jdbc.execute("ANALYZE account");
		// V1's unsafe index now stands on an existing table; only V2 is judged
		file("V2__note.sql", "CREATE TABLE note (id bigint);\nCREATE INDEX ix_note ON note (id);");
		upgrade(0);
		assertThat(applied()).containsExactly("V1", "V2");
	}

	@Test
	void aDefaultCallingAUserFunctionTheCatalogCallsVolatileIsStopped() {
		file("V1__account.sql", CREATE + "CREATE FUNCTION next_code() RETURNS text LANGUAGE sql VOLATILE "
				+ "AS $$ SELECT md5(random()::text) $$;\n"
				+ "CREATE FUNCTION fixed_code() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'x' $$;\n");
		upgrade(0);
		this.jdbc.execute("ANALYZE account");
		file("V2__fixed.sql", "ALTER TABLE account ADD COLUMN fixed text DEFAULT fixed_code();");
		upgrade(0);
		file("V3__code.sql", "ALTER TABLE account ADD COLUMN code text DEFAULT next_code();");
		assertThatExceptionOfType(LintGate.LintFailedException.class).isThrownBy(() -> upgrade(0))
			.withMessageContaining("volatile-default in V3");
		assertThat(applied()).containsExactly("V1", "V2");
	}

	@Test
	void aSelectCallingAFunctionTheCatalogCallsVolatileIsNotCheckedAndAStableOnePasses() {
		file("V1__account.sql", CREATE + "CREATE FUNCTION account_count() RETURNS bigint LANGUAGE sql STABLE "
				+ "AS $$ SELECT count(*) FROM account $$;\n"
				+ "CREATE FUNCTION forget_emails() RETURNS void LANGUAGE sql AS $$ UPDATE account SET email = NULL $$;\n");
		upgrade(0);
		file("V2__count.sql", "SELECT account_count();");
		upgrade(0);
		file("V3__forget.sql", "SELECT forget_emails();");
		assertThatExceptionOfType(LintGate.LintFailedException.class).isThrownBy(() -> upgrade(0))
			.withMessageContaining("ERROR not-checked in V3")
			.withMessageContaining("forget_emails(), which the database declares VOLATILE");
		assertThat(applied()).containsExactly("V1", "V2");
	}

	@Test
	void aFunctionRunningSqlItBuildsIsSparedOnlyWhileNoTableExisted() {
		String tidy = "CREATE OR REPLACE FUNCTION tidy(n text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN\n"
				+ "  EXECUTE format('DELETE FROM %I', n); END $$;\n";
		file("V1__account.sql", CREATE + tidy + "SELECT tidy('account');\n");
		upgrade(0);
		file("V2__tidy_again.sql", tidy + "SELECT tidy('account');\n");
		assertThatExceptionOfType(LintGate.LintFailedException.class).isThrownBy(() -> upgrade(0))
			.withMessageContaining("ERROR not-checked in V2")
			.withMessageContaining("SQL it builds at run time");
		assertThat(applied()).containsExactly("V1");
	}

	@Test
	void aStatementTheLinterCannotReadStopsTheRunUnderFailUntilAReviewAcceptsIt() {
		file("V1__account.sql", CREATE);
		upgrade(0);
		String dynamic = "DO $$ BEGIN EXECUTE 'UPDATE account SET email = ' || quote_literal('x'); END $$;\n";
		file("V2__lower_email.sql", dynamic);
		assertThatExceptionOfType(LintGate.LintFailedException.class)
			.isThrownBy(() -> upgrade(0, NotCheckedPolicy.FAIL))
			.withMessageContaining("ERROR not-checked in V2")
			.withMessageContaining("-- allow-unsafe: not-checked <reason>");
		assertThat(applied()).containsExactly("V1");
		// the advice followed: a reviewed statement accepted at the top of the file
		this.files.set(1, new SqlScript("classpath:gate/V2__lower_email.sql", "V2__lower_email.sql",
				"-- allow-unsafe: not-checked 200 rows, updated in one go on purpose\n" + dynamic));
		upgrade(0, NotCheckedPolicy.FAIL);
		assertThat(applied()).containsExactly("V1", "V2");
	}

	@Test
	void aStatementTheLinterCannotReadPassesUnderWarn() {
		file("V1__account.sql", CREATE);
		upgrade(0);
		file("V2__lower_email.sql", "DO $$ BEGIN EXECUTE 'UPDATE account SET email = ' || quote_literal('x'); END $$;\n");
		upgrade(0, NotCheckedPolicy.WARN);
		assertThat(applied()).containsExactly("V1", "V2");
	}

	@Test
	void anEqualityOnAColumnNoUniqueIndexLeadsReadsEveryRowUnderTheDdlLock() {
		file("V1__account.sql", CREATE);
		upgrade(0);
		file("V2__touch.sql", "ALTER TABLE account ADD COLUMN touched boolean;\n"
				+ "UPDATE account SET touched = true WHERE email = 'a1';\n");
		assertThatExceptionOfType(LintGate.LintFailedException.class).isThrownBy(() -> upgrade(0))
			.withMessageContaining("long-update-with-ddl in V2");
		this.files.set(1, new SqlScript("classpath:gate/V2__touch.sql", "V2__touch.sql",
				"ALTER TABLE account ADD COLUMN touched boolean;\nUPDATE account SET touched = true WHERE id = 1;\n"));
		upgrade(0);
		assertThat(applied()).containsExactly("V1", "V2");
	}

	@Test
	void anIndexDroppedWithItsTableIsNoDropIndexFinding() {
		file("V1__account.sql", CREATE);
		upgrade(0);
		file("V2__drop.sql", "-- allow-unsafe: drop-table nothing reads account since 2.0\n"
				+ "DROP TABLE account;\nDROP INDEX IF EXISTS ix_account_email;\n");
		upgrade(0);
		assertThat(applied()).containsExactly("V1", "V2");
	}

	@Test
	void theLeadingColumnOfAWiderUniqueIndexIsNoKey() {
		file("V1__account.sql", CREATE + "CREATE UNIQUE INDEX ux_account_email_id ON account (email, id);\n");
		upgrade(0);
		file("V2__touch.sql", "ALTER TABLE account ADD COLUMN touched boolean;\n"
				+ "UPDATE account SET touched = true WHERE email = 'a1';\n");
		assertThatExceptionOfType(LintGate.LintFailedException.class).isThrownBy(() -> upgrade(0))
			.withMessageContaining("long-update-with-ddl in V2");
	}

	@Test
	void createTableIfNotExistsOfATableTheDatabaseHoldsCreatesNothingNew() {
		file("V1__account.sql", CREATE);
		upgrade(0);
		file("V2__again.sql", "CREATE TABLE IF NOT EXISTS account (id bigint PRIMARY KEY);\n"
				+ "CREATE INDEX ix_account_id_email ON account (id, email);\n");
		assertThatExceptionOfType(LintGate.LintFailedException.class).isThrownBy(() -> upgrade(0))
			.withMessageContaining("index-not-concurrent in V2");
	}

	private void file(String name, String text) {
		this.files.add(new SqlScript("classpath:gate/" + name, name, text));
	}

	private void upgrade(long smallTableRows) {
		upgrade(smallTableRows, NotCheckedPolicy.FAIL);
	}

	private void upgrade(long smallTableRows, NotCheckedPolicy notChecked) {
		new Migrator(this.dataSource, MigrationCatalog.ofDeclared(SqlRevisions.declare(this.files)),
				new PostgresDialect(), RunSettings.defaults())
			.withUpgradeCheck(new LintGate(LintPolicy.FAIL, smallTableRows, notChecked))
			.upgrade("heads");
	}

	private List<String> applied() {
		return new Migrator(this.dataSource, MigrationCatalog.ofDeclared(SqlRevisions.declare(this.files)),
				new PostgresDialect(), RunSettings.defaults())
			.history()
			.stream()
			.map(HistoryEntry::revision)
			.toList();
	}

}
