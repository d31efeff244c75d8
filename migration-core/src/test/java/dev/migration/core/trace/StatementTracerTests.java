package dev.migration.core.trace;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migration.testdb.LocalServer;

import static org.assertj.core.api.Assertions.assertThat;

/** What PostgreSQL really does for common migration statements, as the tracer records it. */
class StatementTracerTests {

	private static LocalServer server;

	private static DataSource scratch;

	@BeforeAll
	static void startServer() throws Exception {
		server = LocalServer.start();
		scratch = server.createDatabase("trace").dataSource();
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@BeforeEach
	void table() throws SQLException {
		sql("DROP SCHEMA public CASCADE", "CREATE SCHEMA public",
				"CREATE TABLE t (id int PRIMARY KEY, c int, v varchar(100))",
				"INSERT INTO t SELECT n, n, 'v' || n FROM generate_series(1, 1000) n", "ANALYZE t");
	}

	@Test
	void addColumnTakesAccessExclusiveAndRewritesNothing() throws SQLException {
		StatementTrace trace = only("ALTER TABLE t ADD COLUMN d int");
		assertThat(trace.took("t", LockMode.ACCESS_EXCLUSIVE)).isTrue();
		assertThat(trace.strongestLock("public.t")).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
		assertThat(trace.rewrites()).isEmpty();
		assertThat(trace.scanOf("t").isFullScan()).isFalse();
		assertThat(trace.rows()).containsValue(1000L);
	}

	@Test
	void intToBigintRewritesTheTableAndItsIndexes() throws SQLException {
		StatementTrace trace = only("ALTER TABLE t ALTER COLUMN c TYPE bigint");
		assertThat(trace.rewrote("t")).isTrue();
		assertThat(trace.rewrote("t_pkey")).as("a rewrite rebuilds every index").isTrue();
		Rewrite rewrite = trace.rewrites().stream().filter((r) -> r.relation().matches("t")).findFirst().orElseThrow();
		assertThat(rewrite.filenodeAfter()).isNotEqualTo(rewrite.filenodeBefore());
		assertThat(trace.strongestLock("t")).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
	}

	@Test
	void wideningVarcharRewritesNothing() throws SQLException {
		StatementTrace trace = only("ALTER TABLE t ALTER COLUMN v TYPE varchar(200)");
		assertThat(trace.rewrites()).isEmpty();
		assertThat(trace.took("t", LockMode.ACCESS_EXCLUSIVE)).isTrue();
	}

	@Test
	void aVolatileDefaultRewritesAConstantOneDoesNot() throws SQLException {
		TraceReport report = trace("ALTER TABLE t ADD COLUMN d int DEFAULT 7",
				"ALTER TABLE t ADD COLUMN e timestamptz DEFAULT clock_timestamp()");
		assertThat(report.statements().get(0).rewrites()).isEmpty();
		assertThat(report.statements().get(1).rewrote("t")).isTrue();
	}

	@Test
	void setNotNullSkipsItsScanWhenAValidCheckProvesIt() throws SQLException {
		TraceReport report = trace("ALTER TABLE t ADD CONSTRAINT c_present CHECK (c IS NOT NULL) NOT VALID",
				"ALTER TABLE t VALIDATE CONSTRAINT c_present", "ALTER TABLE t ALTER COLUMN c SET NOT NULL");
		assertThat(report.statements().get(1).scanOf("t").seqScans()).isPositive();
		assertThat(report.statements().get(2).scanOf("t").seqScans()).isZero();
		assertThat(report.statements().get(2).strongestLock("t")).as("held since the first statement")
			.isEqualTo(LockMode.ACCESS_EXCLUSIVE);
	}

	@Test
	void createIndexBlocksWritesButNotReads() throws SQLException {
		TraceReport report = trace("CREATE INDEX t_c ON t (c)");
		assertThat(report.strongestLock("t")).contains(LockMode.SHARE);
		assertThat(report.blocksWrites("t")).isTrue();
		assertThat(report.blocksReads("t")).isFalse();
		assertThat(report.fullScans()).extracting((scan) -> scan.table().name()).contains("t");
		assertThat(report.statements().get(0).inTransaction()).isTrue();
		assertThat(report.statements().get(0).created()).extracting(TracedRelation::name).containsExactly("t_c");
		assertThat(report.fullScansOfExistingTables()).hasSize(1);
	}

	@Test
	void createIndexConcurrentlyTakesShareUpdateExclusiveOutsideATransaction() throws SQLException {
		sql("INSERT INTO t SELECT n, n, 'v' || n FROM generate_series(1001, 200000) n", "ANALYZE t");
		StatementTrace trace = only("CREATE INDEX CONCURRENTLY t_c ON t (c)");
		assertThat(trace.inTransaction()).isFalse();
		assertThat(trace.error()).isNull();
		assertThat(trace.took("t", LockMode.SHARE_UPDATE_EXCLUSIVE)).as("sampled while it ran: %s", trace.newLocks())
			.isTrue();
		assertThat(trace.strongestLock("t")).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE);
		assertThat(trace.holds()).as("SHARE UPDATE EXCLUSIVE blocks neither reads nor writes; the new index is unseen")
			.noneMatch(LockHold::existedBefore);
		assertThat(trace.scanOf("t").seqScans()).as("counted from the shared statistics").isPositive();
	}

