package dev.migration.core.reliability;

import java.util.List;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;

/**
 * Three revisions whose middle one creates a table and then sleeps inside its transaction,
 * long enough for a test to kill the process that runs it.
 */
final class SlowHistory {

	/** How long the slow revision sleeps; the server only ends the killed session after it. */
	static final int SLEEP_SECONDS = 2;

	private SlowHistory() {
	}

	static List<Migration> all() {
		return List.of(new CreateBefore(), new CreateThenSleep(), new CreateAfter());
	}

	@Revision(id = "k1", message = "create before")
	static class CreateBefore implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("before_kill", (t) -> t.column("id", ColumnType.BIGINT));
		}

	}

	@Revision(id = "k2", revises = "k1", message = "create, then sleep")
	static class CreateThenSleep implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("during_kill", (t) -> t.column("id", ColumnType.BIGINT));
			op.execute("SELECT pg_sleep(" + SLEEP_SECONDS + ")");
			op.bulkInsert("during_kill", List.of("id"), List.of(List.of(1L)));
		}

	}

	@Revision(id = "k3", revises = "k2", message = "create after")
	static class CreateAfter implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("after_kill", (t) -> t.column("id", ColumnType.BIGINT));
		}

	}

}
