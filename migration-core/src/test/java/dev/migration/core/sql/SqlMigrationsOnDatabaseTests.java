package dev.migration.core.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.MigrationException;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.history.HistoryEntry;
import dev.migration.core.history.Outcome;
import dev.migration.core.run.ChecksumMismatchException;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.core.schema.ColumnType;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A small SQL history (with a Java revision after it) applied and reverted on a real PostgreSQL. */
@PostgresTest(emptyBeforeEach = true)
class SqlMigrationsOnDatabaseTests {

	private static final String SHOP = "classpath:sql/shop";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	SqlMigrationsOnDatabaseTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Test
	void findsTheFilesOfAClassPathLocationInVersionOrder() {
		List<DeclaredRevision> revisions = SqlRevisions.declare(load(SHOP));
		assertThat(revisions).extracting(DeclaredRevision::id).containsExactly("V1", "V1.2", "V1.10", "V2");
		assertThat(revisions).extracting(DeclaredRevision::transactional).containsExactly(true, true, true, false);
	}

	@Test
	void findsTheSameFilesInAFileSystemLocation(@TempDir Path folder) throws IOException {
		for (SqlScript script : load(SHOP)) {
			Files.writeString(folder.resolve(script.fileName()), script.text());
		}
		List<SqlScript> scripts = load("filesystem:" + folder);
		assertThat(scripts).hasSize(8);
		assertThat(scripts.get(0).location()).startsWith("filesystem:" + folder + "/");
	}

	@Test
	void upgradesThroughEverySqlFileAndTheJavaRevisionAfterThem() {
		migrator().upgrade("heads");
		assertThat(migrator().history()).extracting(HistoryEntry::revision)
			.containsExactly("V1", "V1.2", "V1.10", "V2", "j3");
		assertThat(this.jdbc.queryForObject("SELECT name FROM customer WHERE email = 'bob@example.com'", String.class))
			.isEqualTo("Bob; the builder");
		this.jdbc.update("UPDATE customer SET name = 'Ada L.' WHERE email = 'ada@example.com'");
		assertThat(this.jdbc.queryForObject("SELECT updated_at IS NOT NULL FROM customer WHERE name = 'Ada L.'",
				Boolean.class)).isTrue();
		assertThat(this.jdbc.queryForObject("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_customer_email'::regclass",
				Boolean.class)).isTrue();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM customer_note", Integer.class)).isZero();
	}

