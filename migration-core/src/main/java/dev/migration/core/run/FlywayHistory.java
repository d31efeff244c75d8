package dev.migration.core.run;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.sql.MigrationVersion;
import dev.migration.core.sql.SqlFileName;
import dev.migration.core.sql.SqlMigration;

/**
 * What Flyway's {@code flyway_schema_history} says was applied, read when a database that
 * Flyway migrated is adopted, and the revisions of ours (versioned SQL files, {@code V<version>})
 * it stands for.
 *
 * @param rows the rows, in the order Flyway installed them
 */
record FlywayHistory(List<Row> rows) {

	/** The table Flyway keeps its history in, by default. */
	static final String TABLE = "flyway_schema_history";

	FlywayHistory {
		rows = List.copyOf(rows);
	}

	/**
	 * Returns whether the database has a Flyway history table, on the search path.
	 * @param jdbc the database
	 * @return whether Flyway migrated it
	 */
	static boolean exists(JdbcTemplate jdbc) {
		return Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, TABLE));
	}

	/**
	 * Reads Flyway's history.
	 * @param jdbc the database
	 * @return the history
	 */
	static FlywayHistory read(JdbcTemplate jdbc) {
		return new FlywayHistory(jdbc.query("SELECT installed_rank, version, description, type, script, success FROM "
				+ TABLE + " ORDER BY installed_rank",
				(row, index) -> new Row(row.getInt("installed_rank"), row.getString("version"),
						row.getString("description"), row.getString("type"), row.getString("script"),
						row.getBoolean("success"))));
	}

	/**
	 * Returns the revisions of ours that Flyway applied: each versioned migration it applied,
	 * and every versioned file up to its baseline.
	 * @param catalog the revisions in code
	 * @return the revision ids
	 * @throws FlywayAdoptionException when Flyway recorded a failure, or applied a version no
	 * file of ours declares
	 */
	Set<String> appliedRevisions(MigrationCatalog catalog) {
		Set<String> applied = new LinkedHashSet<>();
		for (Row row : this.rows) {
			if (!row.success()) {
				throw new FlywayAdoptionException(TABLE + " records " + row.describe() + " as failed, so the schema may "
						+ "be half-changed. Repair it first (fix the schema by hand, then flyway repair), and start "
						+ "again; nothing was changed.");
			}
			if (row.version() == null || row.type().equals("DELETE") || row.type().equals("SCHEMA")) {
				continue;
			}
			MigrationVersion version = MigrationVersion.parse(row.version());
			if (row.type().startsWith("BASELINE")) {
				applied.addAll(upTo(catalog, version));
				continue;
			}
			String id = "V" + version;
			if (catalog.graph().find(id).isEmpty()) {
				throw new FlywayAdoptionException(TABLE + " records " + row.describe() + ", which no file of "
						+ "migrations.locations declares (revision " + id + "). Put the file there, as it was "
						+ "applied, and start again; nothing was changed.");
			}
			applied.add(id);
		}
		return applied;
	}

	/** The versioned SQL files up to a Flyway baseline; Java revisions have no version. */
	private static Set<String> upTo(MigrationCatalog catalog, MigrationVersion baseline) {
		Set<String> ids = new LinkedHashSet<>();
		for (RevisionNode node : catalog.graph().topologicalOrder()) {
			if (catalog.get(node.id()).migration() instanceof SqlMigration sql
					&& SqlFileName.parse(sql.upgrade().fileName()).version().compareTo(baseline) <= 0) {
				ids.add(node.id());
			}
		}
		return ids;
	}

	/**
	 * One row of Flyway's history.
	 *
	 * @param rank the installed rank
	 * @param version the version, or {@code null} for a repeatable migration
	 * @param description the description
	 * @param type such as {@code SQL}, {@code JDBC}, {@code BASELINE}
	 * @param script the script name
	 * @param success whether it succeeded
	 */
	record Row(int rank, String version, String description, String type, String script, boolean success) {

		String describe() {
			return ((this.version != null) ? "version " + this.version : "repeatable migration") + " (" + this.script
					+ ")";
		}

	}

}
