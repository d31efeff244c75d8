package dev.migration.core.run;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import dev.migration.core.history.BackfillProgress;

import static org.assertj.core.api.Assertions.assertThat;

class BackfillPaceTests {

	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-24T07:00:00Z");

	@Test
	void numericKeysGiveARateAndTheTimeLeft() {
		BackfillProgress before = new BackfillProgress("orders.id", 100_000, "100000", "1000000", false, NOW);
		BackfillProgress after = new BackfillProgress("orders.id", 300_000, "300000", "1000000", false, NOW);
		assertThat(BackfillPace.between(before, after, 10.0, NOW.toInstant()).describe()).isEqualTo(
				"Backfill orders.id: 300,000 rows done, 20,000 rows/s, key 300000 of 1000000, about 35 s left");
	}

	@Test
	void otherKeysGiveTheRateOnly() {
		BackfillProgress before = new BackfillProgress("users.uuid", 10, "0f", "ff", false, NOW);
		BackfillProgress after = new BackfillProgress("users.uuid", 30, "1a", "ff", false, NOW);
		assertThat(BackfillPace.between(before, after, 2.0, NOW.toInstant()).describe())
			.isEqualTo("Backfill users.uuid: 30 rows done, 10 rows/s");
	}

}
