package dev.migration.core.run;

import java.util.List;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.DropOption;

/** A small linear history used by the runner tests: account, its email index, a seed row. */
final class SampleRevisions {

	private SampleRevisions() {
	}

	static List<Migration> all() {
		return List.of(new CreateAccount(), new IndexAccountEmail(), new SeedAccount());
	}

	@Revision(id = "a1", message = "create account")
	static class CreateAccount implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("account", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("email", ColumnType.TEXT, (c) -> c.notNull()));
		}

	}

	@Revision(id = "b2", revises = "a1", message = "index account email")
	static class IndexAccountEmail implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("ix_account_email", "account", (i) -> i.on("email").concurrently());
		}

	}

	@Revision(id = "c3", revises = "b2", message = "seed account")
	static class SeedAccount implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.bulkInsert("account", List.of("email"), List.of(List.of("first@example.com")));
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DELETE FROM account WHERE email = 'first@example.com'");
		}

	}

	@Revision(id = "c3", revises = "b2", message = "seed account, changed")
	static class ChangedSeedAccount implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.bulkInsert("account", List.of("email"), List.of(List.of("other@example.com")));
		}

	}

	@Revision(id = "d4", revises = "c3", message = "drop email")
	static class DropEmail implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.dropColumn("account", "email", DropOption.CASCADE);
		}

	}

}
