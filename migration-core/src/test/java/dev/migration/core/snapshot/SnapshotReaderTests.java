package dev.migration.core.snapshot;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.history.HistoryTable;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
class SnapshotReaderTests {

	private static final String SCHEMA = """
			CREATE TYPE status AS ENUM ('new', 'paid');
			CREATE SEQUENCE invoice_number START 1000;
			CREATE TABLE orders (
			    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			    total_cents bigint NOT NULL DEFAULT 0,
			    status status,
			    note text
			);
			ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total_cents >= 0) NOT VALID;
			CREATE INDEX ix_orders_status ON orders (status);
			CREATE VIEW paid_orders AS SELECT id FROM orders WHERE status = 'paid';
			CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
			CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
			CREATE SCHEMA billing;
			CREATE TABLE billing.invoice (id int PRIMARY KEY);
			CREATE TABLE migration_history (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, revision text);
			CREATE TABLE migration_history_state (revision text PRIMARY KEY);
			""";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	SnapshotReaderTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@BeforeEach
	void createSchema() {
		this.jdbc.execute("DROP SCHEMA IF EXISTS billing CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public");
		this.jdbc.execute(SCHEMA);
	}

	@Test
	void readsEveryKindOfObjectWithoutTheHistoryTables() {
		SchemaSnapshot snapshot = read();
		assertThat(snapshot.byKey()).containsKeys("schema billing", "table orders", "table billing.invoice",
				"column orders.total_cents", "constraint orders.total_positive", "constraint orders.orders_pkey",
				"index ix_orders_status", "view paid_orders", "sequence invoice_number", "sequence orders_id_seq",
				"trigger orders.orders_touch", "function touch()", "enum type status");
		assertThat(snapshot.byKey().keySet()).noneMatch((key) -> key.contains("migration_history"));
		assertThat(snapshot.byKey().get("column orders.total_cents").attributes()).containsEntry("type", "bigint")
			.containsEntry("nullable", "false")
			.containsEntry("default", "0");
		assertThat(snapshot.byKey().get("constraint orders.total_positive").attributes())
			.containsEntry("validated", "false");
		assertThat(snapshot.byKey().get("enum type status").attributes()).containsEntry("labels", "new, paid");
	}

	@Test
	void sequenceValuesAndColumnPositionsDoNotCount() {
		SchemaSnapshot before = read();
		this.jdbc.execute("SELECT nextval('invoice_number'); INSERT INTO orders (note) VALUES ('x')");
		this.jdbc.execute("ALTER TABLE orders DROP COLUMN note; ALTER TABLE orders ADD COLUMN note text");
		assertThat(before.diff(read()).isEmpty()).isTrue();
	}

	@Test
	void diffNamesWhatChanged() {
		SchemaSnapshot before = read();
		this.jdbc.execute("ALTER TABLE orders VALIDATE CONSTRAINT total_positive");
		this.jdbc.execute("ALTER TABLE orders ALTER COLUMN total_cents TYPE integer");
		this.jdbc.execute("DROP INDEX ix_orders_status; CREATE INDEX ix_note ON orders (note)");
		this.jdbc.execute("ALTER TYPE status ADD VALUE 'void'");
		SchemaDiff diff = before.diff(read());
		assertThat(diff.describe("after downgrade")).isEqualTo("""
				  - column orders.total_cents: type bigint -> integer
				  - constraint orders.total_positive: definition CHECK ((total_cents >= 0)) NOT VALID -> CHECK ((total_cents >= 0))
				  - constraint orders.total_positive: validated false -> true
				  - index ix_note: unexpected after downgrade
				  - index ix_orders_status: missing after downgrade
				  - enum type status: labels new, paid -> new, paid, void
				""");
	}

	@Test
	void textFormReadsBackEqual() {
		SchemaSnapshot snapshot = read();
		assertThat(SchemaSnapshot.parse(snapshot.toText())).isEqualTo(snapshot);
	}

	@Test
	void oneSchemaCanBeReadAlone() {
		SchemaSnapshot billing = SnapshotReader.allSchemas().onlySchema("billing").read(this.dataSource);
		assertThat(billing.byKey().keySet()).containsExactly("schema billing", "table billing.invoice",
				"column billing.invoice.id", "constraint billing.invoice.invoice_pkey", "index billing.invoice_pkey");
	}

	private SchemaSnapshot read() {
		return SnapshotReader.allSchemas(HistoryTable.defaults()).read(this.dataSource);
	}

}