	@Test
	void aParallelIndexBuildCountsTheRowsItsWorkersRead() throws SQLException {
		sql("INSERT INTO t SELECT n, n, repeat('v', 90) FROM generate_series(1001, 300000) n", "ANALYZE t");
		TraceReport report = trace("SET LOCAL max_parallel_maintenance_workers = 2",
				"SET LOCAL min_parallel_table_scan_size = 0", "CREATE INDEX t_c ON t (c)");
		TableScan scan = report.statements().get(2).scanOf("t");
		assertThat(scan.seqScans()).as("the leader's and each worker's").isGreaterThan(1);
		assertThat(scan.seqTuplesRead()).isEqualTo(300000);
	}

	@Test
	void evenAFastIndexBuildIsSeenThanksToTheGate() throws SQLException {
		for (int i = 0; i < 5; i++) {
			StatementTrace trace = only("CREATE INDEX CONCURRENTLY t_c" + i + " ON t (c)");
			assertThat(trace.took("t", LockMode.SHARE_UPDATE_EXCLUSIVE)).as("run %d: %s", i, trace.newLocks()).isTrue();
		}
		StatementTrace drop = only("DROP INDEX CONCURRENTLY t_c0");
		assertThat(drop.inTransaction()).isFalse();
		assertThat(drop.dropped()).extracting(TracedRelation::name).containsExactly("t_c0");
		assertThat(drop.took("t", LockMode.SHARE_UPDATE_EXCLUSIVE)).as("held while it waits for the gate's lock")
			.isTrue();
	}

	@Test
	void vacuumFullRewritesUnderAccessExclusive() throws SQLException {
		StatementTrace trace = only("VACUUM FULL t");
		assertThat(trace.inTransaction()).isFalse();
		assertThat(trace.took("t", LockMode.ACCESS_EXCLUSIVE)).as("seen waiting for the gate").isTrue();
		assertThat(trace.rewrote("t")).isTrue();
		assertThat(trace.holds()).filteredOn((hold) -> hold.relation().matches("t"))
			.singleElement()
			.satisfies((hold) -> assertThat(hold.held()).isPositive().isLessThanOrEqualTo(trace.duration()));
	}

