package dev.migration.autoconfigure.endpoint;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.autoconfigure.BackfillPaces;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.BackfillDescriptor;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.run.BackfillPace;
import dev.migration.core.run.Migrator;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** Backfills on the endpoint: progress from the database, rate and time left while they run here. */
@PostgresTest
class MigrationsEndpointBackfillTests {

	private static final String NAME = "item.id: price = 100 / (id - 2000) where price IS NULL";

	private final TestDatabase database;

	private final ApplicationContextRunner contextRunner;

	MigrationsEndpointBackfillTests(TestDatabase database) {
		this.database = database;
		this.contextRunner = EndpointContexts.runner(database)
			// the table predates the revision, as an application's does
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"migrations.baseline-on-migrate=base")
			.withBean(StoppingFill.class);
	}

	@BeforeEach
	void itemsToFill() {
		JdbcTemplate jdbc = new JdbcTemplate(this.database.dataSource());
		jdbc.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
		jdbc.execute("CREATE TABLE item (id bigint PRIMARY KEY, price int)");
		jdbc.update("INSERT INTO item (id) SELECT i FROM generate_series(1, 3000) i");
	}

	@Test
	void aBackfillShowsItsProgressAndTheRateHeardWhileItRunsHere() {
		this.contextRunner.run((context) -> {
			// the batch holding id 2000 divides by zero: the batches before it stay committed
			assertThatException().isThrownBy(() -> context.getBean(Migrator.class).upgrade("heads"));
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			BackfillDescriptor stopped = endpoint.migrations().backfills().get(0);
			assertThat(stopped.name()).isEqualTo(NAME);
			assertThat(stopped.done()).isFalse();
			assertThat(stopped.rowsDone()).isPositive();
			assertThat(stopped.rowsPerSecond()).isNull();
			context.getBean(BackfillPaces.class)
				.backfillProgressed(new BackfillPace(NAME, stopped.rowsDone(), 1234.4, stopped.lastKey(),
						stopped.endKey(), 41.2, Instant.now()));
			BackfillDescriptor running = endpoint.migrations().backfills().get(0);
			assertThat(running.rowsPerSecond()).isEqualTo(1234.0);
			assertThat(running.secondsLeft()).isEqualTo(42.0);
		});
	}

	@Test
	void aPaceHeardLongAgoIsNotShown() {
		this.contextRunner.run((context) -> {
			assertThatException().isThrownBy(() -> context.getBean(Migrator.class).upgrade("heads"));
			context.getBean(BackfillPaces.class)
				.backfillProgressed(new BackfillPace(NAME, 1, 10, "1", "3000", 5.0, Instant.now().minusSeconds(60)));
			assertThat(context.getBean(MigrationsEndpoint.class).migrations().backfills().get(0).rowsPerSecond())
				.isNull();
		});
	}

	@Revision(id = "p1", message = "fill item price, stopping at id 2000")
	static class StoppingFill implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.backfill("item", (b) -> b.set("price = 100 / (id - 2000)").where("price IS NULL").batchSize(500));
		}

	}

}
