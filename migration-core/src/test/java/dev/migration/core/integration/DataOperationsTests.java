package dev.migration.core.integration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migration.core.Migration;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.execute.StepFailedException;
import dev.migration.core.schema.ColumnType;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PostgresTest
class DataOperationsTests {

	private static final String TRICKY = "O'Brien \\ \"quoted\"; -- not a comment\n$$ Zoë 🎉";

	private static final UUID TOKEN = UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");

	private final DataSource dataSource;

	private final Catalog catalog;

	DataOperationsTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.catalog = new Catalog(dataSource);
	}

	enum Mood {

		HAPPY, SAD

	}

	@Test
	void bulkInsertStoresValuesOfEveryKindIncludingNulls() {
		upgrade((op) -> {
			op.createEnumType("mood", "HAPPY", "SAD");
			op.createTable("kinds", (t) -> t.column("id", ColumnType.INTEGER)
				.column("name", ColumnType.TEXT)
				.column("doc", ColumnType.JSONB)
				.column("mood", ColumnType.named("mood"))
				.column("token", ColumnType.UUID)
				.column("day", ColumnType.DATE)
				.column("amount", ColumnType.numeric(8, 3))
				.column("flag", ColumnType.BOOLEAN)
				.column("bytes", ColumnType.BYTEA)
				.column("stamp", ColumnType.TIMESTAMPTZ));
			op.bulkInsert("kinds",
					List.of("id", "name", "doc", "mood", "token", "day", "amount", "flag", "bytes", "stamp"),
					List.of(Arrays.asList(1, TRICKY, "{\"say\": \"it's \\\"fine\\\"\"}", Mood.HAPPY, TOKEN,
							LocalDate.of(2024, 2, 29), new BigDecimal("12.345"), true, new byte[] { 0, 39, 92 },
							OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC)),
							Arrays.asList(2, null, null, "SAD", TOKEN.toString(), null, null, null, null, null)));
		});
		Map<String, Object> first = this.catalog.jdbc().queryForMap("SELECT * FROM kinds WHERE id = 1");
		assertThat(first.get("name")).isEqualTo(TRICKY);
		assertThat(this.catalog.value("SELECT doc ->> 'say' FROM kinds WHERE id = 1", String.class))
			.isEqualTo("it's \"fine\"");
		assertThat(first.get("mood").toString()).isEqualTo("HAPPY");
		assertThat(first.get("token")).isEqualTo(TOKEN);
		assertThat(first.get("day").toString()).isEqualTo("2024-02-29");
		assertThat(first.get("amount")).isEqualTo(new BigDecimal("12.345"));
		assertThat(first.get("flag")).isEqualTo(true);
		assertThat((byte[]) first.get("bytes")).containsExactly(0, 39, 92);
		assertThat(this.catalog.value("SELECT stamp = '2024-05-06T07:08:09Z' FROM kinds WHERE id = 1", Boolean.class))
			.isTrue();
		assertThat(this.catalog.textRows("kinds").get(1))
			.containsExactly("2", null, null, "SAD", TOKEN.toString(), null, null, null, null, null);
	}

	@Test
	void bulkInsertOfMoreRowsThanOneStatementHoldsInsertsThemAll() {
		List<String> columns = IntStream.range(0, 15).mapToObj((i) -> "c" + i).toList();
		List<List<Object>> rows = rows(2_500, columns.size());
		upgrade((op) -> {
			op.createTable("many_rows", (t) -> {
				t.column("c0", ColumnType.INTEGER, (c) -> c.primaryKey());
				columns.subList(1, 10).forEach((column) -> t.column(column, ColumnType.TEXT));
				columns.subList(10, 15).forEach((column) -> t.column(column, ColumnType.BIGINT));
			});
			op.bulkInsert("many_rows", columns, rows);
		});
		assertThat(this.catalog.textRows("many_rows")).isEqualTo(asText(rows));
	}

	@Test
	void bulkInsertOfWideRowsStaysBelowTheProtocolsParameterLimit() {
		List<String> columns = IntStream.range(0, 70).mapToObj((i) -> "c" + i).toList();
		List<List<Object>> rows = rows(1_000, columns.size());
		upgrade((op) -> {
			op.createTable("wide_rows", (t) -> {
				t.column("c0", ColumnType.INTEGER);
				columns.subList(1, columns.size()).forEach((column) -> t.column(column, ColumnType.TEXT));
			});
			op.bulkInsert("wide_rows", columns, rows);
		});
		assertThat(this.catalog.value("SELECT count(*) FROM wide_rows", Integer.class)).isEqualTo(1_000);
		assertThat(this.catalog.textRows("wide_rows")).isEqualTo(asText(rows));
	}

	@Test
	void boundTemporalValuesReadLikeTheOfflineScriptsLiteralsInAnyTimeZone() {
		OffsetDateTime evening = OffsetDateTime.of(2024, 3, 4, 21, 6, 7, 0, ZoneOffset.ofHours(-5));
		List<Object> values = List.of(evening, evening.toInstant(),
				evening.atZoneSameInstant(ZoneId.of("America/New_York")), LocalDateTime.of(2024, 3, 4, 21, 6, 7),
				LocalDate.of(2024, 3, 4));
		PostgresDialect dialect = new PostgresDialect();
		upgrade((op) -> {
			op.execute("SET TimeZone = 'Asia/Tokyo'");
			op.createTable("temporal", (t) -> t.column("id", ColumnType.INTEGER)
				.column("stamp", ColumnType.TIMESTAMP)
				.column("stamptz", ColumnType.TIMESTAMPTZ)
				.column("day", ColumnType.DATE)
				.column("label", ColumnType.TEXT));
			for (int i = 0; i < values.size(); i++) {
				Object value = values.get(i);
				op.bulkInsert("temporal", List.of("id", "stamp", "stamptz", "day", "label"),
						List.of(List.of(i, value, value, value, value)));
				String literal = dialect.literal(value);
				String literals = String.join(", ", Collections.nCopies(4, literal));
				op.execute("INSERT INTO temporal VALUES (" + (100 + i) + ", " + literals + ")");
			}
		});
		List<List<String>> rows = this.catalog.textRows("temporal");
		List<List<String>> bound = rows.subList(0, values.size());
		List<List<String>> inlined = rows.subList(values.size(), rows.size());
		assertThat(bound.stream().map((row) -> row.subList(1, 5)).toList())
			.isEqualTo(inlined.stream().map((row) -> row.subList(1, 5)).toList());
		assertThat(bound.get(0)).element(1).isEqualTo("2024-03-04 21:06:07");
		assertThat(bound.get(0)).element(3).isEqualTo("2024-03-04");
		assertThat(this.catalog.value("SELECT count(*) FROM temporal WHERE stamptz = '2024-03-05T02:06:07Z'",
				Integer.class))
			.isEqualTo(6);
	}

	@Test
	void executeRunsSeveralStatementsOfHandWrittenSql() {
		upgrade((op) -> op.execute("""
				CREATE TABLE raw (id integer, note text);
				INSERT INTO raw VALUES (1, 'a;b'), (2, $$it's; fine$$); -- trailing comment
				UPDATE raw SET note = upper(note) WHERE id = 1
				"""));
		assertThat(this.catalog.textRows("raw")).containsExactly(List.of("1", "A;B"), List.of("2", "it's; fine"));
	}

	@Test
	void executeWithReverseSqlIsUndoneByTheAutomaticDowngrade() {
		Migration migration = (op) -> op.execute("CREATE TABLE reversible_raw (id integer)",
				"DROP TABLE reversible_raw");
		upgrade(migration);
		assertThat(this.catalog.exists("reversible_raw")).isTrue();
		Steps.downgrade(this.dataSource, migration);
		assertThat(this.catalog.exists("reversible_raw")).isFalse();
	}

	@Test
	void readsInsideAMigrationSeeWhatItsEarlierOperationsDid() {
		AtomicReference<Long> counted = new AtomicReference<>();
		AtomicReference<List<Map<String, Object>>> listed = new AtomicReference<>();
		AtomicReference<List<String>> mapped = new AtomicReference<>();
		upgrade((op) -> {
			assertThat(op.offline()).isFalse();
			op.createTable("seen", (t) -> t.column("id", ColumnType.INTEGER).column("name", ColumnType.TEXT));
			op.bulkInsert("seen", List.of("id", "name"), List.of(List.of(1, "one"), List.of(2, "two")));
			counted.set(op.queryForObject("SELECT count(*) FROM seen", Long.class));
			listed.set(op.queryForList("SELECT id, name FROM seen WHERE id > ? ORDER BY id", 1));
			mapped.set(op.query("SELECT upper(name) FROM seen ORDER BY id", (row, number) -> row.getString(1)));
			op.bulkInsert("seen", List.of("id", "name"), List.of(List.of(3, "count was " + counted.get())));
		});
		assertThat(counted.get()).isEqualTo(2);
		assertThat(listed.get()).containsExactly(Map.of("id", 2, "name", "two"));
		assertThat(mapped.get()).containsExactly("ONE", "TWO");
		assertThat(this.catalog.textRows("seen")).last().isEqualTo(List.of("3", "count was 2"));
	}

	@Test
	void updateAndDeleteBindValuesWithQuotesAndNullsThatRoundTrip() {
		upgrade((op) -> {
			op.createTable("note", (t) -> t.column("id", ColumnType.INTEGER).column("body", ColumnType.TEXT)
				.column("tag", ColumnType.TEXT));
			op.insert("note", (r) -> r.value("id", 1).value("body", TRICKY).value("tag", null));
			op.insert("note", (r) -> r.value("id", 2).value("body", "plain").value("tag", "?"));
			op.insert("note", (r) -> r.value("id", 3).value("body", "gone").value("tag", "x'; DROP TABLE note; --"));
			op.update("note", (u) -> u.set("tag", TRICKY + "?").setExpression("body", "body || ?", " ✓")
				.where("body = ? AND tag IS NULL", TRICKY)
				.expectRows(1));
			op.update("note", (u) -> u.set("body", null).where("tag = '?' AND id = ?", 2));
			op.delete("note", (d) -> d.where("tag = ?", "x'; DROP TABLE note; --").expectRows(1));
		});
		assertThat(this.catalog.textRows("note")).containsExactly(List.of("1", TRICKY + " ✓", TRICKY + "?"),
				Arrays.asList("2", null, "?"));
	}

	@Test
	void anUpdateThatChangesAnotherNumberOfRowsThanExpectedRollsTheStepBack() {
		upgrade((op) -> {
			op.createTable("stock", (t) -> t.column("id", ColumnType.INTEGER).column("qty", ColumnType.INTEGER));
			op.bulkInsert("stock", List.of("id", "qty"), List.of(List.of(1, 5), List.of(2, 5)));
		});
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> upgrade((op) -> {
				op.update("stock", (u) -> u.set("qty", 0).where("qty = ?", 5).expectRows(1));
			}))
			.withMessageContaining("Expected the statement to change 1 row(s) but it changed 2");
		assertThat(this.catalog.textRows("stock")).containsExactly(List.of("1", "5"), List.of("2", "5"));
	}

	@Test
	void anOnlineOnlyStepRunsOnlineSeeingWhatTheMigrationDidBeforeIt() {
		upgrade((op) -> {
			op.createTable("account", (t) -> t.column("id", ColumnType.INTEGER).column("code", ColumnType.TEXT));
			op.bulkInsert("account", List.of("id"), List.of(List.of(1), List.of(2)));
			op.onlineOnly("give each account a code", (online) -> {
				assertThat(online.offline()).isFalse();
				for (Integer id : online.query("SELECT id FROM account ORDER BY id", (row, n) -> row.getInt(1))) {
					online.update("account", (u) -> u.set("code", "it's #" + id).where("id = ?", id).expectRows(1));
				}
			});
		});
		assertThat(this.catalog.textRows("account")).containsExactly(List.of("1", "it's #1"), List.of("2", "it's #2"));
	}

	/** Rows whose first value is the row number; text values hold quotes, backslashes and some NULLs. */
	private static List<List<Object>> rows(int count, int width) {
		List<List<Object>> rows = new ArrayList<>(count);
		for (int row = 1; row <= count; row++) {
			List<Object> values = new ArrayList<>(width);
			values.add(row);
			for (int column = 1; column < width; column++) {
				boolean text = column < 10 || width > 15;
				Object value = text ? "r" + row + "c" + column + " it's \\ ;" : (long) row * column;
				values.add((row + column) % 11 == 0 ? null : value);
			}
			rows.add(values);
		}
		return rows;
	}

	private static List<List<String>> asText(List<List<Object>> rows) {
		return rows.stream()
			.map((row) -> row.stream().map((value) -> (value != null) ? value.toString() : null).toList())
			.toList();
	}

	private void upgrade(Migration migration) {
		Steps.upgrade(this.dataSource, migration);
	}

}
