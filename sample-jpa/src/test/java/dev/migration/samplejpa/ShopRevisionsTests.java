package dev.migration.samplejpa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.lint.Linter;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.jpa.EntityModelCheck;
import dev.migration.jpa.EntitySchema;
import dev.migration.jpa.generate.DeclaredRenames;
import dev.migration.jpa.generate.GeneratedRevision;
import dev.migration.jpa.generate.RevisionWriter;
import dev.migration.samplejpa.revisions.AddCustomerLoyaltyTier;
import dev.migration.samplejpa.revisions.CreateCustomerAndPurchaseOrder;
import dev.migration.samplejpa.shop.Customer;
import dev.migration.samplejpa.shop.PurchaseOrder;
import dev.migration.test.MigrationTester;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop's history, written by autogenerate: the entities match it, every revision goes up and
 * down cleanly, and the field added to customers with rows in the table came with its backfill.
 */
class ShopRevisionsTests {

	private static final List<Migration> REVISIONS = List.of(new CreateCustomerAndPurchaseOrder(),
			new AddCustomerLoyaltyTier());

	private final MigrationTester tester = MigrationTester.of(REVISIONS);

	@Test
	void theEntitiesMatchTheRevisions() {
		this.tester.assertEntitiesMatchRevisions(Customer.class, PurchaseOrder.class);
	}

	@Test
	void everyRevisionUpgradesAndDowngradesCleanly() {
		this.tester.assertSingleHead();
		this.tester.assertStairway();
		this.tester.assertDowngradesLeaveNoTrace();
	}

	@Test
	void theRevisionsHaveNoLintError() {
		assertThat(Linter.lint(MigrationCatalog.of(REVISIONS)).errors()).isEmpty();
	}

	@Test
	void customersThatExistedBeforeTheTierGetItAndTheColumnEndsNotNull() {
		TestDatabaseServer server = TestDatabaseServer.get();
		TestDatabase database = server.createDatabase("shop_rows");
		try {
			Migrator migrator = new Migrator(database.dataSource(), MigrationCatalog.of(REVISIONS), new PostgresDialect(),
					RunSettings.defaults());
			migrator.upgrade(revisionId(CreateCustomerAndPurchaseOrder.class));
			JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
			jdbc.update("INSERT INTO customer (email, name, joined_at) SELECT 'c' || n || '@example.com', 'c' || n, now() "
					+ "FROM generate_series(1, 2500) n");
			migrator.upgrade("heads");
			assertThat(jdbc.queryForList("SELECT DISTINCT loyalty_tier FROM customer", String.class))
				.containsExactly("BRONZE");
			assertThat(jdbc.queryForObject("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'customer'::regclass "
					+ "AND attname = 'loyalty_tier'", Boolean.class)).isTrue();
			assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_constraint WHERE conrelid = 'customer'::regclass "
					+ "AND NOT convalidated", Integer.class)).isZero();
		}
		finally {
			server.dropDatabase(database);
		}
	}

	/** The committed revision is the one autogenerate writes for the new field, to the statement. */
	@Test
	void theTierRevisionIsWhatAutogenerateWritesForTheNewField() throws Exception {
		GeneratedRevision generated = RevisionWriter.write(EntityModelCheck
			.of(MigrationCatalog.of(List.of(new CreateCustomerAndPurchaseOrder())))
			.compare(EntitySchema.of(Customer.class, PurchaseOrder.class)), DeclaredRenames.NONE);
		assertThat(generated.unwritten()).isEmpty();
		assertThat(upgradeStatements(AddCustomerLoyaltyTier.class)).isEqualTo(generated.body().upgrade());
	}

	private static List<String> upgradeStatements(Class<?> revision) throws Exception {
		String source = Files.readString(Path.of("src/main/java", revision.getName().replace('.', '/') + ".java"));
		Matcher body = Pattern.compile("public void upgrade\\(Operations op\\) \\{\\n(.*?)\\n\\t}", Pattern.DOTALL)
			.matcher(source);
		assertThat(body.find()).as("the upgrade of %s", revision.getSimpleName()).isTrue();
		return body.group(1).lines().map(String::strip).toList();
	}

	private static String revisionId(Class<?> revision) {
		return revision.getAnnotation(dev.migration.core.Revision.class).id();
	}

}
