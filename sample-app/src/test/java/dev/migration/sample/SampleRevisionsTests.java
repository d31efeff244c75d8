package dev.migration.sample;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.Release;
import dev.migration.core.run.RunSettings;
import dev.migration.sample.revisions.R0001CreateCustomer;
import dev.migration.sample.revisions.R0002UniqueCustomerEmail;
import dev.migration.sample.revisions.R0003CreateOrders;
import dev.migration.sample.revisions.R0004IndexOrdersCustomer;
import dev.migration.sample.revisions.R0005OrdersCustomerForeignKey;
import dev.migration.sample.revisions.R0006ValidateOrdersCustomer;
import dev.migration.sample.revisions.R0007AddCustomerCountry;
import dev.migration.sample.revisions.R0008BackfillCustomerCountry;
import dev.migration.sample.revisions.R0009CustomerCountryCheck;
import dev.migration.sample.revisions.R0010ValidateCustomerCountry;
import dev.migration.sample.revisions.R0011CustomerCountryNotNull;
import dev.migration.sample.revisions.R0012ExpandOrdersTotalCents;
import dev.migration.sample.revisions.R0013BackfillOrdersTotalCents;
import dev.migration.sample.revisions.R0014OrdersTotalCentsCheck;
import dev.migration.sample.revisions.R0015OrdersTotalCentsNotNull;
import dev.migration.sample.revisions.R0016ContractOrdersTotal;
import dev.migration.sample.revisions.R0017RenameCustomerNameExpand;
import dev.migration.sample.revisions.R0018BackfillCustomerFullName;
import dev.migration.sample.revisions.R0019RenameCustomerNameContract;
import dev.migration.sample.revisions.R0020RetireCustomerNotes;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Walks the sample's revisions with data in the tables, as a live service would have. */
@PostgresTest(emptyBeforeEach = true)
public class SampleRevisionsTests {

	public static final List<Migration> REVISIONS = List.of(new R0001CreateCustomer(), new R0002UniqueCustomerEmail(),
			new R0003CreateOrders(), new R0004IndexOrdersCustomer(), new R0005OrdersCustomerForeignKey(),
			new R0006ValidateOrdersCustomer(), new R0007AddCustomerCountry(), new R0008BackfillCustomerCountry(),
			new R0009CustomerCountryCheck(), new R0010ValidateCustomerCountry(), new R0011CustomerCountryNotNull(),
			new R0012ExpandOrdersTotalCents(), new R0013BackfillOrdersTotalCents(), new R0014OrdersTotalCentsCheck(),
			new R0015OrdersTotalCentsNotNull(), new R0016ContractOrdersTotal(), new R0017RenameCustomerNameExpand(),
			new R0018BackfillCustomerFullName(), new R0019RenameCustomerNameContract(), new R0020RetireCustomerNotes());

	private final JdbcTemplate jdbc;

	private final Migrator migrator;

	SampleRevisionsTests(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		// the walk goes through every revision, contract ones released as an operator would
		this.migrator = Migrator.create(dataSource, REVISIONS, RunSettings.defaults()).withRelease(Release.everything());
	}

	@Test
	void rowsWrittenByTheOldSchemaSurviveEveryRevision() {
		this.migrator.upgrade("0006");
		this.jdbc.update("INSERT INTO customer (email, name, notes) SELECT 'c' || i || '@example.' || "
				+ "CASE WHEN i % 2 = 0 THEN 'fr' ELSE 'com' END, 'Customer ' || i, CASE WHEN i = 7 THEN 'vip' END "
				+ "FROM generate_series(1, 2500) i");
		this.jdbc.update("INSERT INTO orders (customer_id, total) SELECT id, id + 0.5 FROM customer");
		this.migrator.upgrade("heads");
		assertThat(this.jdbc.queryForObject("SELECT country FROM customer WHERE email = 'c2@example.fr'", String.class))
			.isEqualTo("FR");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM customer WHERE country = 'ZZ'", Integer.class))
			.isEqualTo(1250);
		assertThat(this.jdbc.queryForObject("SELECT full_name FROM customer WHERE email = 'c3@example.com'",
				String.class)).isEqualTo("Customer 3");
		assertThat(this.jdbc.queryForObject("SELECT sum(total_cents) - sum(total_retired * 100) FROM orders",
				Long.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT notes FROM customer_notes_backup", String.class)).isEqualTo("vip");
	}

	@Test
	void oldCodeWritingTheOldColumnsDuringTheTransitionStaysInStep() {
		this.migrator.upgrade("0017");
		// an instance still on the old code writes name and total only
		this.jdbc.update("INSERT INTO customer (email, name) VALUES ('old@example.com', 'Old Code')");
		this.jdbc.update("INSERT INTO orders (customer_id, total_cents, total_retired) "
				+ "SELECT id, 1250, 12.50 FROM customer");
		assertThat(this.jdbc.queryForObject("SELECT full_name FROM customer", String.class)).isEqualTo("Old Code");
		// and one on the new code writes full_name only
		this.jdbc.update("UPDATE customer SET full_name = 'New Code'");
		assertThat(this.jdbc.queryForObject("SELECT name FROM customer", String.class)).isEqualTo("New Code");
	}

	@Test
	void theOrdersTotalTriggerFillsCentsForOldCode() {
		this.migrator.upgrade("0012");
		this.jdbc.update("INSERT INTO customer (email, name) VALUES ('a@example.com', 'A')");
		this.jdbc.update("INSERT INTO orders (customer_id, total) SELECT id, 19.99 FROM customer");
		assertThat(this.jdbc.queryForObject("SELECT total_cents FROM orders", Long.class)).isEqualTo(1999L);
	}

	@Test
	void everyRevisionDowngradesAndUpgradesAgainKeepingData() {
		this.migrator.upgrade("heads");
		this.jdbc.update("INSERT INTO customer (email, full_name, country) VALUES ('k@example.de', 'Kept', 'DE')");
		this.jdbc.update("INSERT INTO orders (customer_id, total_cents) SELECT id, 700 FROM customer");
		this.migrator.downgrade("0011");
		assertThat(this.jdbc.queryForObject("SELECT name FROM customer", String.class)).isEqualTo("Kept");
		assertThat(this.jdbc.queryForObject("SELECT total FROM orders", java.math.BigDecimal.class))
			.isEqualByComparingTo("7.00");
		this.migrator.downgrade("base");
		assertThat(this.jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
				+ "AND tablename NOT LIKE 'migration_%'", String.class)).isEmpty();
		this.migrator.upgrade("heads");
		assertThat(this.migrator.current()).containsExactly("0020");
	}

}
