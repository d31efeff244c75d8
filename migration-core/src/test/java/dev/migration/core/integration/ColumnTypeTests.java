package dev.migration.core.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migration.core.Migration;
import dev.migration.core.MigrationException;
import dev.migration.core.execute.StepFailedException;
import dev.migration.core.schema.ColumnType;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PostgresTest
class ColumnTypeTests {

	private final DataSource dataSource;

	private final Catalog catalog;

	ColumnTypeTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.catalog = new Catalog(dataSource);
	}

	@Test
	void everyTypeConstantCreatesAColumnOfThatType() {
		Map<ColumnType, String> expected = new LinkedHashMap<>();
		expected.put(ColumnType.SMALLINT, "smallint");
		expected.put(ColumnType.INTEGER, "integer");
		expected.put(ColumnType.BIGINT, "bigint");
		expected.put(ColumnType.SERIAL, "integer");
		expected.put(ColumnType.BIGSERIAL, "bigint");
		expected.put(ColumnType.REAL, "real");
		expected.put(ColumnType.DOUBLE, "double precision");
		expected.put(ColumnType.NUMERIC, "numeric");
		expected.put(ColumnType.MONEY, "money");
		expected.put(ColumnType.BOOLEAN, "boolean");
		expected.put(ColumnType.TEXT, "text");
		expected.put(ColumnType.VARCHAR, "character varying");
		expected.put(ColumnType.UUID, "uuid");
		expected.put(ColumnType.DATE, "date");
		expected.put(ColumnType.TIME, "time without time zone");
		expected.put(ColumnType.TIMETZ, "time with time zone");
		expected.put(ColumnType.TIMESTAMP, "timestamp without time zone");
		expected.put(ColumnType.TIMESTAMPTZ, "timestamp with time zone");
		expected.put(ColumnType.INTERVAL, "interval");
		expected.put(ColumnType.BYTEA, "bytea");
		expected.put(ColumnType.JSON, "json");
		expected.put(ColumnType.JSONB, "jsonb");
		expected.put(ColumnType.INET, "inet");
		expected.put(ColumnType.CIDR, "cidr");
		expected.put(ColumnType.MACADDR, "macaddr");
		expected.put(ColumnType.TSVECTOR, "tsvector");
		expected.put(ColumnType.XML, "xml");
		expected.put(ColumnType.builtIn("point"), "point");
		assertThat(typesOfATableWith("constants", expected)).isEqualTo(List.copyOf(expected.values()));
	}

	@Test
	void typeFactoriesCarryTheirLengthPrecisionAndScale() {
		Map<ColumnType, String> expected = new LinkedHashMap<>();
		expected.put(ColumnType.numeric(10, 2), "numeric(10,2)");
		expected.put(ColumnType.numeric(5), "numeric(5,0)");
		expected.put(ColumnType.varchar(40), "character varying(40)");
		expected.put(ColumnType.character(3), "character(3)");
		expected.put(ColumnType.timestamp(3), "timestamp(3) without time zone");
		expected.put(ColumnType.timestamptz(0), "timestamp(0) with time zone");
		expected.put(ColumnType.time(2), "time(2) without time zone");
		expected.put(ColumnType.builtIn("bit").withModifiers(8), "bit(8)");
		expected.put(ColumnType.interval("second", 6), "interval second(6)");
		expected.put(ColumnType.interval("Day  to second", 3), "interval day to second(3)");
		expected.put(ColumnType.interval("year to month", null), "interval year to month");
		assertThat(typesOfATableWith("factories", expected)).isEqualTo(List.copyOf(expected.values()));
	}

	@Test
	void anIntervalTakesOnlyItsFieldsAndAPrecisionOnlyOfSeconds() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> ColumnType.interval("fortnight", null))
			.withMessageStartingWith("'fortnight' is no field restriction of an interval");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> ColumnType.interval("day", 3))
			.withMessage("interval day takes no precision: only fields that end in second do.");
	}

	@Test
	void arrayTypesHoldArraysOfTheirElementType() {
		upgrade((op) -> {
			op.createEnumType("color", "red", "green");
			op.createTable("arrays", (t) -> t.column("tags", ColumnType.TEXT.array())
				.column("grid", ColumnType.INTEGER.array().array())
				.column("prices", ColumnType.numeric(8, 2).array())
				.column("colors", ColumnType.named("color").array()));
			op.execute("INSERT INTO arrays VALUES ('{a,b}', '{{1,2},{3,4}}', '{1.5}', '{green,red}')");
		});
		assertThat(this.catalog.type("arrays", "tags")).isEqualTo("text[]");
		assertThat(this.catalog.type("arrays", "grid")).isEqualTo("integer[]");
		assertThat(this.catalog.type("arrays", "prices")).isEqualTo("numeric(8,2)[]");
		assertThat(this.catalog.type("arrays", "colors")).isEqualTo("color[]");
		assertThat(this.catalog.value("SELECT array_ndims(grid) FROM arrays", Integer.class)).isEqualTo(2);
		assertThat(this.catalog.textRows("arrays"))
			.containsExactly(List.of("{a,b}", "{{1,2},{3,4}}", "{1.50}", "{green,red}"));
	}

	@Test
	void namedTypesResolveInTheirSchemaAndRejectUnknownLabels() {
		upgrade((op) -> {
			op.createSchema("shop");
			op.createEnumType("shop.Size", "S", "M", "L");
			op.createTable("shirt", (t) -> t.column("size", ColumnType.named("shop", "Size"), (c) -> c.notNull()));
			op.execute("INSERT INTO shirt VALUES ('M')");
		});
		assertThat(this.catalog.type("shirt", "size")).isEqualTo("shop.\"Size\"");
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> upgrade((op) -> op.execute("INSERT INTO shirt VALUES ('XL')")))
			.withMessageContaining("invalid input value for enum");
	}

	@Test
	void serialColumnsTakeTheirValuesFromAnOwnedSequence() {
		upgrade((op) -> {
			op.createTable("serials", (t) -> t.column("id", ColumnType.BIGSERIAL).column("note", ColumnType.TEXT));
			op.execute("INSERT INTO serials (note) VALUES ('a'), ('b')");
		});
		assertThat(this.catalog.defaultOf("serials", "id")).isEqualTo("nextval('serials_id_seq'::regclass)");
		assertThat(this.catalog.value("SELECT pg_get_serial_sequence('serials', 'id')", String.class))
			.isEqualTo("public.serials_id_seq");
		assertThat(this.catalog.textRows("serials")).containsExactly(List.of("1", "a"), List.of("2", "b"));
	}

	@Test
	void identityByDefaultGeneratesValuesAndAcceptsExplicitOnes() {
		upgrade((op) -> {
			op.createTable("by_default", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("note", ColumnType.TEXT));
			op.execute("INSERT INTO by_default (note) VALUES ('generated')");
			op.execute("INSERT INTO by_default (id, note) VALUES (100, 'explicit')");
		});
		assertThat(this.catalog.identity("by_default", "id")).isEqualTo("d");
		assertThat(this.catalog.textRows("by_default")).containsExactly(List.of("1", "generated"),
				List.of("100", "explicit"));
	}

	@Test
	void identityAlwaysRefusesExplicitValues() {
		upgrade((op) -> op.createTable("always", (t) -> t.column("id", ColumnType.INTEGER, (c) -> c.identityAlways())
			.column("note", ColumnType.TEXT)));
		assertThat(this.catalog.identity("always", "id")).isEqualTo("a");
		assertThat(this.catalog.nullable("always", "id")).isFalse();
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> upgrade((op) -> op.execute("INSERT INTO always (id, note) VALUES (5, 'x')")))
			.withMessageContaining("GENERATED ALWAYS");
	}

	@Test
	void generatedColumnIsStoredAndComputedFromItsExpression() {
		upgrade((op) -> {
			op.createTable("priced", (t) -> t.column("net", ColumnType.numeric(10, 2))
				.column("gross", ColumnType.numeric(10, 2), (c) -> c.generatedAs("net * 1.2")));
			op.execute("INSERT INTO priced (net) VALUES (10.00)");
		});
		assertThat(this.catalog.generated("priced", "gross")).isEqualTo("s");
		assertThat(this.catalog.generated("priced", "net")).isEmpty();
		assertThat(this.catalog.textRows("priced")).containsExactly(List.of("10.00", "12.00"));
	}

	@Test
	void collationCOrdersByteWise() {
		upgrade((op) -> {
			op.createTable("collated", (t) -> t.column("name", ColumnType.TEXT, (c) -> c.collation("C")));
			op.execute("INSERT INTO collated VALUES ('b'), ('B'), ('a')");
		});
		assertThat(this.catalog.collation("collated", "name")).isEqualTo("C");
		assertThat(this.catalog.jdbc().queryForList("SELECT name FROM collated ORDER BY name", String.class))
			.containsExactly("B", "a", "b");
	}

	private List<String> typesOfATableWith(String table, Map<ColumnType, String> types) {
		List<ColumnType> columns = List.copyOf(types.keySet());
		upgrade((op) -> op.createTable(table, (t) -> {
			for (int i = 0; i < columns.size(); i++) {
				t.column("c" + i, columns.get(i));
			}
		}));
		return this.catalog.columns(table).stream().map((column) -> this.catalog.type(table, column)).toList();
	}

	private void upgrade(Migration migration) {
		Steps.upgrade(this.dataSource, migration);
	}

}
