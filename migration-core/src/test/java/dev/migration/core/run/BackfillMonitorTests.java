package dev.migration.core.run;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.migration.core.history.BackfillProgress;

import static org.assertj.core.api.Assertions.assertThat;

class BackfillMonitorTests {

	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-24T07:00:00Z");

	@Test
	void tellsTheListenerThePaceOfABackfillThatMovesAndNothingOfOneThatIsDone() {
		AtomicLong rows = new AtomicLong();
		List<BackfillPace> heard = new CopyOnWriteArrayList<>();
		MigrationListener listener = new MigrationListener() {

			@Override
			public void backfillProgressed(BackfillPace pace) {
				heard.add(pace);
			}

		};
		try (BackfillMonitor monitor = BackfillMonitor.start(() -> {
			long done = rows.addAndGet(1000);
			return List.of(new BackfillProgress("orders.id", done, String.valueOf(done), "1000000", false, NOW),
					new BackfillProgress("users.id", 5, "5", "5", true, NOW));
		}, Duration.ofMillis(20), listener)) {
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (heard.size() < 2 && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
		}
		assertThat(heard).extracting(BackfillPace::name).containsOnly("orders.id");
		assertThat(heard.get(1).rowsDone()).isGreaterThan(heard.get(0).rowsDone());
		assertThat(heard.get(0).rowsPerSecond()).isPositive();
		assertThat(heard.get(0).secondsLeft()).isPositive();
	}

}
