package dev.migration.core.trace;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.AllowUnsafe;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.core.trace.TraceVerdict.Outcome;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/** An application's own revisions, Java operations included, traced through the executor that applies them. */
@PostgresTest(emptyBeforeEach = true)
class HistoryTracerTests {

	private final DataSource scratch;

	HistoryTracerTests(DataSource scratch) {
		this.scratch = scratch;
	}

	@Test
	void eachRevisionIsTracedWithSeededRowsAndItsFindingsAreJudged() {
		HistoryTrace trace = migrator(new CreateOrders(), new IndexCustomer(), new TotalNotNull(), new IndexTotal(),
				new BumpTotals(), new WidenTotal())
			.trace(this.scratch, "heads", 1000);
		assertThat(trace.problems()).as(trace.render()).isEmpty();
		assertThat(trace.contradicted()).as(trace.render()).isEmpty();
		assertThat(trace.revisions()).hasSize(6);

		RevisionTrace index = trace.revision("t2").orElseThrow();
		assertThat(index.seeded().rowsOf("orders")).as("orders was empty before t2").isEqualTo(1000);
		assertThat(index.verdict().judged()).anySatisfy((judged) -> {
			assertThat(judged.finding().ruleId()).isEqualTo("index-not-concurrent");
			assertThat(judged.outcome()).isEqualTo(Outcome.CONFIRMED);
		});
		assertThat(index.trace().blocksWrites("orders")).isTrue();
		assertThat(index.blocking()).singleElement().asString().startsWith("public.orders: writes blocked");

		// the safe operation, checked by PostgreSQL itself: a validated check spares SET NOT NULL its scan
		RevisionTrace notNull = trace.revision("t3").orElseThrow();
		assertThat(notNull.verdict().judged()).noneMatch((judged) -> judged.outcome() == Outcome.CONFIRMED);
		assertThat(notNull.trace().statements()).extracting(StatementTrace::transaction).contains(0, 1);
		assertThat(notNull.trace().fullScansOfExistingTables()).allSatisfy(
				(scan) -> assertThat(notNull.trace().statements().get(0).sql()).contains("NOT VALID"));
		assertThat(notNull.trace().readsBlocked("orders")).isPresent();

		RevisionTrace concurrent = trace.revision("t4").orElseThrow();
		assertThat(concurrent.trace().statements()).anySatisfy((statement) -> {
			assertThat(statement.inTransaction()).isFalse();
			assertThat(statement.sql()).contains("CONCURRENTLY");
		});
		assertThat(concurrent.trace().blocksWrites("orders")).isFalse();

		RevisionTrace backfill = trace.revision("t5").orElseThrow();
		assertThat(backfill.withoutSeededRows()).as(trace.render()).isFalse();
		assertThat(backfill.trace().statements()).singleElement()
			.satisfies((statement) -> assertThat(statement.inTransaction()).as("batches commit on their own").isFalse());
		assertThat(backfill.trace().blocksWrites("orders")).as("a backfill locks rows, never the table").isFalse();

		RevisionTrace widen = trace.revision("t6").orElseThrow();
		assertThat(widen.verdict().judged()).anySatisfy((judged) -> {
			assertThat(judged.accepted()).isEqualTo("quiet window");
			assertThat(judged.outcome()).isEqualTo(Outcome.CONFIRMED);
		});
		assertThat(widen.trace().rewrites()).isNotEmpty();

		assertThat(trace.render()).contains("t2 (index customer)", "lint error index-not-concurrent: confirmed by the trace",
				"(accepted: quiet window): confirmed by the trace", "blocked public.orders: writes blocked",
				"6 revision(s)");
		assertThat(new JdbcTemplate(this.scratch).queryForObject(
				"SELECT count(*) FROM pg_class WHERE relname = 'migration_history'", Integer.class))
			.as("a trace records no history").isZero();
	}

