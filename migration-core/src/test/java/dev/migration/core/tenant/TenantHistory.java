package dev.migration.core.tenant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migration.core.Migration;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.core.schema.ColumnType;

/** The four revisions every tenant of the tests gets, the same in the test's JVM and in a child's. */
final class TenantHistory {

	private TenantHistory() {
	}

	static Migrator migrator(DataSource dataSource) {
		List<Migration> revisions = List.of((op) -> {
			op.createTable("account", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("name", ColumnType.TEXT));
			// long enough for tenants to overlap, and logged where the test can see the overlap
			op.execute("SELECT pg_sleep(0.1)");
			// a tenant of a database of its own has no log: one in its public schema would be a table no history owns
			op.execute("DO $$ BEGIN IF to_regclass('public.fanout_log') IS NOT NULL THEN INSERT INTO public.fanout_log "
					+ "VALUES (current_schema(), transaction_timestamp(), clock_timestamp()); END IF; END $$");
		}, (op) -> op.addColumn("account", "email", ColumnType.TEXT),
				(op) -> op.createIndex("account_email_idx", "account", (i) -> i.on("email").concurrently()),
				(op) -> op.execute("INSERT INTO account (name) VALUES ('first')", "DELETE FROM account"));
		List<DeclaredRevision> declared = new ArrayList<>();
		for (int i = 0; i < revisions.size(); i++) {
			RevisionNode node = (i == 0) ? RevisionNode.of("a1", "step 1")
					: RevisionNode.of("a" + (i + 1), "step " + (i + 1), "a" + i);
			declared.add(new DeclaredRevision(node, revisions.get(i), true));
		}
		return new Migrator(dataSource, MigrationCatalog.ofDeclared(declared), new PostgresDialect(),
				RunSettings.defaults().withLockRetries(0, Duration.ZERO));
	}

}
