package dev.migration.test;

import dev.migration.core.AllowUnsafe;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/** Small revisions for the tester's own tests: correct ones and deliberately broken ones. */
final class TestRevisions {

	private TestRevisions() {
	}

	@Revision(id = "a1", message = "create orders")
	static class CreateOrders implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
					+ "status text NOT NULL DEFAULT 'new', total_cents bigint)");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DROP TABLE orders");
		}

	}

	@Revision(id = "b2", revises = "a1", message = "index orders status")
	static class IndexOrdersStatus implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE INDEX ix_orders_status ON orders (status)");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DROP INDEX ix_orders_status");
		}

	}

	@Revision(id = "c3", revises = "b2", message = "replace status index")
	static class ReplaceStatusIndex implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("DROP INDEX ix_orders_status");
			op.execute("CREATE INDEX ix_orders_status_total ON orders (status, total_cents)");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DROP INDEX ix_orders_status_total");
			op.execute("CREATE INDEX ix_orders_status ON orders (status)");
		}

	}

	/** Its downgrade forgets to create the index its upgrade dropped. */
	@Revision(id = "c3", revises = "b2", message = "replace status index")
	static class ForgetsIndexOnDowngrade implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("DROP INDEX ix_orders_status");
			op.execute("CREATE INDEX ix_orders_status_total ON orders (status, total_cents)");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DROP INDEX ix_orders_status_total");
		}

	}

	/** Its downgrade forgets the table, so the upgrade cannot run again. */
	@Revision(id = "c3", revises = "b2", message = "create customer")
	static class ForgetsTableOnDowngrade implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE customer (id bigint PRIMARY KEY)");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("SELECT 1");
		}

	}

	/** A second revision on top of {@code b2}, so there are two heads. */
	@Revision(id = "d4", revises = "b2", message = "add orders note")
	static class AddOrdersNote implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("ALTER TABLE orders ADD COLUMN note text");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("ALTER TABLE orders DROP COLUMN note");
		}

	}

	/** Merges the two heads {@code c3} and {@code d4}. */
	@Revision(id = "e5", revises = { "c3", "d4" }, message = "merge heads")
	static class MergeHeads implements Migration {

		@Override
		public void upgrade(Operations op) {
		}

		@Override
		public void downgrade(Operations op) {
		}

	}

	@Revision(id = "d4", revises = "c3", message = "widen total at run time")
	static class WidenTotalAtRunTime implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("DO $$ BEGIN EXECUTE 'ALTER TABLE orders ALTER COLUMN total_cents TYPE ' || 'numeric'; END $$",
					"ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint");
		}

	}

	@Revision(id = "d4", revises = "c3", message = "widen total at run time")
	@AllowUnsafe(rule = "not-checked", reason = "a rewrite in a quiet window")
	static class ReviewedWidenTotalAtRunTime extends WidenTotalAtRunTime {

	}

	@Revision(id = "d4", revises = "c3", message = "divide by zero")
	static class DivideByZero implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT 1 / 0", "SELECT 1");
		}

	}


	@Revision(id = "s0", replaces = { "a1", "b2", "c3" }, message = "orders, squashed")
	static class SquashedOrders implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
					+ "status text NOT NULL DEFAULT 'new', total_cents bigint)");
			op.execute("CREATE INDEX ix_orders_status_total ON orders (status, total_cents)");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DROP TABLE orders");
		}

	}

	@Revision(id = "s0", replaces = { "a1", "b2", "c3" }, message = "orders, squashed without the index")
	static class SquashForgetsIndex implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
					+ "status text NOT NULL DEFAULT 'new', total_cents bigint)");
			op.execute("INSERT INTO orders (status) VALUES ('seeded')");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DROP TABLE orders");
		}

	}

}
