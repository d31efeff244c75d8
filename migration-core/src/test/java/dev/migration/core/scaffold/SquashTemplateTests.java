package dev.migration.core.scaffold;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScript;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A squash written as Java compiles and runs what it was given, byte for byte; written as SQL, it splits back into it. */
@PostgresTest(emptyBeforeEach = true)
class SquashTemplateTests {

	private static final String AWKWARD = "it's \\\\ a \"quoted\" line\nwith é, 日本, a tab\tand \\u0041 left as written";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	SquashTemplateTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Test
	void theJavaClassCompilesAndRunsEveryStatementAsGivenAcrossItsSplitMethodsAndLiterals(@TempDir Path folder)
			throws Exception {
		String source = SquashTemplate.java(squash(), "com.example.squash", "Squashed");
		Migration migration = CompiledSource.migration(folder, "com.example.squash", "Squashed", source);
		assertThat(DeclaredRevision.of(migration).replaces()).hasSize(20).startsWith("r1", "r2");
		Migrator migrator = Migrator.create(this.dataSource, List.of(migration), RunSettings.defaults());
		migrator.upgrade("heads");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM item", Integer.class)).isEqualTo(452);
		assertThat(this.jdbc.queryForObject("SELECT note FROM item WHERE id = 0", String.class)).isEqualTo(AWKWARD);
		assertThat(this.jdbc.queryForObject("SELECT length(note) FROM item WHERE id = -1", Integer.class))
			.isEqualTo(40_000);
		migrator.downgrade("base");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('item') IS NULL", Boolean.class)).isTrue();
		assertThat(source).contains("upgrade2(op);").doesNotContain("日本");
	}

	@Test
	void theSqlFileSplitsBackIntoTheStatementsAndNamesWhatItReplaces() {
		String text = SquashTemplate.sql(squash());
		List<DeclaredRevision> declared = SqlRevisions
			.declare(List.of(new SqlScript("classpath:db/migration/B20__squash.sql", "B20__squash.sql", text)));
		assertThat(declared.get(0).replaces()).hasSize(20).startsWith("r1", "r2");
		new Migrator(this.dataSource, MigrationCatalog.ofDeclared(declared), new PostgresDialect(),
				RunSettings.defaults()).upgrade("heads");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM item", Integer.class)).isEqualTo(452);
		assertThat(this.jdbc.queryForObject("SELECT note FROM item WHERE id = 0", String.class)).isEqualTo(AWKWARD);
	}

	private static SquashTemplate.Squash squash() {
		List<String> upgrade = new ArrayList<>();
		upgrade.add("CREATE TABLE item (id integer PRIMARY KEY, note text)");
		upgrade.add("INSERT INTO item VALUES (0, " + new PostgresDialect().literal(AWKWARD) + ")");
		upgrade.add("INSERT INTO item VALUES (-1, '" + "x".repeat(40_000) + "')");
		for (int i = 1; i <= 450; i++) {
			upgrade.add("INSERT INTO item VALUES (" + i + ", 'row " + i + "')");
		}
		List<String> replaces = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			replaces.add("r" + i);
		}
		return new SquashTemplate.Squash("s20", "items, squashed", replaces, upgrade, List.of("DROP TABLE item"),
				"a scratch database at r20", LocalDate.of(2026, 12, 4));
	}

}