	@Test
	void downgradesThroughTheUndoFilesToAnEmptySchema() {
		migrator().upgrade("heads");
		migrator().downgrade("base");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace "
				+ "AND relname NOT LIKE 'migration%'", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_proc WHERE proname = 'touch_customer'",
				Integer.class)).isZero();
	}

	@Test
	void theOfflineScriptKeepsTheFunctionBodyWhole() {
		String script = migrator().upgradeSql("base", "heads");
		assertThat(script).contains("-- Running upgrade V1.2 -> V1.10: audit trigger")
			.contains("NEW.updated_at := now(); -- a semicolon inside the body does not end the statement")
			.contains("CREATE UNIQUE INDEX CONCURRENTLY ix_customer_email ON customer (email)");
	}

	@Test
	void aFileWhoseLineEndsOrTrailingBlanksChangedKeepsItsChecksumButAnEditedOneDoesNot() {
		SqlScript original = new SqlScript("filesystem:db/V1__t.sql", "V1__t.sql", "CREATE TABLE t (id int);\n");
		migrator(original).upgrade("heads");
		SqlScript crlf = new SqlScript("filesystem:db/V1__t.sql", "V1__t.sql", "\uFEFFCREATE TABLE t (id int);  \r\n\r\n");
		assertThat(migrator(crlf).validate().changed()).isEmpty();
		SqlScript edited = new SqlScript("filesystem:db/V1__t.sql", "V1__t.sql", "CREATE TABLE t (id bigint);\n");
		assertThat(migrator(edited).validate().changed()).singleElement()
			.satisfies((mismatch) -> assertThat(mismatch.revision()).isEqualTo("V1"));
		assertThatExceptionOfType(ChecksumMismatchException.class).isThrownBy(() -> migrator(edited).upgrade("heads"))
			.withMessageContaining("V1 (filesystem:db/V1__t.sql): applied with checksum")
			.withMessageContaining("migrations.checksum-policy=warn");
	}

	@Test
	void copyFromStdinLoadsTheRowsWrittenInTheFileInsideItsTransaction() {
		SqlScript regions = new SqlScript("filesystem:db/V1__regions.sql", "V1__regions.sql", """
				CREATE TABLE region (code text PRIMARY KEY, name text, note text);
				COPY region (code, name, note) FROM stdin;
				fr\tFrance\tsemicolon; and 'quote'
				de\tGermany\t\\N
				\\.
				UPDATE region SET note = 'none' WHERE note IS NULL;
				""");
		migrator(regions).upgrade("heads");
		assertThat(this.jdbc.queryForList("SELECT code || '=' || note FROM region ORDER BY code", String.class))
			.containsExactly("de=none", "fr=semicolon; and 'quote'");
		assertThat(migrator(regions).upgradeSql("base", "heads"))
			.contains("COPY region (code, name, note) FROM stdin;\nfr\tFrance\tsemicolon; and 'quote'\n"
					+ "de\tGermany\t\\N\n\\.\nUPDATE region");
	}

	@Test
	void copyDataOfAFileWithWindowsLineEndsLoadsAndPrintsWithOneLineEndStyle() {
		SqlScript regions = new SqlScript("filesystem:db/V1__regions.sql", "V1__regions.sql",
				"CREATE TABLE region (code text PRIMARY KEY, name text);\r\nCOPY region (code, name) FROM stdin;\r\n"
						+ "fr\tFrance\r\nde\tGermany\r\n\\.\r\n");
		migrator(regions).upgrade("heads");
		assertThat(this.jdbc.queryForList("SELECT name FROM region ORDER BY code", String.class))
			.containsExactly("Germany", "France");
		assertThat(migrator(regions).upgradeSql("base", "heads"))
			.contains("COPY region (code, name) FROM stdin;\nfr\tFrance\nde\tGermany\n\\.\n")
			.doesNotContain("\r");
	}

	@Test
	void aCopyWhoseDataDoesNotLoadRollsTheWholeFileBack() {
		SqlScript regions = new SqlScript("filesystem:db/V1__regions.sql", "V1__regions.sql", """
				CREATE TABLE region (code text PRIMARY KEY, name text);
				COPY region (code, name) FROM stdin;
				fr\tFrance
				fr\tFrance again
				\\.
				""");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator(regions).upgrade("heads"))
			.withMessageContaining("V1")
			.withMessageContaining("duplicate key");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('region') IS NULL", Boolean.class)).isTrue();
	}

	@Test
	void aFileWithACommitInTheMiddleKeepsWhatItCommittedWhenALaterPartFailsAndTheFixedFileContinues() {
		String head = "CREATE TABLE t (id int PRIMARY KEY);\nINSERT INTO t VALUES (1);\nCOMMIT;\n";
		SqlScript failing = new SqlScript("filesystem:db/V1__t.sql", "V1__t.sql",
				head + "INSERT INTO t VALUES (2);\nINSERT INTO t VALUES (1);\nCOMMIT;\n");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator(failing).upgrade("heads"))
			.withMessageContaining("duplicate key");
		assertThat(this.jdbc.queryForList("SELECT id FROM t ORDER BY id", Integer.class)).containsExactly(1);
		assertThat(migrator(failing).history()).noneMatch((entry) -> entry.outcome() == Outcome.SUCCESS);
		SqlScript fixed = new SqlScript("filesystem:db/V1__t.sql", "V1__t.sql",
				head + "INSERT INTO t VALUES (2);\nINSERT INTO t VALUES (3);\nCOMMIT;\n");
		migrator(fixed).upgrade("heads");
		assertThat(this.jdbc.queryForList("SELECT id FROM t ORDER BY id", Integer.class)).containsExactly(1, 2, 3);
		assertThat(migrator(fixed).history()).filteredOn((entry) -> entry.outcome() == Outcome.SUCCESS)
			.extracting(HistoryEntry::revision)
			.containsExactly("V1");
		assertThat(migrator(fixed).upgradeSql("base", "heads")).containsSubsequence("INSERT INTO t VALUES (1);",
				"COMMIT;", "BEGIN;", "INSERT INTO t VALUES (2);");
	}

	@Test
	void aBrokenPendingFileStopsTheUpgradeBeforeAnyFileRunsNamingItsLine() {
		SqlScript good = new SqlScript("filesystem:db/V1__t.sql", "V1__t.sql", "CREATE TABLE t (id int);\n");
		SqlScript broken = new SqlScript("filesystem:db/V2__f.sql", "V2__f.sql",
				"SELECT 1;\n\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $fn$ SELECT 1;\n");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator(good, broken).upgrade("heads"))
			.withMessageContaining("filesystem:db/V2__f.sql")
			.withMessageContaining("dollar-quoted string $fn$ starting on line 3");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('t') IS NULL", Boolean.class)).isTrue();
	}

	private Migrator migrator(SqlScript... scripts) {
		return new Migrator(this.dataSource, MigrationCatalog.ofDeclared(SqlRevisions.declare(List.of(scripts))),
				new PostgresDialect(), RunSettings.defaults());
	}

	private Migrator migrator() {
		List<DeclaredRevision> revisions = new ArrayList<>(SqlRevisions.declare(load(SHOP)));
		revisions.add(DeclaredRevision.of(new AddCustomerNotes()));
		return new Migrator(this.dataSource, MigrationCatalog.ofDeclared(revisions), new PostgresDialect(),
				RunSettings.defaults());
	}

	private static List<SqlScript> load(String location) {
		return SqlScriptLocations.load(List.of(location), SqlMigrationsOnDatabaseTests.class.getClassLoader());
	}

	@Revision(id = "j3", revises = "V2", message = "customer notes, in Java after the SQL files")
	static class AddCustomerNotes implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("customer_note", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("body", ColumnType.TEXT));
		}

	}

}
