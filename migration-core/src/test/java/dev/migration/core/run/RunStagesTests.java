package dev.migration.core.run;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.Stage;
import dev.migration.core.run.RunPlan.Waiting;
import dev.migration.core.schema.ColumnType;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Expand, background backfill and contract of one column, stage by stage, on a real PostgreSQL. */
@PostgresTest(emptyBeforeEach = true)
class RunStagesTests {

	private static final List<Migration> REVISIONS = List.of(new CreateOrders(), new AddTotalCents(),
			new BackfillTotalCents(), new TotalCentsNotNull(), new RetireTotal());

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	RunStagesTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Test
	void startUpAppliesTheExpandAndLeavesTheRestWaiting() {
		RunResult result = migrator().upgrade("heads", RunScope.STARTUP);
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly("s1", "s2");
		assertThat(result.waiting()).extracting((wait) -> wait.revision().id() + ": " + wait.describe())
			.containsExactly("s3: runs in the background once the application is ready", "s4: waits for s3",
					"s5: awaits release");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM orders WHERE total_cents IS NULL", Integer.class))
			.isEqualTo(1000);
	}

	@Test
	void theRunAfterStartUpBackfillsAndStopsAtTheContractRevision() {
		migrator().upgrade("heads", RunScope.STARTUP);
		RunResult result = migrator().upgrade("heads");
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly("s3", "s4");
		assertThat(result.waiting()).extracting(Waiting::describe).containsExactly("awaits release");
		assertThat(this.jdbc.queryForObject("SELECT sum(total_cents) FROM orders", Long.class))
			.isEqualTo(this.jdbc.queryForObject("SELECT sum(round(total * 100)) FROM orders", Long.class));
		assertThat(columns()).contains("total", "total_cents");
		assertThat(migrator().plan("heads", RunScope.STARTUP).now()).isEmpty();
	}

	@Test
	void aReleasedContractRevisionRunsAndKeepsTheDataAsABackup() {
		migrator().upgrade("heads");
		RunResult result = migrator().withRelease(Release.of(List.of("s5"))).upgrade("heads");
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly("s5");
		assertThat(result.waiting()).isEmpty();
		assertThat(columns()).contains("total_retired").doesNotContain("total");
	}

	@Test
	void aReleaseNamingNoRevisionIsRefusedBeforeAnythingRuns() {
		assertThatExceptionOfType(InvalidReleaseException.class)
			.isThrownBy(() -> migrator().withRelease(Release.of(List.of("s6"))))
			.withMessageContaining("[s6]")
			.withMessageContaining("migrations.release");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('orders') IS NULL", Boolean.class)).isTrue();
	}

	private List<String> columns() {
		return this.jdbc.queryForList(
				"SELECT column_name FROM information_schema.columns WHERE table_name = 'orders' ORDER BY 1",
				String.class);
	}

	private Migrator migrator() {
		return Migrator.create(this.dataSource, REVISIONS, RunSettings.defaults());
	}

	@Revision(id = "s1", message = "create orders")
	static class CreateOrders implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("orders", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("total", ColumnType.numeric(12, 2), (c) -> c.notNull()));
			op.execute("INSERT INTO orders (total) SELECT i + 0.25 FROM generate_series(1, 1000) i",
					"DELETE FROM orders");
		}

	}

	@Revision(id = "s2", revises = "s1", message = "add total_cents")
	static class AddTotalCents implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.addColumn("orders", "total_cents", ColumnType.BIGINT);
		}

	}

	@Revision(id = "s3", revises = "s2", message = "backfill total_cents", stage = Stage.BACKGROUND)
	static class BackfillTotalCents implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.backfill("orders", (b) -> b.set("total_cents = round(total * 100)").where("total_cents IS NULL"));
		}

	}

	@Revision(id = "s4", revises = "s3", message = "total_cents not null")
	static class TotalCentsNotNull implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.setNotNullOnline("orders", "total_cents");
		}

	}

	@Revision(id = "s5", revises = "s4", message = "retire total", stage = Stage.CONTRACT)
	static class RetireTotal implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.retireColumn("orders", "total");
		}

	}

}
