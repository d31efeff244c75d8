package dev.migration.squashed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.lint.Linter;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.core.scaffold.SquashTemplate;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScriptLocations;
import dev.migration.sample.SampleRevisionsTests;
import dev.migration.test.MigrationTester;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's history squashed to one revision by {@code --migrations.command=squash} (the
 * class beside this one, in a package the sample does not scan): it builds what the 20
 * revisions build, and walks the stairway with no trace left, as a team would prove its squash.
 */
@PostgresTest(emptyBeforeEach = true)
class SquashedSampleTests {

	private static final Path COMMITTED = Path.of("src/test/java/dev/migration/squashed/Squash0020.java");

	private final DataSource dataSource;

	SquashedSampleTests(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Test
	void theSquashBuildsTheSchemaAndRowsOfTheTwentyRevisionsItReplaces() {
		MigrationTester.of(catalog(true)).assertSquashMatchesHistory("s0020");
	}

	@Test
	void theSquashedHistoryWalksTheStairwayLeavingNoTrace() {
		MigrationCatalog squashed = catalog(false);
		assertThat(squashed.graph().heads()).containsExactly("s0020");
		MigrationTester tester = MigrationTester.of(squashed);
		tester.assertStairway();
		tester.assertDowngradesLeaveNoTrace();
		assertThat(Linter.lint(squashed).hasErrors()).isFalse();
	}

	@Test
	void theCommittedSquashIsWhatTheCommandWritesToday() throws IOException {
		Migrator migrator = new Migrator(this.dataSource, history(), new PostgresDialect(), RunSettings.defaults());
		SquashTemplate.Squash squash = migrator.squash(this.dataSource, "0020", "s0020", LocalDate.now());
		assertThat(withoutDate(SquashTemplate.java(squash, "dev.migration.squashed", "Squash0020")))
			.isEqualTo(withoutDate(Files.readString(COMMITTED)));
	}

	/** The sample's revisions and SQL files, as the squash command read them. */
	private static MigrationCatalog history() {
		List<DeclaredRevision> revisions = new ArrayList<>();
		SampleRevisionsTests.REVISIONS.forEach((revision) -> revisions.add(DeclaredRevision.of(revision)));
		revisions.addAll(SqlRevisions.declare(SqlScriptLocations.load(List.of(SqlScriptLocations.DEFAULT_LOCATION),
				SquashedSampleTests.class.getClassLoader())));
		return MigrationCatalog.ofDeclared(revisions);
	}

	/** The sample's revisions and SQL files, and the squash beside them or in their place. */
	private static MigrationCatalog catalog(boolean withHistory) {
		List<DeclaredRevision> revisions = new ArrayList<>();
		if (withHistory) {
			SampleRevisionsTests.REVISIONS.forEach((revision) -> revisions.add(DeclaredRevision.of(revision)));
		}
		revisions.add(DeclaredRevision.of(new Squash0020()));
		revisions.addAll(SqlRevisions.declare(SqlScriptLocations.load(List.of(SqlScriptLocations.DEFAULT_LOCATION),
				SquashedSampleTests.class.getClassLoader())));
		return MigrationCatalog.ofDeclared(revisions);
	}

	private static String withoutDate(String source) {
		return source.replaceAll(" \\* <p>Written \\d{4}-\\d{2}-\\d{2} ", " * <p>Written ");
	}

}
