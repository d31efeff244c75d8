package dev.migration.core.integration;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migration.core.Migration;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.DefaultValue;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Defaults are checked by the value a row gets, not by how PostgreSQL prints them. */
@PostgresTest
class ColumnDefaultTests {

	private static final String TRICKY = "it's \"quoted\", a \\ backslash, \\x41 no escape;\n-- not a comment";

	private static final UUID ID = UUID.fromString("0b8e3c4e-8f1a-4f0e-9a57-2d1b3c4d5e6f");

	private final DataSource dataSource;

	private final Catalog catalog;

	ColumnDefaultTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.catalog = new Catalog(dataSource);
	}

	@Test
	void literalDefaultsOfEveryJavaTypeGiveNewRowsExactlyThatValue() {
		upgrade((op) -> op.createTable("literal_defaults", (t) -> t.column("id", ColumnType.INTEGER)
			.column("text", ColumnType.TEXT, (c) -> c.defaultValue(TRICKY))
			.column("int", ColumnType.INTEGER, (c) -> c.defaultValue(-42))
			.column("long", ColumnType.BIGINT, (c) -> c.defaultValue(9_000_000_000L))
			.column("short", ColumnType.SMALLINT, (c) -> c.defaultValue((short) 7))
			.column("big_int", ColumnType.NUMERIC,
					(c) -> c.defaultValue(new BigInteger("123456789012345678901234567890")))
			.column("decimal", ColumnType.numeric(12, 4), (c) -> c.defaultValue(new BigDecimal("1234.5678")))
			.column("double", ColumnType.DOUBLE, (c) -> c.defaultValue(1.5e-7))
			.column("bool", ColumnType.BOOLEAN, (c) -> c.defaultValue(true))
			.column("uuid", ColumnType.UUID, (c) -> c.defaultValue(ID))
			.column("date", ColumnType.DATE, (c) -> c.defaultValue(LocalDate.of(2024, 2, 29)))
			.column("stamp", ColumnType.TIMESTAMP, (c) -> c.defaultValue(LocalDateTime.of(2024, 1, 2, 3, 4, 5)))
			.column("stamptz", ColumnType.TIMESTAMPTZ,
					(c) -> c.defaultValue(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2))))
			.column("bytes", ColumnType.BYTEA, (c) -> c.defaultValue(new byte[] { 0, 1, (byte) 0xfe, 0x27, 0x5c }))
			.column("json", ColumnType.JSONB, (c) -> c.defaultValue("{\"quote\": \"it's\"}"))));
		Map<String, Object> row = insertDefaultsAndRead("literal_defaults");
		assertThat(row.get("text")).isEqualTo(TRICKY);
		assertThat(row.get("int")).isEqualTo(-42);
		assertThat(row.get("long")).isEqualTo(9_000_000_000L);
		assertThat(row.get("short")).isEqualTo(7);
		assertThat(row.get("big_int")).isEqualTo(new BigDecimal("123456789012345678901234567890"));
		assertThat(row.get("decimal")).isEqualTo(new BigDecimal("1234.5678"));
		assertThat(row.get("double")).isEqualTo(1.5e-7);
		assertThat(row.get("bool")).isEqualTo(true);
		assertThat(row.get("uuid")).isEqualTo(ID);
		assertThat(this.catalog.value("SELECT date::text FROM literal_defaults", String.class)).isEqualTo("2024-02-29");
		assertThat(this.catalog.value("SELECT stamp::text FROM literal_defaults", String.class))
			.isEqualTo("2024-01-02 03:04:05");
		assertThat(this.catalog.value("SELECT stamptz = '2024-01-02T01:04:05Z' FROM literal_defaults", Boolean.class))
			.isTrue();
		assertThat((byte[]) row.get("bytes")).containsExactly(0, 1, 0xfe, 0x27, 0x5c);
		assertThat(this.catalog.value("SELECT json ->> 'quote' FROM literal_defaults", String.class)).isEqualTo("it's");
	}

	@Test
	void setDefaultChangesTheDefaultOfAnExistingColumn() {
		upgrade((op) -> {
			op.createTable("set_defaults", (t) -> t.column("id", ColumnType.INTEGER)
				.column("label", ColumnType.TEXT)
				.column("amount", ColumnType.numeric(6, 2))
				.column("day", ColumnType.DATE)
				.column("flag", ColumnType.BOOLEAN));
			op.setDefault("set_defaults", "label", TRICKY);
			op.setDefault("set_defaults", "amount", new BigDecimal("-0.50"));
			op.setDefault("set_defaults", "day", LocalDate.of(1999, 12, 31));
			op.setDefault("set_defaults", "flag", false);
		});
		Map<String, Object> row = insertDefaultsAndRead("set_defaults");
		assertThat(row.get("label")).isEqualTo(TRICKY);
		assertThat(row.get("amount")).isEqualTo(new BigDecimal("-0.50"));
		assertThat(row.get("day").toString()).isEqualTo("1999-12-31");
		assertThat(row.get("flag")).isEqualTo(false);
	}

	@Test
	void expressionDefaultsAreEvaluatedForEachRow() {
		upgrade((op) -> {
			op.createTable("expression_defaults", (t) -> t.column("id", ColumnType.INTEGER)
				.column("created", ColumnType.TIMESTAMPTZ, (c) -> c.defaultExpression("now()"))
				.column("token", ColumnType.UUID));
			op.setDefaultExpression("expression_defaults", "token", "gen_random_uuid()");
		});
		assertThat(this.catalog.defaultOf("expression_defaults", "created")).isEqualTo("now()");
		assertThat(this.catalog.defaultOf("expression_defaults", "token")).isEqualTo("gen_random_uuid()");
		this.catalog.jdbc().update("INSERT INTO expression_defaults (id) VALUES (1), (2)");
		assertThat(this.catalog.value("SELECT count(DISTINCT token) FROM expression_defaults WHERE created IS NOT NULL",
				Integer.class))
			.isEqualTo(2);
	}

	@Test
	void dropDefaultLeavesNewRowsWithNull() {
		upgrade((op) -> {
			op.createTable("dropped_default", (t) -> t.column("id", ColumnType.INTEGER)
				.column("v", ColumnType.INTEGER, (c) -> c.defaultValue(5)));
			op.dropDefault("dropped_default", "v");
		});
		assertThat(this.catalog.defaultOf("dropped_default", "v")).isNull();
		assertThat(insertDefaultsAndRead("dropped_default").get("v")).isNull();
	}

	@Test
	void changeDefaultSetsTheNewDefaultAndItsDowngradeRestoresTheOldOne() {
		upgrade((op) -> op.createTable("changed_default", (t) -> t.column("id", ColumnType.INTEGER)
			.column("v", ColumnType.TEXT, (c) -> c.defaultValue("old"))));
		Migration change = (op) -> op.changeDefault("changed_default", "v", DefaultValue.of("old"),
				DefaultValue.of("new 'one'"));
		upgrade(change);
		assertThat(this.catalog.defaultOf("changed_default", "v")).isEqualTo("'new ''one'''::text");
		Steps.downgrade(this.dataSource, change);
		assertThat(this.catalog.defaultOf("changed_default", "v")).isEqualTo("'old'::text");
	}

	private Map<String, Object> insertDefaultsAndRead(String table) {
		this.catalog.jdbc().update("INSERT INTO " + table + " DEFAULT VALUES");
		return this.catalog.jdbc().queryForMap("SELECT * FROM " + table);
	}

	private void upgrade(Migration migration) {
		Steps.upgrade(this.dataSource, migration);
	}

}
