package dev.migration.core.online;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.history.BackfillProgress;
import dev.migration.core.run.Migrator;
import dev.migration.core.schema.ColumnType;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Backfills walk any key a btree orders: uuid, text, timestamps, and a key the revision names. */
@PostgresTest(emptyBeforeEach = true)
class BackfillKeysTests {

	private static final int ROWS = 3_000;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	BackfillKeysTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Test
	void aBackfillWalksAUuidKey() {
		items("id uuid PRIMARY KEY DEFAULT gen_random_uuid()", "DEFAULT");
		fill("id");
		assertEveryRowFilledInBatches();
	}

	@Test
	void aBackfillWalksATextKey() {
		items("id text PRIMARY KEY", "'item-' || i");
		fill("id");
		assertEveryRowFilledInBatches();
	}

	@Test
	void aBackfillWalksATimestampKeyToTheMicrosecond() {
		items("id timestamptz PRIMARY KEY", "timestamptz '2024-03-31 01:59:59.999999+00' + i * interval '1.000001 s'");
		fill("id");
		assertEveryRowFilledInBatches();
	}

	@Test
	void aBackfillWalksTheUniqueKeyItIsGiven() {
		items("id bigint PRIMARY KEY, code uuid NOT NULL UNIQUE DEFAULT gen_random_uuid()", "i");
		fill("code");
		assertEveryRowFilledInBatches();
	}

	@Test
	void renameColumnOnlineFillsAUuidKeyedTable() {
		this.jdbc.execute("CREATE TABLE users (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text)");
		this.jdbc.update("INSERT INTO users (name) SELECT 'user ' || i FROM generate_series(1, ?) i", ROWS);
		Revisions.of(this.dataSource, (op) -> op.renameColumnOnline("users", "name", "full_name", ColumnType.TEXT))
			.upgrade("heads");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM users WHERE full_name IS DISTINCT FROM name",
				Integer.class)).isZero();
	}

	@Test
	void changeColumnTypeOnlineFillsAUuidKeyedTable() {
		this.jdbc.execute("CREATE TABLE orders (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), total numeric(12, 2))");
		this.jdbc.update("INSERT INTO orders (total) SELECT i + 0.25 FROM generate_series(1, ?) i", ROWS);
		Revisions.of(this.dataSource, (op) -> op.changeColumnTypeOnline("orders", "total", "total_cents",
				ColumnType.BIGINT, "round(total * 100)", "total_cents / 100.0"))
			.upgrade("heads");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM orders WHERE total_cents IS DISTINCT FROM "
				+ "round(total * 100)", Integer.class)).isZero();
	}

	@Test
	void renameColumnOnlineWalksAKeyTheRevisionNames() {
		this.jdbc.execute("CREATE TABLE members (public_id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text)");
		this.jdbc.update("INSERT INTO members (name) SELECT 'member ' || i FROM generate_series(1, ?) i", ROWS);
		Revisions.of(this.dataSource,
				(op) -> op.renameColumnOnline("members", "name", "full_name", ColumnType.TEXT, "public_id"))
			.upgrade("heads");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM members WHERE full_name IS DISTINCT FROM name",
				Integer.class)).isZero();
	}

	@Test
	void changeColumnTypeOnlineWalksAKeyTheRevisionNames() {
		this.jdbc.execute("CREATE TABLE invoices (number text PRIMARY KEY, total numeric(12, 2))");
		this.jdbc.update("INSERT INTO invoices SELECT 'INV-' || i, i + 0.25 FROM generate_series(1, ?) i", ROWS);
		Revisions.of(this.dataSource, (op) -> op.changeColumnTypeOnline("invoices", "total", "total_cents",
				ColumnType.BIGINT, "round(total * 100)", "total_cents / 100.0", "number"))
			.upgrade("heads");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM invoices WHERE total_cents IS DISTINCT FROM "
				+ "round(total * 100)", Integer.class)).isZero();
	}

	/** A table {@code items} keyed as {@code key}, its rows' keys from {@code value} over {@code i}. */
	private void items(String key, String value) {
		this.jdbc.execute("CREATE TABLE items (" + key + ", n integer NOT NULL, filled integer)");
		String keyColumn = key.substring(0, key.indexOf(' '));
		String insert = value.equals("DEFAULT") ? "INSERT INTO items (n) SELECT i FROM generate_series(1, ?) i"
				: "INSERT INTO items (" + keyColumn + ", n) SELECT " + value + ", i FROM generate_series(1, ?) i";
		this.jdbc.update(insert, ROWS);
	}

	private void fill(String key) {
		migrator(key).upgrade("heads");
	}

	private Migrator migrator(String key) {
		return Revisions.of(this.dataSource, (op) -> op.backfill("items", (b) -> b.set("filled = n * 2")
			.where("filled IS NULL")
			.key(key)
			.batchSize(250)
			.targetBatchDuration(Duration.ZERO)
			.pause(Duration.ZERO)));
	}

	private void assertEveryRowFilledInBatches() {
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM items WHERE filled IS DISTINCT FROM n * 2",
				Integer.class)).isZero();
		BackfillProgress progress = migrator("id").backfills().get(0);
		assertThat(progress.done()).isTrue();
		assertThat(progress.rowsDone()).isEqualTo(ROWS);
		assertThat(progress.lastKey()).isEqualTo(progress.endKey());
	}

}
