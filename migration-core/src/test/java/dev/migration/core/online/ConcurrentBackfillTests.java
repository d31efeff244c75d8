package dev.migration.core.online;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.history.HistoryTable;
import dev.migration.core.run.RunSettings;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same backfill run twice at once, as when an instance loses the run's lock or a killed
 * client's block still runs: the progress row lets one batch run at a time, and each row is
 * written once.
 */
@PostgresTest
class ConcurrentBackfillTests {

	private static final int ROWS = 100_000;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	ConcurrentBackfillTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Test
	void twoRunsOfOneBackfillAtOnceWriteEachRowOnce() throws Exception {
		this.jdbc.execute("CREATE TABLE items (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), n integer NOT NULL, "
				+ "filled integer, fills integer NOT NULL DEFAULT 0)");
		this.jdbc.update("INSERT INTO items (n) SELECT i FROM generate_series(1, ?) i", ROWS);
		Migration fill = (op) -> op.backfill("items", (b) -> b.set("filled = n, fills = fills + 1")
			.where("filled IS NULL")
			.batchSize(500));
		CyclicBarrier together = new CyclicBarrier(2);
		List<CompletableFuture<Void>> runs = new ArrayList<>();
		for (String history : List.of("history_a", "history_b")) {
			// each in a history and so under an advisory lock of its own: nothing keeps them apart but the backfill
			RunSettings settings = RunSettings.defaults().withHistory(new HistoryTable(null, history));
			runs.add(CompletableFuture.runAsync(() -> {
				await(together);
				Revisions.of(this.dataSource, List.of(fill), settings).upgrade("heads");
			}));
		}
		CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM items WHERE fills <> 1 OR filled IS DISTINCT FROM n",
				Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT rows_done FROM migration_backfill_progress", Long.class))
			.isEqualTo(ROWS);
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
