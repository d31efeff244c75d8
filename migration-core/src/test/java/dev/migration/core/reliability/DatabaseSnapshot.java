package dev.migration.core.reliability;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a test compares before and after a run that must change nothing: every relation,
 * column and type in the {@code public} schema, and every row of both history tables.
 *
 * @param relations kind and name of each table, index, view and sequence
 * @param columns table, column and type of each column
 * @param types the user-defined types
 * @param log every history log row
 * @param state every history state row
 */
record DatabaseSnapshot(List<String> relations, List<String> columns, List<String> types, List<Map<String, Object>> log,
		List<Map<String, Object>> state) {

	static DatabaseSnapshot of(JdbcTemplate jdbc) {
		List<String> relations = jdbc.queryForList("SELECT c.relkind::text || ' ' || c.relname FROM pg_class c "
				+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' ORDER BY 1", String.class);
		List<String> columns = jdbc.queryForList("SELECT table_name || '.' || column_name || ' ' || data_type "
				+ "FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1", String.class);
		List<String> types = jdbc.queryForList("SELECT t.typname FROM pg_type t JOIN pg_namespace n "
				+ "ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e' ORDER BY 1", String.class);
		boolean history = jdbc.queryForObject("SELECT to_regclass('migration_history_state') IS NOT NULL",
				Boolean.class);
		List<Map<String, Object>> log = history ? jdbc.queryForList("SELECT * FROM migration_history ORDER BY id")
				: List.of();
		List<Map<String, Object>> state = history
				? jdbc.queryForList("SELECT * FROM migration_history_state ORDER BY revision") : List.of();
		return new DatabaseSnapshot(relations, columns, types, log, state);
	}

}
