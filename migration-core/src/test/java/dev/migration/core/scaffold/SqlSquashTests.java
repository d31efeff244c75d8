package dev.migration.core.scaffold;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScriptLocations;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A history of SQL files squashed as the squash command does it: a baseline file beside the
 * last file it replaces, which a database with those files takes without running, and which a
 * new database starts from.
 */
@PostgresTest(emptyBeforeEach = true)
class SqlSquashTests {

	@TempDir
	Path root;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	SqlSquashTests(TestDatabase database) {
		this.dataSource = database.dataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	@Test
	void theBaselineFileStandsBesideTheLastFileItReplacesAndBothKindsOfDatabaseGoOnFromIt() throws Exception {
		TempProject project = TempProject.maven(this.root)
			.sql("V0001__customer.sql", "CREATE TABLE customer (id integer PRIMARY KEY, name text);\n")
			.sql("V0002__seed.sql", "INSERT INTO customer VALUES (1, 'Ada');\n")
			.sql("V0003__email.sql", "ALTER TABLE customer ADD COLUMN email text;\n");
		migrator().upgrade("heads");
		TestDatabase scratch = TestDatabaseServer.get().createDatabase("squash_scratch");
		SquashTemplate.Squash squash;
		try {
			squash = migrator().squash(scratch.dataSource(), "heads", "unused", LocalDate.of(2026, 12, 4));
		}
		finally {
			TestDatabaseServer.get().dropDatabase(scratch);
		}
		assertThat(migrator().isSqlHistory(squash)).isTrue();
		RevisionSource source = project.scaffold(TempProject.noBuild()).squash(squash, true);
		Path file = source.write();
		assertThat(file).isEqualTo(this.root.resolve("src/main/resources/db/migration/B0003__baseline.sql"));
		assertThat(Files.readString(file)).startsWith("-- replaces: V1, V2, V3\n");
		project.sql("V0004__phone.sql", "ALTER TABLE customer ADD COLUMN phone text;\n");
		// the database that has the files takes the baseline in their place and runs only the new file
		assertThat(migrator().upgrade("heads").steps()).extracting(AppliedStep::revision).containsExactly("V4");
		assertThat(this.jdbc.queryForList("SELECT revision FROM migration_history_state ORDER BY revision",
				String.class)).containsExactly("B3", "V4");
		// a new database starts from the baseline once the replaced files are gone
		Files.delete(this.root.resolve("src/main/resources/db/migration/V0001__customer.sql"));
		Files.delete(this.root.resolve("src/main/resources/db/migration/V0002__seed.sql"));
		Files.delete(this.root.resolve("src/main/resources/db/migration/V0003__email.sql"));
		this.jdbc.execute("DROP SCHEMA public CASCADE");
		this.jdbc.execute("CREATE SCHEMA public");
		assertThat(migrator().upgrade("heads").steps()).extracting(AppliedStep::revision).containsExactly("B3", "V4");
		assertThat(this.jdbc.queryForList("SELECT name FROM customer", String.class)).containsExactly("Ada");
	}

	private Migrator migrator() {
		return new Migrator(this.dataSource, MigrationCatalog.ofDeclared(SqlRevisions.declare(SqlScriptLocations.load(
				List.of("filesystem:" + this.root.resolve("src/main/resources/db/migration")),
				getClass().getClassLoader()))), new PostgresDialect(), RunSettings.defaults());
	}

}
