package dev.migration.autoconfigure.command;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.Stage;
import dev.migration.core.schema.ColumnType;

/**
 * Three revisions in a line, a1 then b2 then c3, a contract revision d4 after them, and an
 * orphan that breaks the graph.
 */
final class CommandRevisions {

	private CommandRevisions() {
	}

	@Revision(id = "a1", message = "create item")
	static class CreateItem implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("item", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("name", ColumnType.TEXT, (c) -> c.notNull()));
		}

	}

	@Revision(id = "b2", revises = "a1", message = "add item price")
	static class AddPrice implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.addColumn("item", "price", ColumnType.INTEGER);
		}

	}

	@Revision(id = "c3", revises = "b2", message = "seed items")
	static class SeedItems implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("INSERT INTO item (name, price) VALUES ('pen', 2)", "DELETE FROM item WHERE name = 'pen'");
		}

	}

	@Revision(id = "d4", revises = "c3", message = "clear seed names", stage = Stage.CONTRACT)
	static class ClearNames implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("UPDATE item SET name = '' WHERE name = 'pen'", "UPDATE item SET name = 'pen' WHERE name = ''");
		}

	}

	@Revision(id = "x9", revises = "missing", message = "revises a revision nobody declares")
	static class Orphan implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT 1", "SELECT 1");
		}

	}

}