	@Test
	void aStatementOutsideATransactionSplitsTheRevision() throws SQLException {
		TraceReport report = trace("ALTER TABLE t ADD COLUMN d int", "SELECT pg_sleep(0.1)",
				"CREATE INDEX CONCURRENTLY t_d ON t (d)", "ALTER TABLE t ADD COLUMN e int", "SELECT pg_sleep(0.5)");
		assertThat(report.statements()).extracting(StatementTrace::transaction).containsExactly(0, 0, 1, 2, 2);
		assertThat(report.statements()).extracting(StatementTrace::inTransaction)
			.containsExactly(true, true, false, true, true);
		assertThat(report.statements().get(2).took("t", LockMode.SHARE_UPDATE_EXCLUSIVE)).isTrue();
		Duration first = report.statements().get(0).holds().get(0).held();
		Duration second = report.statements().get(3).holds().get(0).held();
		// held to the commit before the index build, not through the second sleep to the revision's end
		assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(100)).isLessThan(Duration.ofMillis(550));
		assertThat(second).isGreaterThanOrEqualTo(Duration.ofMillis(500));
		assertThat(report.readsBlocked("t")).contains(first.plus(second));
	}

	@Test
	void checkConstraintScansTheTableUnlessNotValid() throws SQLException {
		TraceReport report = trace("ALTER TABLE t ADD CONSTRAINT c_positive CHECK (c > 0) NOT VALID",
				"ALTER TABLE t VALIDATE CONSTRAINT c_positive", "ALTER TABLE t ADD CONSTRAINT id_positive CHECK (id > 0)");
		StatementTrace notValid = report.statements().get(0);
		StatementTrace validate = report.statements().get(1);
		StatementTrace checked = report.statements().get(2);
		assertThat(notValid.scanOf("t").seqScans()).isZero();
		assertThat(notValid.took("t", LockMode.ACCESS_EXCLUSIVE)).isTrue();
		assertThat(validate.scanOf("t").seqScans()).isPositive();
		assertThat(validate.scanOf("t").seqTuplesRead()).isEqualTo(1000);
		assertThat(validate.took("t", LockMode.SHARE_UPDATE_EXCLUSIVE)).isTrue();
		assertThat(validate.newLocks()).as("ACCESS EXCLUSIVE was held already").noneMatch(
				(lock) -> lock.mode() == LockMode.ACCESS_EXCLUSIVE);
		assertThat(checked.scanOf("t").seqScans()).isPositive();
		assertThat(report.rewrites()).isEmpty();
	}

	@Test
	void setNotNullScansTheTable() throws SQLException {
		StatementTrace trace = only("ALTER TABLE t ALTER COLUMN c SET NOT NULL");
		assertThat(trace.scanOf("t").seqScans()).isPositive();
		assertThat(trace.rewrites()).isEmpty();
		assertThat(trace.took("t", LockMode.ACCESS_EXCLUSIVE)).isTrue();
	}

	@Test
	void aLockIsHeldUntilTheCommitNotJustForItsStatement() throws SQLException {
		TraceReport report = trace("ALTER TABLE t ADD COLUMN d int", "SELECT pg_sleep(0.2)");
		StatementTrace add = report.statements().get(0);
		Duration readsBlocked = report.readsBlocked("t").orElseThrow();
		assertThat(readsBlocked).isGreaterThanOrEqualTo(add.duration().plusMillis(200));
		assertThat(report.writesBlocked("t")).contains(readsBlocked);
		assertThat(add.holds()).singleElement().satisfies((hold) -> {
			assertThat(hold.mode()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
			assertThat(hold.existedBefore()).isTrue();
		});
		assertThat(report.statements().get(1).holds()).isEmpty();
	}

	@Test
	void aStrongerLockLaterInTheTransactionStartsItsOwnHold() throws SQLException {
		TraceReport report = trace("CREATE INDEX t_c ON t (c)", "SELECT pg_sleep(0.1)", "ALTER TABLE t ADD COLUMN d int");
		assertThat(report.statements().get(0).holds()).filteredOn((hold) -> hold.relation().matches("t"))
			.singleElement()
			.satisfies((hold) -> assertThat(hold.mode()).isEqualTo(LockMode.SHARE));
		assertThat(report.statements().get(0).holds()).filteredOn((hold) -> hold.relation().matches("t_c"))
			.singleElement()
			.satisfies((hold) -> assertThat(hold.existedBefore()).as("the index it builds").isFalse());
		assertThat(report.statements().get(2).holds()).singleElement()
			.satisfies((hold) -> assertThat(hold.mode()).isEqualTo(LockMode.ACCESS_EXCLUSIVE));
		assertThat(report.writesBlocked("t").orElseThrow())
			.isGreaterThan(report.readsBlocked("t").orElseThrow().plusMillis(90));
	}

	@Test
	void aNewTableIsMarkedSoItsLocksBlockNoOne() throws SQLException {
		TraceReport report = trace("CREATE TABLE u (id int)", "ALTER TABLE u ADD COLUMN d int");
		assertThat(report.strongestLock("u")).contains(LockMode.ACCESS_EXCLUSIVE);
		assertThat(report.blocksReads("u")).as("no one else sees it yet").isFalse();
		assertThat(report.fullScansOfExistingTables()).isEmpty();
		assertThat(report.statements().get(0).holds()).allSatisfy((hold) -> assertThat(hold.existedBefore()).isFalse());
	}

	@Test
	void aFailedStatementStopsTheRevisionAndRollsItBack() throws SQLException {
		TraceReport report = trace("ALTER TABLE t ADD COLUMN d int", "ALTER TABLE t ADD CONSTRAINT c_big CHECK (c > 10)",
				"ALTER TABLE t ADD COLUMN e int");
		assertThat(report.failed()).isTrue();
		assertThat(report.statements()).hasSize(2);
		assertThat(report.statements().get(1).error()).contains("c_big");
		assertThat(report.statements().get(1).took("t", LockMode.ACCESS_EXCLUSIVE)).isFalse();
		assertThat(report.readsBlocked("t")).isPresent();
		assertThat(query("SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'd'"))
			.isZero();
	}

	@Test
	void explicitCommitSplitsTheTransaction() throws SQLException {
		TraceReport report = trace("BEGIN", "ALTER TABLE t ADD COLUMN d int", "COMMIT", "ALTER TABLE t ADD COLUMN e int");
		assertThat(report.statements()).extracting(StatementTrace::transaction).containsExactly(0, 0, 0, 1);
		assertThat(report.statements().get(3).took("t", LockMode.ACCESS_EXCLUSIVE)).isTrue();
	}

	private static StatementTrace only(String statement) throws SQLException {
		TraceReport report = trace(statement);
		assertThat(report.statements()).hasSize(1);
		StatementTrace trace = report.statements().get(0);
		assertThat(trace.error()).isNull();
		return trace;
	}

	private static TraceReport trace(String... statements) throws SQLException {
		TraceReport report = StatementTracer.trace(scratch, List.of(statements));
		System.out.print(report.summary());
		return report;
	}

	private static void sql(String... statements) throws SQLException {
		try (Connection connection = scratch.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static long query(String sql) throws SQLException {
		try (Connection connection = scratch.getConnection(); Statement statement = connection.createStatement();
				var rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
