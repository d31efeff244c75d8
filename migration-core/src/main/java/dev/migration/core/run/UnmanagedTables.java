package dev.migration.core.run;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.history.HistoryTable;
import dev.migration.core.schema.QualifiedName;

/**
 * Tables a database holds before its first upgrade that no migration history accounts for:
 * running every revision over them could fail halfway or write over their rows, and they often
 * mean the history is elsewhere (a typo in {@code migrations.schema}).
 *
 * @param tables up to a few of the tables, schema-qualified
 * @param count how many there are
 * @param otherHistories the schemas that hold a history of this name, other than the one looked in
 */
record UnmanagedTables(List<String> tables, int count, List<String> otherHistories) {

	private static final int SHOWN = 5;

	// tables an extension made (PostGIS's spatial_ref_sys) belong to the extension, not to an application
	private static final String TABLES = """
			SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
			AND n.nspname NOT LIKE 'pg\\_%'
			AND c.relname NOT IN (?, ?, ?, ?)
			AND (?::text[] IS NULL OR n.nspname = ANY (?::text[]))
			AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
			AND d.deptype = 'e')
			ORDER BY 1""";

	private static final String HISTORIES = """
			SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relname = ? AND c.relkind = 'r' ORDER BY 1""";

	UnmanagedTables {
		tables = List.copyOf(tables);
		otherHistories = List.copyOf(otherHistories);
	}

	/**
	 * Reads the tables no history accounts for; asked only when the history table is missing.
	 * @param jdbc the database
	 * @param history where the history should be
	 * @param flywayTable Flyway's history table, which a take-over reads
	 * @param schemas the schemas the history owns; when set, tables elsewhere are not its business
	 * (another tenant's, or a shared table beside the tenants' schemas)
	 * @return what was found
	 */
	static UnmanagedTables read(JdbcTemplate jdbc, HistoryTable history, QualifiedName flywayTable,
			OwnedSchemas schemas) {
		String[] owned = schemas.isSet() ? schemas.all().toArray(String[]::new) : null;
		List<String> tables = jdbc.queryForList(TABLES, String.class, history.log().name(), history.state().name(),
				history.progress().name(), flywayTable.name(), owned, owned);
		List<String> others = jdbc.queryForList(HISTORIES, String.class, history.state().name());
		return new UnmanagedTables(tables.stream().limit(SHOWN).toList(), tables.size(), others);
	}

	boolean isEmpty() {
		return this.count == 0;
	}

	/**
	 * Says what was found and the ways forward.
	 * @param history where the history was looked for
	 * @return the message
	 */
	String describe(HistoryTable history) {
		String where = (history.schema() != null) ? "schema " + history.schema() + " (migrations.schema)"
				: "the first schema of the search path";
		StringBuilder message = new StringBuilder("The database holds " + this.count + " table(s) ("
				+ String.join(", ", this.tables) + ((this.count > this.tables.size()) ? ", ..." : "")
				+ ") but no migration history: no table " + history.state().name() + " in " + where
				+ ", and no Flyway history to take over. An upgrade would run every revision over them. ");
		if (!this.otherHistories.isEmpty()) {
			message.append("A history of this name is in schema(s) ").append(String.join(", ", this.otherHistories))
				.append(": if it is this application's, set migrations.schema to it. ");
		}
		message.append("If the tables were made before migrations were, mark the revision whose schema they match as "
				+ "applied: --migrations.command=stamp --migrations.target=<revision>, or set "
				+ "migrations.baseline-on-migrate=<revision> to do it at the first upgrade. Nothing was changed.");
		return message.toString();
	}

}
