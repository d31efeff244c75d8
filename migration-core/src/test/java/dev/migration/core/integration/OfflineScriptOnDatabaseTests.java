package dev.migration.core.integration;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.dialect.PostgresScanner;
import dev.migration.core.execute.Direction;
import dev.migration.core.execute.ExecutionSettings;
import dev.migration.core.execute.OfflineScripts;
import dev.migration.core.op.CommentOnColumn;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.QualifiedName;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the offline script on one fresh database and the same revisions online on another, and
 * compares what they built: the script must do exactly what an online run does.
 */
@PostgresTest
class OfflineScriptOnDatabaseTests {

	private static final List<String> TRICKY = List.of("O'Brien", "back\\slash \\n not a newline",
			"semi;\ncolon", "-- not a comment", "/* not a comment */", "$$dollar$$ $tag$", "Zoë 🎉", "E'x'", "");

	private static final String UPDATED_EMAIL = "O'Brien? \\ $$ -- x";

	private static final MigrationCatalog CATALOG = MigrationCatalog
		.of(List.of(new CreateTables(), new IndexConcurrently(), new InsertRows(), new Evolve(), new AddLabel()));

	private static final OfflineScripts SCRIPTS = new OfflineScripts(CATALOG, new PostgresDialect(),
			ExecutionSettings.defaults());

	private final DataSource online;

	private TestDatabase offline;

	OfflineScriptOnDatabaseTests(DataSource dataSource) {
		this.online = dataSource;
	}

	@AfterEach
	void dropOfflineDatabase() {
		if (this.offline != null) {
			TestDatabaseServer.get().dropDatabase(this.offline);
		}
	}

	@Test
	void upgradeScriptBuildsTheSameSchemaAndRowsAsAnOnlineRun() throws SQLException {
		this.offline = TestDatabaseServer.get().createDatabase("offline_upgrade");
		runScript(this.offline.dataSource(), SCRIPTS.upgrade(Set.of(), "heads"));
		for (DeclaredRevision revision : CATALOG.upgradePath(Set.of(), "heads")) {
			Steps.run(this.online, revision, Direction.UPGRADE, ExecutionSettings.defaults());
		}
		Catalog fromScript = new Catalog(this.offline.dataSource());
		Catalog fromRun = new Catalog(this.online);
		assertThat(fromRun.describe()).contains("enum public.ticket_state open,pending,it's closed",
				"index CREATE UNIQUE INDEX ix_customer_email ON public.customer USING btree (email) valid true",
				"constraint public.ticket.fk_ticket_customer FOREIGN KEY (customer_id) REFERENCES customer(id)"
						+ " validated true");
		assertThat(fromScript.describe()).isEqualTo(fromRun.describe());
		assertThat(fromRun.textRows("customer")).hasSize(TRICKY.size()).extracting((row) -> row.get(1))
			.containsExactlyElementsOf(TRICKY);
		assertThat(fromRun.textRows("customer")).filteredOn((row) -> row.get(2).startsWith(UPDATED_EMAIL)).hasSize(2);
		assertThat(fromScript.textRows("customer")).isEqualTo(fromRun.textRows("customer"));
		assertThat(fromScript.textRows("ticket")).hasSize(3).isEqualTo(fromRun.textRows("ticket"));
		assertThat(fromScript.textRows("ticket_no")).isEqualTo(fromRun.textRows("ticket_no"));
	}

	@Test
	void downgradeScriptTakesTheScriptsSchemaBackToAnEmptyDatabase() throws SQLException {
		this.offline = TestDatabaseServer.get().createDatabase("offline_downgrade");
		Catalog catalog = new Catalog(this.offline.dataSource());
		List<String> empty = catalog.describe();
		runScript(this.offline.dataSource(), SCRIPTS.upgrade(Set.of(), "heads"));
		assertThat(catalog.describe()).isNotEqualTo(empty);
		runScript(this.offline.dataSource(), SCRIPTS.downgrade(Set.of("o5_label"), "base"));
		assertThat(catalog.describe()).isEqualTo(empty);
	}

