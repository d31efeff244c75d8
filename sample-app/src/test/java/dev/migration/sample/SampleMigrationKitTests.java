package dev.migration.sample;

import org.junit.jupiter.api.Test;

import dev.migration.test.MigrationTester;

/** Proves every sample revision with the migration test kit, as a team would in its own CI. */
class SampleMigrationKitTests {

	private final MigrationTester tester = MigrationTester.of(SampleRevisionsTests.REVISIONS)
		.withSeed("0003", (jdbc) -> jdbc.update("INSERT INTO customer (email, name, notes) SELECT 'c' || i || "
				+ "'@example.' || CASE WHEN i % 2 = 0 THEN 'fr' ELSE 'com' END, 'Customer ' || i, "
				+ "CASE WHEN i = 7 THEN 'vip' END FROM generate_series(1, 50) i"))
		.withSeed("0007", (jdbc) -> jdbc.update("INSERT INTO orders (customer_id, total) SELECT id, id + 0.5 FROM customer"));

	@Test
	void revisionsHaveASingleHead() {
		this.tester.assertSingleHead();
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

}
