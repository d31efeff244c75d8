package dev.migration.sample;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScriptLocations;
import dev.migration.test.MigrationTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves every sample revision, the Java ones and the SQL files of {@code db/migration}, with the
 * migration test kit, as a team would in its own CI.
 */
class SampleMigrationKitTests {

	private final MigrationTester tester = MigrationTester.of(catalog())
		.withSeed("0003", (jdbc) -> jdbc.update("INSERT INTO customer (email, name, notes) SELECT 'c' || i || "
				+ "'@example.' || CASE WHEN i % 2 = 0 THEN 'fr' ELSE 'com' END, 'Customer ' || i, "
				+ "CASE WHEN i = 7 THEN 'vip' END FROM generate_series(1, 50) i"))
		.withSeed("0007", (jdbc) -> jdbc.update("INSERT INTO orders (customer_id, total) SELECT id, id + 0.5 FROM customer"));

	private static MigrationCatalog catalog() {
		List<DeclaredRevision> revisions = new ArrayList<>(
				SampleRevisionsTests.REVISIONS.stream().map(DeclaredRevision::of).toList());
		revisions.addAll(SqlRevisions.declare(SqlScriptLocations.load(List.of(SqlScriptLocations.DEFAULT_LOCATION),
				SampleMigrationKitTests.class.getClassLoader())));
		return MigrationCatalog.ofDeclared(revisions);
	}

	@Test
	void revisionsHaveASingleHead() {
		this.tester.assertSingleHead();
	}

	@Test
	void theSqlFilesAreProvenToo() {
		assertThat(catalog().repeatables()).extracting(DeclaredRevision::id).containsExactly("R__customer_order_totals");
	}

	@Test
	void anEmptyDatabaseUpgradesToHeads() {
		this.tester.assertUpgradesToHeads();
	}

	@Test
	void everyRevisionWalksTheStairway() {
		this.tester.assertStairway();
	}

	@Test
	void everyDowngradeLeavesNoTrace() {
		this.tester.assertDowngradesLeaveNoTrace();
	}

	@Test
	void whatPostgresDoesOnTablesWithRowsIsWhatTheLinterSays() {
		this.tester.assertTraceMatchesLint();
		assertThat(this.tester.trace().contradicted()).as("findings PostgreSQL did not bear out").isEmpty();
	}

}
