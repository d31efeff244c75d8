package dev.migration.core.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Finding SQL files in a folder on disk, without a database. */
class SqlScriptLocationsTests {

	@Test
	void aFolderMountedAsAKubernetesConfigMapYieldsEachFileOnce(@TempDir Path folder) throws IOException {
		// a config map: the files live in a timestamped hidden folder, ..data links to it, each name links into ..data
		Path version = Files.createDirectory(folder.resolve("..2026_11_29_04_00_00.123"));
		Files.writeString(version.resolve("V1__create_item.sql"), "CREATE TABLE item (id int);\n");
		Files.createSymbolicLink(folder.resolve("..data"), version.getFileName());
		Files.createSymbolicLink(folder.resolve("V1__create_item.sql"), Path.of("..data", "V1__create_item.sql"));
		List<SqlScript> scripts = SqlScriptLocations.load(List.of("filesystem:" + folder), getClass().getClassLoader());
		assertThat(scripts).singleElement().satisfies((script) -> {
			assertThat(script.location()).isEqualTo("filesystem:" + folder + "/V1__create_item.sql");
			assertThat(script.text()).isEqualTo("CREATE TABLE item (id int);\n");
		});
	}

	@Test
	void subfoldersCountHiddenFoldersAndOtherFilesDoNot(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("V1__a.sql"), "SELECT 1;");
		Files.createDirectories(folder.resolve("2026/q4"));
		Files.writeString(folder.resolve("2026/q4/V2__b.sql"), "SELECT 2;");
		Files.createDirectory(folder.resolve(".git"));
		Files.writeString(folder.resolve(".git/V9__stray.sql"), "SELECT 9;");
		Files.writeString(folder.resolve("README.md"), "not SQL");
		Files.createDirectory(folder.resolve("archive.sql"));
		List<SqlScript> scripts = SqlScriptLocations.load(List.of("filesystem:" + folder), getClass().getClassLoader());
		assertThat(scripts).extracting(SqlScript::location)
			.containsExactly("filesystem:" + folder + "/2026/q4/V2__b.sql", "filesystem:" + folder + "/V1__a.sql");
	}

	@Test
	void aFileThatIsNoMigrationIsRefusedUntilListedInIgnoreFiles(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("V1__a.sql"), "SELECT 1;");
		Files.createDirectory(folder.resolve("rollback"));
		Files.writeString(folder.resolve("rollback/1.0.0.1__schema-drop_jobs.sql"), "DROP TABLE jobs;");
		List<String> locations = List.of("filesystem:" + folder);
		List<SqlScript> all = SqlScriptLocations.load(locations, getClass().getClassLoader());
		assertThatExceptionOfType(InvalidSqlMigrationException.class).isThrownBy(() -> SqlRevisions.declare(all))
			.withMessageContaining("rollback/1.0.0.1__schema-drop_jobs.sql")
			.withMessageContaining("list it in migrations.ignore-files (such as rollback/*.sql)");
		List<SqlScript> migrations = SqlScriptLocations.load(locations, getClass().getClassLoader(),
				List.of("rollback/*.sql"));
		assertThat(SqlRevisions.declare(migrations)).extracting((revision) -> revision.id()).containsExactly("V1");
		assertThat(SqlScriptLocations.load(locations, getClass().getClassLoader(), List.of("**/rollback/**")))
			.hasSize(1);
		assertThatExceptionOfType(dev.migration.core.MigrationException.class).as("a pattern that matches nothing is a typo")
			.isThrownBy(() -> SqlScriptLocations.load(locations, getClass().getClassLoader(),
					List.of("rollback/*.sql", "rolback/*.sql")))
			.withMessageContaining("[rolback/*.sql] match no file");
	}

	@Test
	void springsFilePrefixReadsAFolderAsFilesystemDoes(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("V1__a.sql"), "SELECT 1;");
		assertThat(SqlScriptLocations.load(List.of("file:" + folder), getClass().getClassLoader()))
			.extracting(SqlScript::location)
			.containsExactly("filesystem:" + folder + "/V1__a.sql");
	}

	@Test
	void aLocationThatDoesNotExistIsAnErrorUnlessAllowedOrTheDefault(@TempDir Path folder) {
		List<String> typo = List.of("filesystem:" + folder.resolve("migratoins"));
		assertThatExceptionOfType(dev.migration.core.MigrationException.class)
			.isThrownBy(() -> SqlScriptLocations.load(typo, getClass().getClassLoader()))
			.withMessage("migrations.locations entry 'filesystem:" + folder.resolve("migratoins") + "' does not exist: "
					+ "no such folder. Fix the path (classpath:, filesystem: or file:), or, if it may be missing, set "
					+ "migrations.fail-on-missing-locations=false.");
		assertThat(SqlScriptLocations.load(typo, getClass().getClassLoader(), List.of(), true)).isEmpty();
		assertThatExceptionOfType(dev.migration.core.MigrationException.class)
			.isThrownBy(() -> SqlScriptLocations.load(List.of("classpath:db/migratoins"), getClass().getClassLoader()))
			.withMessageContaining("'classpath:db/migratoins' does not exist: no such folder on the classpath");
		assertThat(SqlScriptLocations.load(List.of("classpath:sql/adopt"), getClass().getClassLoader())).isNotEmpty();
		assertThat(SqlScriptLocations.load(List.of(SqlScriptLocations.DEFAULT_LOCATION), new java.net.URLClassLoader(
				new java.net.URL[0], null))).as("an application with Java revisions only").isEmpty();
		assertThatExceptionOfType(dev.migration.core.MigrationException.class)
			.isThrownBy(() -> SqlScriptLocations.load(List.of("s3:bucket/migrations"), getClass().getClassLoader()))
			.withMessageContaining("starts with 's3:', which this project does not read");
	}

	@Test
	void filesLargerThanOneReadAndEmptyFilesAreReadWhole(@TempDir Path folder) throws IOException {
		String large = "INSERT INTO item (name) VALUES ('\u00e9t\u00e9');\n".repeat(2_000);
		Files.writeString(folder.resolve("V1__large.sql"), large);
		Files.writeString(folder.resolve("V2__empty.sql"), "");
		List<SqlScript> scripts = SqlScriptLocations.load(List.of("filesystem:" + folder), getClass().getClassLoader());
		assertThat(scripts).extracting(SqlScript::text).containsExactly(large, "");
	}

	@Test
	void aFileThatIsNotUtf8IsRefusedNamingIt(@TempDir Path folder) throws IOException {
		Files.write(folder.resolve("V1__latin1.sql"), "SELECT 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(InvalidSqlMigrationException.class)
			.isThrownBy(() -> SqlScriptLocations.load(List.of("filesystem:" + folder), getClass().getClassLoader()))
			.withMessageContaining("V1__latin1.sql")
			.withMessageContaining("not UTF-8");
	}

	@Test
	void aLinkedFolderIsFollowedButALinkBackUpIsNotWalkedAgain(@TempDir Path folder) throws IOException {
		Path shared = Files.createDirectories(folder.resolve("shared"));
		Files.writeString(shared.resolve("V1__a.sql"), "SELECT 1;");
		Path location = Files.createDirectory(folder.resolve("migrations"));
		Files.createSymbolicLink(location.resolve("common"), shared);
		Files.createSymbolicLink(shared.resolve("loop"), location);
		List<SqlScript> scripts = SqlScriptLocations.load(List.of("filesystem:" + location), getClass().getClassLoader());
		assertThat(scripts).extracting(SqlScript::location).containsExactly("filesystem:" + location + "/common/V1__a.sql");
	}

}
