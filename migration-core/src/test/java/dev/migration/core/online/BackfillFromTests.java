package dev.migration.core.online;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.dialect.SqlStatement;
import dev.migration.core.op.RecordedOps;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A backfill filling a column from another table, as an {@code UPDATE ... FROM} with aliases. */
@PostgresTest(emptyBeforeEach = true)
class BackfillFromTests {

	private static final int CUSTOMERS = 500;

	private static final int ORDERS = 4_000;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	BackfillFromTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@BeforeEach
	void ordersOfCustomers() {
		// both tables have an id, so an unqualified key would be ambiguous in the join
		this.jdbc.execute("CREATE TABLE customers (id bigint PRIMARY KEY, uuid uuid NOT NULL DEFAULT gen_random_uuid())");
		this.jdbc.execute("CREATE TABLE orders (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), customer_id bigint, "
				+ "customer_uuid uuid)");
		this.jdbc.update("INSERT INTO customers (id) SELECT i FROM generate_series(1, ?) i", CUSTOMERS);
		this.jdbc.update("INSERT INTO orders (customer_id) SELECT i % ? + 1 FROM generate_series(1, ?) i", CUSTOMERS,
				ORDERS);
		// an order without a customer has nothing to be filled from, and is not left behind for it
		this.jdbc.update("INSERT INTO orders (customer_id) VALUES (NULL)");
	}

	@Test
	void rendersTheJoinIntoEachBatchWithTheKeyOfTheAliasedTable() {
		List<SqlStatement> statements = RecordedOps.of((op) -> op.backfill("orders", (b) -> b.as("o")
			.from("customers c")
			.set("customer_uuid = c.uuid")
			.where("o.customer_id = c.id AND o.customer_uuid IS NULL")))
			.stream()
			.flatMap((op) -> new PostgresDialect().render(op).stream())
			.toList();
		assertThat(statements.get(2).sql()).contains("""
				UPDATE orders AS o SET customer_uuid = c.uuid
				                FROM customers c
				                WHERE (bf_last IS NULL OR o.id > bf_last) AND o.id <= bf_batch_last \
				AND (o.customer_id = c.id AND o.customer_uuid IS NULL);""");
	}

	@Test
	void fillsAForeignKeyFromTheReferencedTableThroughAliases() {
		Revisions.of(this.dataSource, (op) -> op.backfill("orders", (b) -> b.as("o")
			.from("customers c")
			.set("customer_uuid = c.uuid")
			.where("o.customer_id = c.id AND o.customer_uuid IS NULL")
			.batchSize(300)
			.targetBatchDuration(Duration.ZERO))).upgrade("heads");
		assertFilled();
	}

	@Test
	void fillsAForeignKeyFromTheReferencedTableByTheirOwnNames() {
		Revisions.of(this.dataSource, (op) -> op.backfill("orders", (b) -> b.from("customers")
			.set("customer_uuid = customers.uuid")
			.where("orders.customer_id = customers.id AND orders.customer_uuid IS NULL")
			.batchSize(300)
			.targetBatchDuration(Duration.ZERO))).upgrade("heads");
		assertFilled();
	}

	private void assertFilled() {
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id "
				+ "WHERE o.customer_uuid IS DISTINCT FROM c.uuid", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM orders WHERE customer_uuid IS NULL", Integer.class))
			.isOne();
		assertThat(this.jdbc.queryForObject("SELECT rows_done FROM migration_backfill_progress", Long.class))
			.isEqualTo(ORDERS);
	}

}