	/** Runs a script statement by statement in auto-commit mode, as psql does. */
	private static void runScript(DataSource dataSource, String script) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : PostgresScanner.split(script)) {
				statement.execute(sql);
			}
		}
	}

	@Revision(id = "o1_tables", message = "customers and tickets")
	static class CreateTables implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createEnumType("ticket_state", "open", "it's closed");
			op.createSequence("ticket_no", (s) -> s.startWith(1000).incrementBy(10));
			op.createTable("customer", (t) -> t.comment("who buys; it's \\ tricky")
				.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("name", ColumnType.TEXT, (c) -> c.notNull())
				.column("email", ColumnType.varchar(100), (c) -> c.collation("C"))
				.column("joined", ColumnType.DATE, (c) -> c.defaultValue(LocalDate.of(2020, 1, 1)))
				.column("meta", ColumnType.JSONB, (c) -> c.defaultValue("{}"))
				.column("token", ColumnType.UUID)
				.column("photo", ColumnType.BYTEA));
			op.createTable("ticket", (t) -> t.column("id", ColumnType.INTEGER, (c) -> c.primaryKey())
				.column("customer_id", ColumnType.BIGINT)
				.column("state", ColumnType.named("ticket_state"), (c) -> c.notNull().defaultValue("open"))
				.column("tags", ColumnType.TEXT.array())
				.column("price", ColumnType.numeric(10, 2))
				.column("number", ColumnType.BIGINT, (c) -> c.defaultExpression("nextval('ticket_no')"))
				.column("opened", ColumnType.timestamptz(3))
				.column("opened_local", ColumnType.TIMESTAMP)
				.column("opened_day", ColumnType.DATE));
		}

	}

	@Revision(id = "o2_index", revises = "o1_tables", message = "indexes built concurrently")
	static class IndexConcurrently implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("ix_customer_email", "customer", (i) -> i.on("email").unique().concurrently());
			op.createIndex("ix_ticket_tags", "ticket", (i) -> i.on("tags").using("gin").concurrently());
		}

	}

	@Revision(id = "o3_rows", revises = "o2_index", message = "rows with tricky values")
	static class InsertRows implements Migration {

		@Override
		public void upgrade(Operations op) {
			List<List<Object>> customers = new ArrayList<>();
			for (int i = 0; i < TRICKY.size(); i++) {
				String text = TRICKY.get(i);
				customers.add(Arrays.asList(i + 1, text, "c" + i + "@example.com",
						"{\"note\": \"" + text.replace("\\", "\\\\").replace("\n", "\\n") + "\", \"n\": " + i + "}",
						(i % 2 == 0) ? UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)) : null,
						(i % 3 == 0) ? new byte[] { (byte) i, 0, 39, 92 } : null));
			}
			op.bulkInsert("customer", List.of("id", "name", "email", "meta", "token", "photo"), customers);
			OffsetDateTime opened = OffsetDateTime.of(2024, 3, 4, 21, 6, 7, 123_000_000, ZoneOffset.ofHours(-5));
			op.bulkInsert("ticket",
					List.of("id", "customer_id", "state", "tags", "price", "opened", "opened_local", "opened_day"),
					List.of(Arrays.asList(1, 1L, "it's closed", "{\"a b\",\"c\\\"d\",NULL}", new BigDecimal("19.99"),
							opened, opened, opened),
							Arrays.asList(2, 2L, "open", null, null, null, null, null),
							Arrays.asList(3, null, "open", "{}", new BigDecimal("-0.01"), null, null, null)));
			op.update("customer", (u) -> u.setExpression("email", "? || id", UPDATED_EMAIL)
				.set("token", null)
				.setExpression("meta", "meta || jsonb_build_object('by', ?::text)", "O'Brien?")
				.where("name = ? OR name = ?", "$$dollar$$ $tag$", "-- not a comment")
				.expectRows(2));
			op.delete("ticket", (d) -> d.where("price = ? AND customer_id IS NULL", new BigDecimal("-0.01")));
			op.insert("ticket", (r) -> r.value("id", 3).value("state", "it's closed").value("tags", "{\"x?\"}"));
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DELETE FROM ticket; DELETE FROM customer");
		}

	}

	@Revision(id = "o4_evolve", revises = "o3_rows", message = "constraints, a view and a type change")
	static class Evolve implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.addForeignKey("fk_ticket_customer", "ticket",
					(fk) -> fk.columns("customer_id").references("customer", "id").notValid());
			op.validateConstraint("fk_ticket_customer", "ticket");
			op.addCheck("ck_ticket_price", "ticket", "price IS NULL OR price > -1");
			op.addColumn("ticket", "priority", ColumnType.SMALLINT, (c) -> c.notNull().defaultValue(3));
			op.renameColumn("customer", "joined", "joined_on");
			op.alterColumnType("ticket", "price", ColumnType.numeric(12, 3),
					(change) -> change.from(ColumnType.numeric(10, 2)).using("price * 1"));
			op.apply(new CommentOnColumn(QualifiedName.parse("ticket"), "priority", "1 is 'urgent'", ""));
			op.createView("open_ticket", "SELECT id, customer_id FROM ticket WHERE state = 'open'");
			op.execute("CREATE FUNCTION ticket_label(t ticket) RETURNS text LANGUAGE sql AS $$ SELECT 'T-' || t.id; $$",
					"DROP FUNCTION ticket_label(ticket)");
		}

	}

	@Revision(id = "o5_label", revises = "o4_evolve", message = "a new enum label")
	static class AddLabel implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.addEnumValueBefore("ticket_state", "pending", "it's closed");
		}

		@Override
		public void downgrade(Operations op) {
			// PostgreSQL cannot remove an enum label; an unused one is harmless
		}

	}

}
