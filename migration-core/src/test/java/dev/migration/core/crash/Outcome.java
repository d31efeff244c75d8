package dev.migration.core.crash;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.run.Migrator;
import dev.migration.core.snapshot.SchemaSnapshot;
import dev.migration.core.snapshot.SnapshotReader;

/**
 * What a run leaves that an interrupted run and its rerun must leave too: the schema, every
 * row of every table, the history, and no unfinished progress.
 *
 * @param schema the schema, validity of indexes and constraints included
 * @param rows every table's rows in key order, history tables aside
 * @param state the applied revisions with their checksums
 * @param log the successful steps in order: revision, action, checksum and statement count
 * @param backfills each backfill's rows done and whether it finished
 * @param progress the rows left in the progress table
 * @param drift what {@code check} would report as changed by hand
 */
record Outcome(SchemaSnapshot schema, Map<String, List<Map<String, Object>>> rows, List<Map<String, Object>> state,
		List<Map<String, Object>> log, List<Map<String, Object>> backfills, long progress, String drift) {

	static Outcome of(DataSource dataSource, Migrator migrator) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		Map<String, List<Map<String, Object>>> rows = new java.util.TreeMap<>();
		for (String table : jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
				+ "AND tablename NOT LIKE 'migration%'", String.class)) {
			rows.put(table, jdbc.queryForList("SELECT * FROM public.\"" + table + "\" ORDER BY 1"));
		}
		boolean backfilled = jdbc.queryForObject("SELECT to_regclass('migration_backfill_progress') IS NOT NULL",
				Boolean.class);
		return new Outcome(SnapshotReader.allSchemas().read(dataSource), rows,
				jdbc.queryForList("SELECT revision, checksum FROM migration_history_state ORDER BY revision"),
				jdbc.queryForList("SELECT revision, action, checksum, statements FROM migration_history "
						+ "WHERE outcome = 'success' ORDER BY id"),
				backfilled ? jdbc.queryForList("SELECT name, rows_done, done FROM migration_backfill_progress ORDER BY name")
						: List.of(),
				jdbc.queryForObject("SELECT count(*) FROM migration_history_progress", Long.class),
				migrator.drift().map((drift) -> drift.describe()).orElse("no snapshot"));
	}

}
