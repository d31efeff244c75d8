package dev.migration.core.baseline;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.corpus.PsqlReference;
import dev.migration.core.dialect.PostgresScanner;
import dev.migration.testdb.LocalServer;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A baseline read from a database holding every kind of object it covers, with rows whose
 * values are hard to write, applied to empty databases of a server of the machine's
 * PostgreSQL version, whose {@code pg_dump} judges the schema.
 */
class BaselineScriptTests {

	/** The tool's, Flyway's and Liquibase's tables, in two schemas. */
	private static final List<String> HISTORY_TABLES = List.of("migration_history", "migration_history_state",
			"migration_backfill_progress", "flyway_schema_history", "databasechangelog");

	private static final String SCHEMA = """
			CREATE EXTENSION citext;
			CREATE SCHEMA billing;
			COMMENT ON SCHEMA billing IS 'Money';
			CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
			COMMENT ON TYPE mood IS 'How a customer feels';
			CREATE DOMAIN positive_int AS integer DEFAULT 1 CONSTRAINT positive CHECK (VALUE > 0);
			COMMENT ON CONSTRAINT positive ON DOMAIN positive_int IS 'Above zero';
			CREATE DOMAIN short_code AS text COLLATE "C" NOT NULL CHECK (length(VALUE) <= 10);
			CREATE TYPE billing.amount AS (currency char(3), cents bigint);
			CREATE TYPE float_range AS RANGE (subtype = float8, subtype_diff = float8mi);
			CREATE SEQUENCE billing.invoice_number AS integer START 1000 INCREMENT 5 CACHE 2;
			COMMENT ON SEQUENCE billing.invoice_number IS 'Printed on invoices';
			CREATE FUNCTION default_note() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'n/a' $$;
			CREATE TABLE customer (
			    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
			    email citext NOT NULL UNIQUE,
			    name text COLLATE "C",
			    mood mood DEFAULT 'ok',
			    rank positive_int,
			    tags text[],
			    profile jsonb,
			    avatar bytea,
			    created timestamptz DEFAULT now(),
			    name_upper text GENERATED ALWAYS AS (upper(name)) STORED
			);
			COMMENT ON TABLE customer IS 'People''s accounts';
			COMMENT ON COLUMN customer.email IS 'Login, "case-insensitive"';
			ALTER TABLE customer ALTER COLUMN name SET STATISTICS 500;
			ALTER TABLE customer ALTER COLUMN profile SET STORAGE EXTERNAL;
			CREATE TABLE billing.invoice (
			    id bigint GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 10),
			    number integer NOT NULL DEFAULT nextval('billing.invoice_number'),
			    customer_id uuid NOT NULL,
			    amount billing.amount,
			    code short_code,
			    period float_range,
			    line serial,
			    status varchar(10) CHECK (status IN ('open', 'paid')),
			    note text DEFAULT default_note(),
			    CONSTRAINT invoice_pkey PRIMARY KEY (id)
			);
			CREATE FUNCTION billing.cents(i billing.invoice) RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT (i.amount).cents $$;
			COMMENT ON FUNCTION billing.cents(billing.invoice) IS 'The amount in cents';
			CREATE PROCEDURE billing.forget(days integer) LANGUAGE sql AS $$ SELECT days $$;
			CREATE TABLE event (
			    id integer NOT NULL,
			    at date NOT NULL,
			    kind varchar(10) CHECK (kind IN ('a', 'b')),
			    payload text DEFAULT 'x'
			) PARTITION BY RANGE (at);
			CREATE TABLE event_2024 PARTITION OF event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
			CREATE TABLE event_2025 PARTITION OF event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
			ALTER TABLE event ADD PRIMARY KEY (id, at);
			CREATE INDEX event_kind ON event (kind);
			CREATE TABLE audit (id bigserial PRIMARY KEY, happened timestamptz DEFAULT clock_timestamp(), what text);
			CREATE TABLE audit_archive (archived boolean DEFAULT true) INHERITS (audit);
			CREATE UNLOGGED TABLE scratch (k integer, v text) WITH (fillfactor = 70);
			CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.created := now(); RETURN NEW; END $$;
			COMMENT ON FUNCTION touch() IS 'Stamps a row';
			CREATE TRIGGER customer_touch BEFORE UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION touch();
			COMMENT ON TRIGGER customer_touch ON customer IS 'On every change';
			CREATE TRIGGER customer_stamp BEFORE INSERT ON customer FOR EACH ROW EXECUTE FUNCTION touch();
			ALTER TABLE customer DISABLE TRIGGER customer_stamp;
			CREATE VIEW customer_names AS SELECT id, name FROM customer;
			COMMENT ON VIEW customer_names IS 'Just the names';
			CREATE VIEW happy_customer_names AS
			    SELECT n.id, n.name FROM customer_names n JOIN customer c USING (id) WHERE c.mood = 'happy';
			CREATE VIEW customer_invoice_count AS
			    SELECT c.id, c.name, count(i.id) AS invoices FROM customer c LEFT JOIN billing.invoice i ON i.customer_id = c.id
			    GROUP BY c.id;
			CREATE VIEW busy_customers AS SELECT id, name FROM customer_invoice_count WHERE invoices > 1;
			CREATE MATERIALIZED VIEW billing.invoice_totals AS
			    SELECT customer_id, count(*) AS invoices FROM billing.invoice GROUP BY customer_id;
			CREATE UNIQUE INDEX invoice_totals_customer ON billing.invoice_totals (customer_id);
			CREATE MATERIALIZED VIEW never_filled AS SELECT 1 AS one WITH NO DATA;
			CREATE INDEX customer_lower_name ON customer (lower(name)) WHERE name IS NOT NULL;
			COMMENT ON INDEX customer_lower_name IS 'Search by name';
			ALTER TABLE customer CLUSTER ON customer_pkey;
			ALTER TABLE billing.invoice ADD CONSTRAINT no_overlap EXCLUDE USING gist (period WITH &&);
			CREATE RULE scratch_keep AS ON DELETE TO scratch DO INSTEAD NOTHING;
			ALTER TABLE billing.invoice ENABLE ROW LEVEL SECURITY;
			CREATE POLICY invoice_known ON billing.invoice FOR SELECT USING (customer_id IS NOT NULL);
			CREATE TYPE "Feeling" AS ENUM ('it''s fine', 'Grand');
			CREATE TABLE "Odd ""Name"" Table" (
			    "select" integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
			    "Mixed Case" text,
			    f "Feeling"
			);
			COMMENT ON COLUMN "Odd ""Name"" Table"."select" IS 'a keyword';
			INSERT INTO "Odd ""Name"" Table" ("Mixed Case", f) VALUES ('x', 'it''s fine');
			CREATE TABLE migration_history (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, revision text);
			CREATE TABLE migration_history_state (revision text PRIMARY KEY);
			CREATE TABLE billing.migration_backfill_progress (name text PRIMARY KEY);
			CREATE TABLE flyway_schema_history (installed_rank integer PRIMARY KEY, version text);
			CREATE TABLE databasechangelog (id text);
			INSERT INTO migration_history (revision) VALUES ('r1');
			INSERT INTO migration_history_state VALUES ('r1');
			INSERT INTO flyway_schema_history VALUES (1, '1');
			INSERT INTO customer (id, email, name, mood, rank, tags, profile, avatar) VALUES
			    ('0b7a2b52-8a6b-4f51-9f1e-3d3c1f0e7a11', 'Ann@Example.com', E'O''Brien \\\\ "quoted"\\nsecond line', 'happy', 3,
			        ARRAY['a', 'b c', NULL], '{"k": [1, "two", null], "q": "it''s"}', '\\x00ff10'),
			    ('5d1e3f70-0c2d-4b8e-a7f6-2b9c8d7e6f50', 'bob@example.com', NULL, 'sad', NULL, '{}', NULL, NULL);
			INSERT INTO billing.invoice (customer_id, amount, code, period, status, note) VALUES
			    ('0b7a2b52-8a6b-4f51-9f1e-3d3c1f0e7a11', '(EUR,1250)', 'X1', '[1.5,2.5)', 'open', 'first'),
			    ('0b7a2b52-8a6b-4f51-9f1e-3d3c1f0e7a11', NULL, 'X2', NULL, NULL, NULL),
			    ('9c3f0000-0000-4000-8000-000000000000', NULL, 'X3', NULL, 'paid', '');
			ALTER TABLE billing.invoice ADD CONSTRAINT invoice_customer
			    FOREIGN KEY (customer_id) REFERENCES customer (id) NOT VALID;
			COMMENT ON CONSTRAINT invoice_customer ON billing.invoice IS 'Whose invoice';
			ALTER TABLE billing.invoice ADD CONSTRAINT note_given CHECK (note <> '') NOT VALID;
			ALTER DOMAIN short_code ADD CONSTRAINT short_code_not_x3 CHECK (VALUE <> 'X3') NOT VALID;
			INSERT INTO event VALUES (1, '2024-05-01', 'a', DEFAULT), (2, '2025-02-01', 'b', NULL);
			INSERT INTO audit (what) VALUES ('one');
			INSERT INTO audit_archive (what) VALUES ('archived');
			INSERT INTO scratch VALUES (1, 'x'), (2, NULL);
			SELECT setval('billing.invoice_number', 2000, false);
			REFRESH MATERIALIZED VIEW billing.invoice_totals;
			""";

