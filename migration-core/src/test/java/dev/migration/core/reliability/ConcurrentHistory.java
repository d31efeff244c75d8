package dev.migration.core.reliability;

import java.util.List;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;

/**
 * Ten revisions for the concurrent-runner tests. Each one also appends its id to
 * {@code applied_mark}, which has no unique key, so a revision applied twice shows up as a
 * duplicate row even if the history tables were to hide it. One revision builds an index
 * concurrently (so it runs outside a transaction) and one sleeps, so the runners overlap.
 */
final class ConcurrentHistory {

	private ConcurrentHistory() {
	}

	static List<Migration> all() {
		return List.of(new CreateMark(), new CreateItem(), new IndexItemName(), new SlowAddPrice(), new CreateCustomer(),
				new AddCustomerToItem(), new CreateItemView(), new CreateOrderSequence(), new SeedItems(),
				new CreateStatusType());
	}

	static List<String> ids() {
		return List.of("r01", "r02", "r03", "r04", "r05", "r06", "r07", "r08", "r09", "r10");
	}

	private static void mark(Operations op, String revision) {
		op.bulkInsert("applied_mark", List.of("revision"), List.of(List.of(revision)));
	}

	@Revision(id = "r01", message = "create applied mark")
	static class CreateMark implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("applied_mark", (t) -> t.column("revision", ColumnType.TEXT, (c) -> c.notNull()));
			mark(op, "r01");
		}

	}

	@Revision(id = "r02", revises = "r01", message = "create item")
	static class CreateItem implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("item", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("name", ColumnType.TEXT, (c) -> c.notNull()));
			mark(op, "r02");
		}

	}

	@Revision(id = "r03", revises = "r02", message = "index item name")
	static class IndexItemName implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("ix_item_name", "item", (i) -> i.on("name").concurrently());
			mark(op, "r03");
		}

	}

	@Revision(id = "r04", revises = "r03", message = "add price, slowly")
	static class SlowAddPrice implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT pg_sleep(0.3)");
			op.addColumn("item", "price", ColumnType.numeric(10, 2));
			mark(op, "r04");
		}

	}

	@Revision(id = "r05", revises = "r04", message = "create customer")
	static class CreateCustomer implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("customer", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("email", ColumnType.TEXT));
			mark(op, "r05");
		}

	}

	@Revision(id = "r06", revises = "r05", message = "add customer to item")
	static class AddCustomerToItem implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.addColumn("item", "customer_id", ColumnType.BIGINT);
			mark(op, "r06");
		}

	}

	@Revision(id = "r07", revises = "r06", message = "create item view")
	static class CreateItemView implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createView("item_name", "SELECT id, name FROM item");
			mark(op, "r07");
		}

	}

	@Revision(id = "r08", revises = "r07", message = "create order sequence")
	static class CreateOrderSequence implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createSequence("order_number");
			mark(op, "r08");
		}

	}

	@Revision(id = "r09", revises = "r08", message = "seed items")
	static class SeedItems implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.bulkInsert("item", List.of("name"), List.of(List.of("first"), List.of("second")));
			mark(op, "r09");
		}

	}

	@Revision(id = "r10", revises = "r09", message = "create status type")
	static class CreateStatusType implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createEnumType("item_status", "new", "sold");
			mark(op, "r10");
		}

	}

}
