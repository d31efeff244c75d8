package dev.migration.core.trace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migration.testdb.LocalServer;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows the seeder puts into a small schema's empty tables, foreign keys, enums and checks included. */
class TraceSeederTests {

	private static LocalServer server;

	private static DataSource scratch;

	@BeforeAll
	static void startServer() throws Exception {
		server = LocalServer.start();
		scratch = server.createDatabase("seed").dataSource();
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@BeforeEach
	void schema() throws SQLException {
		sql("DROP SCHEMA public CASCADE", "CREATE SCHEMA public", "CREATE TYPE mood AS ENUM ('happy', 'sad')",
				"CREATE DOMAIN positive AS int CHECK (VALUE > 0)", "CREATE TABLE unrelated (id int PRIMARY KEY)");
	}

	@Test
	void fillsParentsFirstWithTheirKeysInTheChildren() throws SQLException {
		sql("CREATE TABLE \"Parent\" (id uuid PRIMARY KEY, name text NOT NULL, mood mood NOT NULL,"
				+ " created timestamptz NOT NULL DEFAULT now(), n int GENERATED ALWAYS AS IDENTITY)",
				"CREATE TABLE child (id bigserial PRIMARY KEY, parent_id uuid NOT NULL REFERENCES \"Parent\","
						+ " amount numeric(5, 2) NOT NULL, tags int[] NOT NULL, settled boolean NOT NULL, due date,"
						+ " data jsonb NOT NULL, size positive NOT NULL, up bigint REFERENCES child)");
		SeedReport report = seed(new TraceSeeder(500), "ALTER TABLE child ADD COLUMN note text");
		assertThat(report.skipped()).isEmpty();
		assertThat(report.rowsOf("Parent")).as("a parent of a mentioned table").isEqualTo(500);
		assertThat(report.rowsOf("child")).isEqualTo(500);
		assertThat(report.rowsOf("unrelated")).as("not mentioned").isZero();
		assertThat(count("SELECT count(DISTINCT parent_id) FROM child")).as("each parent row used").isEqualTo(500);
		assertThat(count("SELECT count(*) FROM child c JOIN \"Parent\" p ON p.id = c.parent_id")).isEqualTo(500);
		assertThat(count("SELECT count(*) FROM \"Parent\" WHERE mood = 'happy'")).isEqualTo(500);
		assertThat(count("SELECT reltuples::bigint FROM pg_class WHERE relname = 'child'")).as("analyzed").isEqualTo(500);
		assertThat(count("SELECT min(id) FROM child")).as("serial keys clear of a data migration's").isGreaterThan(1000);
		assertThat(count("SELECT min(n) FROM \"Parent\"")).as("identity keys too").isGreaterThan(1000);
		assertThat(count("SELECT nextval('child_id_seq')")).as("the sequence untouched").isEqualTo(1);
	}

	@Test
	void unseedDeletesTheSeededRowsAndKeepsTheOthers() throws SQLException {
		sql("CREATE TABLE child (id int PRIMARY KEY, parent int NOT NULL REFERENCES unrelated)",
				"CREATE TABLE keyless (label text)", "CREATE TABLE gone (id int)");
		try (Connection connection = scratch.getConnection()) {
			TraceSeeder seeder = new TraceSeeder(10);
			SeedReport first = seeder.seedAll(connection);
			assertThat(first.rowsOf("child")).isEqualTo(10);
			sql("DROP TABLE gone", "INSERT INTO unrelated VALUES (1)", "INSERT INTO child VALUES (1, 1)",
					"ALTER TABLE child ALTER COLUMN id TYPE bigint", "INSERT INTO keyless VALUES ('mine')");
			assertThat(seeder.unseed(connection, List.of(first))).isEmpty();
		}
		assertThat(count("SELECT count(*) FROM unrelated")).as("the migration's row stays").isEqualTo(1);
		assertThat(count("SELECT count(*) FROM child")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM keyless")).as("no key: every row goes").isZero();
	}

	@Test
	void fallsBackToOneRowOrSkipsWithTheReason() throws SQLException {
		sql("CREATE TABLE narrow (code varchar(2) NOT NULL UNIQUE)",
				"CREATE TABLE refused (amount int NOT NULL CHECK (amount < 0))",
				"CREATE TABLE optional (id int PRIMARY KEY, kind text CHECK (kind IN ('a', 'b')))");
		SeedReport report = seedAll(new TraceSeeder(100));
		assertThat(report.rowsOf("narrow")).as("x1..x9 fit, x10 and x1 collide").isEqualTo(1);
		assertThat(report.rowsOf("optional")).as("without the column its check refuses").isEqualTo(100);
		assertThat(report.rowsOf("unrelated")).isEqualTo(100);
		assertThat(report.skipped().entrySet()).singleElement().satisfies((skip) -> {
			assertThat(skip.getKey().name()).isEqualTo("refused");
			assertThat(skip.getValue()).contains("refused_amount_check");
		});
		assertThat(seedAll(new TraceSeeder(100)).seeded()).as("only empty tables").isEmpty();
	}

	@Test
	void aColumnWithACheckOfItsOwnTakesTheChecksFirstLiteral() throws SQLException {
		sql("CREATE TABLE secrets (id int PRIMARY KEY, kind varchar(10) NOT NULL"
				+ " CHECK (kind IN ('it''s', 'beta')), size int NOT NULL CHECK (size BETWEEN 1 AND 9))");
		SeedReport report = seedAll(new TraceSeeder(100));
		assertThat(report.skipped()).isEmpty();
		assertThat(report.rowsOf("secrets")).as("one row: 1 fits, 2 to 100 do not").isEqualTo(1);
		assertThat(count("SELECT count(*) FROM secrets WHERE kind = 'it''s' AND size = 1")).isEqualTo(1);
	}

	@Test
	void seededRowsMakeAValidationScanShow() throws SQLException {
		List<String> revision = List.of("ALTER TABLE unrelated ADD CONSTRAINT id_positive CHECK (id > 0)");
		try (StatementTracer tracer = StatementTracer.open(scratch)) {
			SeedReport seeded = new TraceSeeder(1000).seed(tracer.session(), revision);
			assertThat(seeded.rowsOf("unrelated")).isEqualTo(1000);
			StatementTrace trace = tracer.trace("V1", revision).statements().get(0);
			assertThat(trace.scanOf("unrelated").seqTuplesRead()).isEqualTo(1000);
			assertThat(trace.rows()).containsValue(1000L);
		}
	}

	private static SeedReport seed(TraceSeeder seeder, String... statements) throws SQLException {
		try (Connection connection = scratch.getConnection()) {
			return seeder.seed(connection, List.of(statements));
		}
	}

	private static SeedReport seedAll(TraceSeeder seeder) throws SQLException {
		try (Connection connection = scratch.getConnection()) {
			return seeder.seedAll(connection);
		}
	}

	private static void sql(String... statements) throws SQLException {
		try (Connection connection = scratch.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static long count(String sql) throws SQLException {
		try (Connection connection = scratch.getConnection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