	private static LocalServer server;

	private static TestDatabase source;

	private static BaselineScript script;

	private static int databases;

	@BeforeAll
	static void readTheBaseline() throws Exception {
		server = LocalServer.start();
		source = server.createDatabase("source");
		new JdbcTemplate(source.dataSource()).execute(SCHEMA);
		try (Connection connection = source.dataSource().getConnection()) {
			script = BaselineScript.read(connection, BaselineScope.defaults());
		}
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void itsTextRebuildsTheSchemaOnAnEmptyDatabase() throws Exception {
		List<String> statements = PostgresScanner.split(script.upgradeText());
		assertThat(statements).hasSameSizeAs(script.upgrade());
		TestDatabase target = applied(statements);
		assertThat(PsqlReference.dump(server, target.name())).isEqualTo(PsqlReference.dump(server, source.name()));
	}

	@Test
	void rebuildsEveryRowAndWhereEverySequenceStands() throws Exception {
		TestDatabase target = applied(script.upgrade());
		assertThat(TableRows.of(target.dataSource(), List.of()))
			.isEqualTo(TableRows.of(source.dataSource(), HISTORY_TABLES))
			.containsKeys("public.customer", "billing.invoice", "public.event_2024", "public.audit_archive",
					"public.Odd \"Name\" Table");
		String next = "SELECT nextval('billing.invoice_number') || ' ' || nextval('billing.invoice_line_seq') || ' '"
				+ " || nextval('public.audit_id_seq') || ' ' || nextval('billing.invoice_id_seq')";
		assertThat(queryText(target.dataSource(), next)).isEqualTo(queryText(source.dataSource(), next))
			.isEqualTo("2000 4 3 40");
	}

	@Test
	void writesEachValueAsAQuotedLiteralOfItsColumnsType() {
		assertThat(String.join("\n", script.upgrade())).contains("E'O''Brien \\\\ \"quoted\"\nsecond line'::text")
			.contains("'{a,\"b c\",NULL}'::text[]")
			.contains("E'\\\\x00ff10'::bytea")
			.contains("'{\"k\": [1, \"two\", null], \"q\": \"it''s\"}'::jsonb")
			.contains("INSERT INTO billing.invoice (id, number, customer_id, amount, code, period, line, status, note)"
					+ " OVERRIDING SYSTEM VALUE VALUES");
	}

	@Test
	void leavesOutTheHistoryTablesAndWhatBelongsToThem() {
		assertThat(script.upgrade()).noneMatch((statement) -> HISTORY_TABLES.stream().anyMatch(statement::contains));
	}

	@Test
	void keepsNotValidConstraintsNotValid() {
		assertThat(script.upgrade()).contains(
				"ALTER TABLE ONLY billing.invoice ADD CONSTRAINT invoice_customer FOREIGN KEY (customer_id) "
						+ "REFERENCES public.customer(id) NOT VALID",
				"ALTER TABLE billing.invoice ADD CONSTRAINT note_given CHECK ((note <> ''::text)) NOT VALID");
	}

	@Test
	void createsAViewThatGroupsByAKeyOnceTheKeyIsThere() {
		List<String> upgrade = script.upgrade();
		int key = upgrade.indexOf("ALTER TABLE ONLY public.customer ADD CONSTRAINT customer_pkey PRIMARY KEY (id)");
		assertThat(key).isPositive();
		assertThat(upgrade.subList(key, upgrade.size())).anyMatch((statement) -> statement.startsWith(
				"CREATE VIEW public.customer_invoice_count "))
			.anyMatch((statement) -> statement.startsWith("CREATE VIEW public.busy_customers "));
	}

	@Test
	void downgradeDropsAllItCreatedButExtensionsAndTheSchemaOfAHistoryTable() throws Exception {
		TestDatabase target = applied(script.upgrade());
		apply(target, script.downgrade());
		JdbcTemplate jdbc = new JdbcTemplate(target.dataSource());
		assertThat(jdbc.queryForList("""
				SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname IN ('public', 'billing') AND c.oid NOT IN (SELECT objid FROM pg_depend WHERE deptype = 'e')
				UNION ALL SELECT p.oid::regprocedure::text FROM pg_proc p
				WHERE p.pronamespace IN ('public'::regnamespace, 'billing'::regnamespace)
				  AND p.oid NOT IN (SELECT objid FROM pg_depend WHERE deptype = 'e')
				UNION ALL SELECT t.oid::regtype::text FROM pg_type t
				WHERE t.typnamespace IN ('public'::regnamespace, 'billing'::regnamespace) AND t.typelem = 0
				  AND t.oid NOT IN (SELECT objid FROM pg_depend WHERE deptype = 'e')""", String.class)).isEmpty();
		assertThat(jdbc.queryForList("SELECT extname FROM pg_extension ORDER BY 1", String.class))
			.containsExactly("citext", "plpgsql");
		// billing holds the backfill progress table where the baseline was read: the tool keeps its tables there
		assertThat(jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname IN ('public', 'billing') ORDER BY 1",
				String.class)).containsExactly("billing", "public");
	}

