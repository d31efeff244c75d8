package dev.migration.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@PostgresTest(emptyBeforeEach = true)
class BackfillMetricsTests {

	private final TestDatabase database;

	private final JdbcTemplate jdbc;

	BackfillMetricsTests(TestDatabase database) {
		this.database = database;
		this.jdbc = new JdbcTemplate(database.dataSource());
	}

	@BeforeEach
	void itemsToFill() {
		this.jdbc.execute("CREATE TABLE item (id bigint PRIMARY KEY, price int)");
		this.jdbc.update("INSERT INTO item (id) SELECT i FROM generate_series(1, 3000) i");
	}

	@Test
	void aStoppedBackfillCountsAsActiveWithTheRowsItFilled() {
		// the batch holding id 2000 divides by zero: the batches before it stay committed
		assertThatException().isThrownBy(() -> migrator(new FillPrice("100 / (id - 2000)")).upgrade("heads"));
		SimpleMeterRegistry registry = bind();
		assertThat(registry.get(BackfillMetrics.ACTIVE).gauge().value()).isEqualTo(1);
		assertThat(registry.get(BackfillMetrics.ROWS).gauge().value())
			.isEqualTo(this.jdbc.queryForObject("SELECT count(*) FROM item WHERE price IS NOT NULL", Double.class))
			.isGreaterThan(0);
	}

	@Test
	void aFinishedBackfillIsNoLongerActive() {
		migrator(new FillPrice("id")).upgrade("heads");
		SimpleMeterRegistry registry = bind();
		assertThat(registry.get(BackfillMetrics.ACTIVE).gauge().value()).isZero();
		assertThat(registry.get(BackfillMetrics.ROWS).gauge().value()).isZero();
	}

	@Test
	void anUnreadableDatabaseGivesNaN() {
		migrator(new FillPrice("id")).upgrade("heads");
		this.jdbc.execute("ALTER TABLE migration_backfill_progress RENAME TO elsewhere");
		this.jdbc.execute("CREATE VIEW migration_backfill_progress AS SELECT 1 / 0 AS name");
		assertThat(bind().get(BackfillMetrics.ACTIVE).gauge().value()).isNaN();
	}

	private SimpleMeterRegistry bind() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new BackfillMetrics(migrator(new FillPrice("id")), Duration.ZERO).bindTo(registry);
		return registry;
	}

	private Migrator migrator(Migration migration) {
		// the table predates the revisions, as an application's does
		return Migrator.create(this.database.dataSource(), List.of(migration), RunSettings.defaults())
			.withBaselineOnMigrate("base");
	}

	@Revision(id = "f1", message = "fill item price")
	static final class FillPrice implements Migration {

		private final String value;

		FillPrice(String value) {
			this.value = value;
		}

		@Override
		public void upgrade(Operations op) {
			op.backfill("item", (b) -> b.set("price = " + this.value).where("price IS NULL").batchSize(500));
		}

	}

}
