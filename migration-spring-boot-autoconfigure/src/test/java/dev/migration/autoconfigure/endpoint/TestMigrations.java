package dev.migration.autoconfigure.endpoint;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;

/** Revisions the endpoint, health and metrics tests register as beans. */
public final class TestMigrations {

	/** The credentials {@link Broken} quotes in its failure; no response may show them. */
	public static final String SECRET = "hunter2";

	private TestMigrations() {
	}

	@Revision(id = "1000aa", message = "create greeting")
	public static class CreateGreeting implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("greeting", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("text", ColumnType.TEXT, (c) -> c.notNull()));
		}

	}

	@Revision(id = "1001bb", revises = "1000aa", message = "seed greeting")
	public static class SeedGreeting implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("INSERT INTO greeting (text) VALUES ('hello')", "DELETE FROM greeting WHERE text = 'hello'");
		}

	}

	/** Takes a second and cannot be reverted: for concurrent runs and missing downgrade SQL. */
	@Revision(id = "2000cc", revises = "1001bb", message = "pause")
	public static class Pause implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT pg_sleep(1)");
		}

	}

	/**
	 * Fails with a message that quotes a JDBC URL with credentials, after a statement that
	 * stays, so the history log records the failure.
	 */
	@Revision(id = "2000dd", revises = "1001bb", message = "broken", transactional = false)
	public static class Broken implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE broken (id int)", "DROP TABLE broken");
			op.execute("SELECT 'jdbc:postgresql://app:" + SECRET + "@db/app?password=" + SECRET + "'::int", "SELECT 1");
		}

	}

	@Revision(id = "2002dd", revises = "1001bb", message = "index greeting text, unsafely")
	static class UnsafeIndex implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("ix_greeting_text", "greeting", (i) -> i.on("text"));
		}

	}

	/**
	 * Sets a role's password and fails (the role is not there) after a statement that stays, so
	 * the failure is logged: its SQL, its failure and its history show no password.
	 */
	@Revision(id = "3000ee", revises = "1001bb", message = "reporting role", transactional = false)
	public static class CreatesRole implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT 1");
			op.execute("ALTER ROLE endpoint_reporting_absent LOGIN PASSWORD 'hunter2'");
		}

	}

}
