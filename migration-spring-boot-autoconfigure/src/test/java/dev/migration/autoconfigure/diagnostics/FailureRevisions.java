package dev.migration.autoconfigure.diagnostics;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;

/**
 * A small history, f1 then f2, and revisions that break a start in one way each.
 */
final class FailureRevisions {

	private FailureRevisions() {
	}

	@Revision(id = "f1", message = "create widget")
	static class CreateWidget implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("widget", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("name", ColumnType.TEXT));
		}

	}

	@Revision(id = "f2", revises = "f1", message = "seed widget")
	static class SeedWidget implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("INSERT INTO widget (name) VALUES ('cog')", "DELETE FROM widget WHERE name = 'cog'");
		}

	}

	/** f2 as it ran, changed afterwards. */
	@Revision(id = "f2", revises = "f1", message = "seed widget")
	static class ChangedSeedWidget implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("INSERT INTO widget (name) VALUES ('sprocket')", "DELETE FROM widget WHERE name = 'sprocket'");
		}

	}

	@Revision(id = "f3", revises = "f2", message = "index widget name, unsafely")
	static class UnsafeIndex implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("ix_widget_name", "widget", (i) -> i.on("name"));
		}

	}

	@Revision(id = "f3", revises = "f2", message = "a statement PostgreSQL rejects")
	static class BrokenStatement implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("ALTER TABLE widget ADD COLUMN price numeric NOT NULL DEFAULT 'free'",
					"ALTER TABLE widget DROP COLUMN price");
		}

	}

	@Revision(id = "f3", revises = "f2", message = "waits while another run holds the lock")
	static class Slow implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT pg_sleep(3)", "SELECT 1");
		}

	}

	@Revision(id = "b1", revises = "f1", message = "one branch")
	static class BranchOne implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT 1", "SELECT 1");
		}

	}

	@Revision(id = "b2", revises = "f1", message = "another branch")
	static class BranchTwo implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT 1", "SELECT 1");
		}

	}

	@Revision(id = "c1", revises = "c2", message = "one half of a loop")
	static class LoopOne implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT 1", "SELECT 1");
		}

	}

	@Revision(id = "c2", revises = "c1", message = "the other half of a loop")
	static class LoopTwo implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT 1", "SELECT 1");
		}

	}

	@Revision(id = "o1", revises = "gone", message = "revises a revision nobody declares")
	static class Orphan implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT 1", "SELECT 1");
		}

	}

	/** A migration that forgot its {@code @Revision}. */
	static class Unannotated implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT 1", "SELECT 1");
		}

	}

	@Revision(id = "s9", replaces = { "f1", "f2" }, message = "squash of f1 and f2")
	static class SquashWidget implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE widget (id bigint PRIMARY KEY, name text)", "DROP TABLE widget");
		}

	}

}
