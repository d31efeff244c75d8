package dev.migration.core.run;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import dev.migration.core.history.BackfillProgress;

import static org.assertj.core.api.Assertions.assertThat;

/** The pace of a backfill from two readings, and its time left where its keys have a distance. */
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
	void uuidKeysGiveTheTimeLeftByTheirPlaceInTheOrderPostgresqlKeeps() {
		String end = "ffffffff-ffff-ffff-ffff-ffffffffffff";
		BackfillProgress before = new BackfillProgress("users.id", 1_000, "10000000-0000-0000-0000-000000000000", end,
				false, NOW);
		BackfillProgress after = new BackfillProgress("users.id", 2_000, "20000000-0000-0000-0000-000000000000", end,
				false, NOW);
		// a sixteenth of the key space in 10 s, thirteen sixteenths left
		assertThat(BackfillPace.between(before, after, 10.0, NOW.toInstant()).secondsLeft()).isCloseTo(140.0,
				org.assertj.core.data.Offset.offset(0.5));
	}

	@Test
	void textKeysGiveTheRateOnly() {
		BackfillProgress before = new BackfillProgress("users.email", 10, "anna@example.com", "zoe@example.com", false,
				NOW);
		BackfillProgress after = new BackfillProgress("users.email", 30, "bob@example.com", "zoe@example.com", false,
				NOW);
		assertThat(BackfillPace.between(before, after, 2.0, NOW.toInstant()).describe())
			.isEqualTo("Backfill users.email: 30 rows done, 10 rows/s");
	}

}
