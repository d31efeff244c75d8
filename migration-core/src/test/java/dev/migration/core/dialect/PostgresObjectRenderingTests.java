package dev.migration.core.dialect;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.DropOption;

import static dev.migration.core.dialect.Rendered.single;
import static dev.migration.core.dialect.Rendered.sql;
import static dev.migration.core.dialect.Rendered.statements;
import static org.assertj.core.api.Assertions.assertThat;

class PostgresObjectRenderingTests {

	@Test
	void viewsPlainReplacedAndMaterialized() {
		assertThat(sql((op) -> {
			op.createView("active_account", "SELECT * FROM account WHERE active");
			op.createOrReplaceView("active_account", "SELECT id FROM account WHERE active");
			op.createMaterializedView("report.totals", "SELECT count(*) AS n FROM account");
			op.dropView("active_account", DropOption.IF_EXISTS);
			op.dropMaterializedView("report.totals", DropOption.CASCADE);
		})).containsExactly("CREATE VIEW active_account AS SELECT * FROM account WHERE active",
				"CREATE OR REPLACE VIEW active_account AS SELECT id FROM account WHERE active",
				"CREATE MATERIALIZED VIEW report.totals AS SELECT count(*) AS n FROM account",
				"DROP VIEW IF EXISTS active_account", "DROP MATERIALIZED VIEW report.totals CASCADE");
	}

	@Test
	void sequenceWithEveryOption() {
		assertThat(sql((op) -> {
			op.createSequence("invoice_number");
			op.createSequence("s.ticket", (s) -> s.ifNotExists().type(ColumnType.INTEGER).incrementBy(5).minValue(10)
				.maxValue(1_000).startWith(100).cache(20).cycle().ownedBy("s.ticket_table", "number"));
			op.dropSequence("invoice_number", DropOption.IF_EXISTS);
		})).containsExactly("CREATE SEQUENCE invoice_number",
				"CREATE SEQUENCE IF NOT EXISTS s.ticket AS integer INCREMENT BY 5 MINVALUE 10 MAXVALUE 1000 "
						+ "START WITH 100 CACHE 20 CYCLE OWNED BY s.ticket_table.number",
				"DROP SEQUENCE IF EXISTS invoice_number");
	}

	@Test
	void enumTypesAndTheirValues() {
		assertThat(sql((op) -> {
			op.createEnumType("mood", "sad", "ok", "it's great");
			op.addEnumValue("mood", "meh");
			op.addEnumValueBefore("mood", "awful", "sad");
			op.addEnumValueAfter("mood", "fine", "ok");
			op.dropType("mood", DropOption.CASCADE);
		})).containsExactly("CREATE TYPE mood AS ENUM ('sad', 'ok', 'it''s great')",
				"ALTER TYPE mood ADD VALUE 'meh'", "ALTER TYPE mood ADD VALUE 'awful' BEFORE 'sad'",
				"ALTER TYPE mood ADD VALUE 'fine' AFTER 'ok'", "DROP TYPE mood CASCADE");
	}

	@Test
	void rawSqlIsPassedThroughUnchanged() {
		assertThat(single((op) -> op.execute("UPDATE account SET active = true WHERE id = 1")))
			.isEqualTo("UPDATE account SET active = true WHERE id = 1");
	}

	@Test
	void bulkInsertBindsEveryValue() {
		List<SqlStatement> statements = statements((op) -> op.bulkInsert("country", List.of("code", "name"),
				List.of(List.of("fr", "France"), Arrays.asList("xx", null))));
		assertThat(statements).singleElement().satisfies((statement) -> {
			assertThat(statement.sql()).isEqualTo("INSERT INTO country (code, name) VALUES\n    (?, ?),\n    (?, ?)");
			assertThat(statement.parameters()).containsExactly("fr", "France", "xx", null);
		});
	}

	@Test
	void bulkInsertInlinesSafeLiteralsOffline() {
		assertThat(single((op) -> op.bulkInsert("country", List.of("code", "name"),
				List.of(List.of("ci", "Côte d'Ivoire"), List.of("bs", "back\\slash")))))
			.isEqualTo("INSERT INTO country (code, name) VALUES\n    ('ci', 'Côte d''Ivoire'),\n"
					+ "    ('bs', E'back\\\\slash')");
	}

	@Test
	void bulkInsertSplitsRowsSoNoStatementExceedsTheParameterLimit() {
		List<List<Object>> rows = java.util.stream.IntStream.range(0, 2_500)
			.mapToObj((i) -> List.<Object>of(i, "n" + i))
			.toList();
		List<SqlStatement> statements = statements((op) -> op.bulkInsert("t", List.of("id", "name"), rows));
		assertThat(statements).extracting((statement) -> statement.parameters().size())
			.containsExactly(2_000, 2_000, 1_000);
	}

	@Test
	void lockTimeoutIsSetPerTransactionOrPerSession() {
		PostgresDialect dialect = new PostgresDialect();
		assertThat(dialect.setLockTimeout(java.time.Duration.ofSeconds(1), true).sql())
			.isEqualTo("SET LOCAL lock_timeout = '1s'");
		assertThat(dialect.setLockTimeout(java.time.Duration.ofMillis(1500), false).sql())
			.isEqualTo("SET lock_timeout = '1500ms'");
		assertThat(dialect.resetLockTimeout().sql()).isEqualTo("RESET lock_timeout");
	}

}
