package dev.migration.autoconfigure;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;

/** Two revisions the auto-configuration tests register as beans. */
final class TestRevisions {

	private TestRevisions() {
	}

	@Revision(id = "1000", message = "create greeting")
	static class CreateGreeting implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("greeting", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("text", ColumnType.TEXT, (c) -> c.notNull()));
		}

	}

	@Revision(id = "2000", revises = "1000", message = "seed greeting")
	static class SeedGreeting implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("INSERT INTO greeting (text) VALUES ('hello')", "DELETE FROM greeting WHERE text = 'hello'");
		}

	}

	@Revision(id = "3000", revises = "2000", message = "index greeting text, unsafely")
	static class UnsafeIndex implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("ix_greeting_text", "greeting", (i) -> i.on("text"));
		}

	}

}
