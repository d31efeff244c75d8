package dev.migration.core.trace;

import java.util.List;
import java.util.Map;

/**
 * What {@link TraceSeeder} put into the scratch database.
 *
 * @param seeded each table that was empty and got rows, with how many
 * @param skipped each empty table that got none, with the server's message for the last try
 * @param rows the keys of the rows each seeded table got, in seeding order, for
 * {@link TraceSeeder#unseed}
 */
public record SeedReport(Map<TracedRelation, Long> seeded, Map<TracedRelation, String> skipped,
		List<TraceSeeder.SeededRows> rows) {

	public SeedReport {
		seeded = Map.copyOf(seeded);
		skipped = Map.copyOf(skipped);
		rows = List.copyOf(rows);
	}

	/**
	 * Returns how many rows a table got.
	 * @param table {@code name} or {@code schema.name}
	 * @return the rows, 0 when it got none
	 */
	public long rowsOf(String table) {
		return this.seeded.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().matches(table))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

}
