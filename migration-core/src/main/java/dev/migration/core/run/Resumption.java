package dev.migration.core.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.execute.Direction;
import dev.migration.core.history.Action;
import dev.migration.core.history.HistoryEntry;
import dev.migration.core.history.Outcome;

/**
 * Finds where to resume non-transactional steps that failed after running some statements:
 * when a revision's latest log entry is such a failure and its code is unchanged, the next
 * attempt skips the statements that were kept.
 */
final class Resumption {

	private Resumption() {
	}

	static Map<String, Integer> pointsOf(List<HistoryEntry> log, Direction direction, MigrationCatalog catalog,
			Function<DeclaredRevision, String> checksums) {
		Map<String, HistoryEntry> latest = new HashMap<>();
		log.forEach((entry) -> latest.put(entry.revision(), entry));
		Action action = (direction == Direction.UPGRADE) ? Action.UPGRADE : Action.DOWNGRADE;
		Map<String, Integer> points = new HashMap<>();
		latest.forEach((revision, entry) -> {
			boolean resumable = entry.outcome() == Outcome.FAILED && entry.action() == action && entry.statements() > 0
					&& catalog.declares(revision);
			if (resumable && Objects.equals(entry.checksum(), checksums.apply(catalog.get(revision)))) {
				points.put(revision, entry.statements());
			}
		});
		return points;
	}

}
