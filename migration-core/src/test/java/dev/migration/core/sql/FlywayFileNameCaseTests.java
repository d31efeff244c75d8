package dev.migration.core.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Which file names Flyway 11 takes for migrations, asked of Flyway itself, and the answer here. */
@PostgresTest(emptyBeforeEach = true)
class FlywayFileNameCaseTests {

	private final TestDatabase database;

	FlywayFileNameCaseTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void theFilesFlywayMigratesAreTheOnesThisProjectReads(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("V1__lower.sql"), "CREATE TABLE lower_case (id int);\n");
		Files.writeString(folder.resolve("V2__upper.SQL"), "CREATE TABLE upper_case (id int);\n");
		Files.writeString(folder.resolve("v3__small_prefix.sql"), "CREATE TABLE small_prefix (id int);\n");
		List<String> flyway = Arrays.stream(Flyway.configure()
			.dataSource(this.database.url(), this.database.user(), this.database.password())
			.locations("filesystem:" + folder)
			.load()
			.info()
			.all()).map(MigrationInfo::getScript).sorted().toList();
		assertThat(flyway).as("what Flyway 11 takes").containsExactly("V1__lower.sql", "V2__upper.SQL");
		Files.delete(folder.resolve("v3__small_prefix.sql"));
		List<DeclaredRevision> ours = SqlRevisions
			.declare(SqlScriptLocations.load(List.of("filesystem:" + folder), getClass().getClassLoader()));
		assertThat(ours).extracting(DeclaredRevision::id).containsExactly("V1", "V2");
	}

	@Test
	void aFileFlywayWouldPassOverInSilenceIsRefusedNamingIt(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("v3__small_prefix.sql"), "CREATE TABLE small_prefix (id int);\n");
		List<SqlScript> scripts = SqlScriptLocations.load(List.of("filesystem:" + folder), getClass().getClassLoader());
		assertThatExceptionOfType(InvalidSqlMigrationException.class).isThrownBy(() -> SqlRevisions.declare(scripts))
			.withMessageContaining("v3__small_prefix.sql")
			.withMessageContaining("follows none of the forms");
	}

}
