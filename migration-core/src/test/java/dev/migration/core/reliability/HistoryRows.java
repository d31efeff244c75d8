package dev.migration.core.reliability;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the history tables with plain SQL, so the tests do not trust the reader they check. */
final class HistoryRows {

	private HistoryRows() {
	}

	/** Counts the log rows of each revision with the given action and outcome. */
	static Map<String, Integer> logCounts(JdbcTemplate jdbc, String action, String outcome) {
		Map<String, Integer> counts = new TreeMap<>();
		jdbc.query("SELECT revision, count(*) FROM migration_history WHERE action = ? AND outcome = ? "
				+ "GROUP BY revision", (row) -> {
					counts.put(row.getString(1), row.getInt(2));
				}, action, outcome);
		return counts;
	}

	/** Returns the revisions of the state table, sorted. */
	static List<String> state(JdbcTemplate jdbc) {
		if (!historyExists(jdbc)) {
			return List.of();
		}
		return jdbc.queryForList("SELECT revision FROM migration_history_state ORDER BY revision", String.class);
	}

	/** Returns the log rows of one revision, oldest first. */
	static List<Map<String, Object>> log(JdbcTemplate jdbc, String revision) {
		if (!historyExists(jdbc)) {
			return List.of();
		}
		return jdbc.queryForList("SELECT * FROM migration_history WHERE revision = ? ORDER BY id", revision);
	}

	static boolean historyExists(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT to_regclass('migration_history_state') IS NOT NULL", Boolean.class);
	}

	static boolean exists(JdbcTemplate jdbc, String relation) {
		return jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, relation);
	}

}
