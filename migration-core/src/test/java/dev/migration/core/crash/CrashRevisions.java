package dev.migration.core.crash;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.Stage;
import dev.migration.core.schema.ColumnType;

/** Revisions that commit in parts, each of a kind the crash-point matrix interrupts everywhere. */
final class CrashRevisions {

	private CrashRevisions() {
	}

	@Revision(id = "c0", message = "accounts and orders")
	static class Base implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("account", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("email", ColumnType.TEXT)
				.column("name", ColumnType.TEXT)
				.column("plan", ColumnType.TEXT));
			op.createTable("orders", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("account_id", ColumnType.BIGINT)
				.column("total", ColumnType.NUMERIC));
			op.execute("INSERT INTO account (email, name, plan) SELECT 'a' || g || '@example.com', 'name ' || g, "
					+ "'free' FROM generate_series(1, 60) g");
			op.execute("INSERT INTO orders (account_id, total) SELECT 1 + g % 60, g * 1.25 FROM generate_series(1, 90) g");
			// an autovacuum taking its lock now and then would make one run retry and another not
			op.execute("ALTER TABLE account SET (autovacuum_enabled = false)");
			op.execute("ALTER TABLE orders SET (autovacuum_enabled = false)");
		}

	}

	@Revision(id = "c1", revises = "c0", message = "two concurrent indexes")
	static class TwoConcurrentIndexes implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("ix_account_email", "account", (i) -> i.on("email").concurrently());
			op.createIndex("ix_account_name", "account", (i) -> i.on("name").concurrently());
		}

	}

	@Revision(id = "c1", revises = "c0", message = "email required")
	static class NotNullOnline implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.setNotNullOnline("account", "email");
		}

	}

	@Revision(id = "c1", revises = "c0", message = "plan renamed to tier")
	static class RenameOnline implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.renameColumnOnline("account", "plan", "tier", ColumnType.TEXT);
		}

	}

	@Revision(id = "c1", revises = "c0", message = "plan renamed to tier, in the background", stage = Stage.BACKGROUND)
	static class RenameOnlineInTheBackground implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.renameColumnOnline("account", "plan", "tier", ColumnType.TEXT);
		}

	}

	@Revision(id = "c1", revises = "c0", message = "total in cents")
	static class TypeChangeOnline implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.changeColumnTypeOnline("orders", "total", "total_cents", ColumnType.BIGINT, "round(total * 100)",
					"total_cents / 100.0");
		}

	}

	@Revision(id = "c1", revises = "c0", message = "orders reference accounts, unique emails")
	static class ConstraintsOnline implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.addForeignKeyOnline("fk_orders_account", "orders", (f) -> f.columns("account_id").references("account", "id"));
			op.addUniqueOnline("uq_account_email", "account", "email");
		}

	}

	@Revision(id = "c1", revises = "c0", message = "fill plan, then index it")
	static class BackfillThenIndex implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.addColumn("account", "score", ColumnType.INTEGER);
			op.backfill("account", (b) -> b.set("score = id * 2").where("score IS NULL").batchSize(7));
			op.createIndex("ix_account_score", "account", (i) -> i.on("score").concurrently());
		}

	}

	/** Raw SQL outside a transaction: statements that may run in one, and two that may not. */
	@Revision(id = "c1", revises = "c0", message = "raw statements one by one", transactional = false)
	static class RawNonTransactional implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("INSERT INTO orders (account_id, total) VALUES (1, 10)");
			op.execute("CREATE INDEX CONCURRENTLY ix_orders_total ON orders (total)");
			op.execute("UPDATE account SET plan = 'paid' WHERE id % 3 = 0");
			op.execute("CREATE UNIQUE INDEX CONCURRENTLY \"UX Account Email\" ON public.account (email)");
			op.execute("ALTER TABLE orders ADD CONSTRAINT ck_orders_total CHECK (total > 0)");
			op.execute("INSERT INTO orders (account_id, total) VALUES (2, 20)");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DELETE FROM orders WHERE total IN (10, 20) AND account_id IN (1, 2)");
			op.execute("ALTER TABLE orders DROP CONSTRAINT ck_orders_total");
			op.execute("DROP INDEX CONCURRENTLY public.\"UX Account Email\"");
			op.execute("UPDATE account SET plan = 'free'");
			op.execute("DROP INDEX CONCURRENTLY ix_orders_total");
		}

	}

}