	@Test
	void leavesTheConnectionsSettingsAsTheyWere() throws SQLException {
		String settings = "SELECT current_setting('search_path') || ' ' || current_setting('IntervalStyle')";
		try (Connection connection = source.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("SET search_path = billing, public; SET IntervalStyle = 'sql_standard'");
			BaselineScript.read(connection, BaselineScope.defaults());
			try (ResultSet rows = statement.executeQuery(settings)) {
				rows.next();
				assertThat(rows.getString(1)).isEqualTo("billing, public sql_standard");
			}
		}
	}

	@Test
	void readsOnlyTheSchemasNamed() throws SQLException {
		try (Connection connection = source.dataSource().getConnection()) {
			BaselineScript billing = BaselineScript.read(connection, BaselineScope.defaults().onlySchemas(List.of("billing")));
			assertThat(billing.upgrade()).anyMatch((statement) -> statement.startsWith("CREATE TABLE billing.invoice "))
				.noneMatch((statement) -> statement.contains("public.customer ("))
				.noneMatch((statement) -> statement.startsWith("CREATE EXTENSION"));
		}
	}

	@Test
	void upgradeTextHasAHeaderAndEachStatementOnAParagraph() {
		assertThat(script.upgradeText()).startsWith("-- Baseline: ")
			.contains("\n\nSET check_function_bodies = false;\n\nCREATE SCHEMA IF NOT EXISTS billing;\n\n")
			.endsWith("\n\nRESET check_function_bodies;\n");
		assertThat(script.downgradeText()).startsWith("-- Drops what the baseline created")
			.endsWith("\n\nDROP TYPE billing.amount;\n");
	}

	private static TestDatabase applied(List<String> statements) throws SQLException {
		TestDatabase target = server.createDatabase("target" + (++databases));
		apply(target, statements);
		return target;
	}

	private static void apply(TestDatabase database, List<String> statements) throws SQLException {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static String queryText(DataSource dataSource, String sql) {
		return new JdbcTemplate(dataSource).queryForObject(sql, String.class);
	}

}