	@Test
	void whatTheLinterCouldNotReadButPostgresRewroteIsAProblem() {
		HistoryTrace trace = migrator(new CreateOrders(), new RewriteAtRunTime()).trace(this.scratch, "heads", 100);
		assertThat(trace.problems()).singleElement()
			.asString()
			.contains("revision m2", "rewrite of an existing table that no lint finding names");
		assertThat(trace.render()).contains("MISSED by lint: a rewrite");
	}

	@Test
	void aRevisionThatFailsOnSeededRowsIsTracedAgainWithoutThemAndOneThatAlwaysFailsEndsTheTrace() {
		HistoryTrace trace = migrator(new CreateOrders(), new NegativeTotals(), new DivideByZero(), new AfterFailure())
			.trace(this.scratch, "heads", 100);
		RevisionTrace check = trace.revision("f2").orElseThrow();
		assertThat(check.withoutSeededRows()).isTrue();
		assertThat(check.failed()).isFalse();
		assertThat(trace.revisions()).extracting((revision) -> revision.revision().id()).containsExactly("t1", "f2", "f3");
		assertThat(trace.problems()).singleElement().asString().contains("revision f3", "division by zero");
		assertThat(trace.render()).contains("traced again without seeded rows");
	}

	private static Migrator migrator(Migration... migrations) {
		// the migrator's own database is never used by a trace: this one does not exist
		return Migrator.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
				"jdbc:postgresql://127.0.0.1:1/none"), List.of(migrations), RunSettings.defaults());
	}

	@Revision(id = "t1", message = "create orders")
	static class CreateOrders implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id bigint, "
					+ "total integer)");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DROP TABLE orders");
		}

	}

	@Revision(id = "t2", revises = "t1", message = "index customer")
	static class IndexCustomer implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("orders_customer", "orders", (index) -> index.on("customer_id"));
		}

		@Override
		public void downgrade(Operations op) {
			op.dropIndex("orders_customer");
		}

	}

	@Revision(id = "t3", revises = "t2", message = "total not null")
	static class TotalNotNull implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.setNotNullOnline("orders", "total");
		}

		@Override
		public void downgrade(Operations op) {
			op.dropNotNull("orders", "total");
		}

	}

	@Revision(id = "t4", revises = "t3", message = "index total")
	static class IndexTotal implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("orders_total", "orders", (index) -> index.on("total").concurrently());
		}

		@Override
		public void downgrade(Operations op) {
			op.dropIndex("orders_total");
		}

	}

	@Revision(id = "t5", revises = "t4", message = "bump totals", transactional = false)
	static class BumpTotals implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.backfill("orders", (b) -> b.set("customer_id = -id").where("customer_id >= 0").batchSize(300));
		}

		@Override
		public void downgrade(Operations op) {
		}

	}

	@Revision(id = "t6", revises = "t5", message = "widen total")
	@AllowUnsafe(rule = "type-change-rewrite", reason = "quiet window")
	static class WidenTotal implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("ALTER TABLE orders ALTER COLUMN total TYPE bigint");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("ALTER TABLE orders ALTER COLUMN total TYPE integer");
		}

	}

	@Revision(id = "m2", revises = "t1", message = "rewrite at run time")
	static class RewriteAtRunTime implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("DO $$ BEGIN EXECUTE 'ALTER TABLE orders ALTER COLUMN total TYPE ' || 'bigint'; END $$");
		}

		@Override
		public void downgrade(Operations op) {
		}

	}

	@Revision(id = "f2", revises = "t1", message = "negative totals only")
	static class NegativeTotals implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("ALTER TABLE orders ADD CONSTRAINT orders_negative CHECK (id < 0)");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("ALTER TABLE orders DROP CONSTRAINT orders_negative");
		}

	}

	@Revision(id = "f4", revises = "f3", message = "after the failure")
	static class AfterFailure implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE never_made (id int)");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DROP TABLE never_made");
		}

	}

	@Revision(id = "f3", revises = "f2", message = "divide by zero")
	static class DivideByZero implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT 1 / 0");
		}

		@Override
		public void downgrade(Operations op) {
		}

	}

}
