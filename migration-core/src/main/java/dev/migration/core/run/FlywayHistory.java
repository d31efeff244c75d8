package dev.migration.core.run;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.Dialect;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.schema.QualifiedName;
import dev.migration.core.sql.MigrationVersion;
import dev.migration.core.sql.SqlFileName;
import dev.migration.core.sql.SqlMigration;

/**
 * What Flyway's history table ({@code flyway_schema_history} by default) says was applied,
 * read when a database that Flyway migrated is adopted, and the revisions of ours (SQL files:
 * versioned {@code V<version>}, repeatable {@code R__<description>}) it stands for.
 *
 * @param table the table's name, for messages
 * @param rows the rows, in the order Flyway installed them
 */
record FlywayHistory(String table, List<Row> rows) {

	private static final Logger logger = LoggerFactory.getLogger(FlywayHistory.class);

	FlywayHistory {
		rows = List.copyOf(rows);
	}

	/**
	 * Returns whether the database has Flyway's history table (on the search path, unless
	 * the name has a schema).
	 * @param jdbc the database
	 * @param table the table, as {@code migrations.flyway-table} names it
	 * @param dialect quotes the name
	 * @return whether Flyway migrated it
	 */
	static boolean exists(JdbcTemplate jdbc, QualifiedName table, Dialect dialect) {
		return Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class,
				dialect.quote(table)));
	}

	/**
	 * Reads Flyway's history.
	 * @param jdbc the database
	 * @param table the table, as {@code migrations.flyway-table} names it
	 * @param dialect quotes the name
	 * @return the history
	 */
	static FlywayHistory read(JdbcTemplate jdbc, QualifiedName table, Dialect dialect) {
		return new FlywayHistory(table.toString(), jdbc.query("SELECT installed_rank, version, description, type, "
				+ "script, checksum, success FROM " + dialect.quote(table) + " ORDER BY installed_rank",
				(row, index) -> new Row(row.getInt("installed_rank"), row.getString("version"),
						row.getString("description"), row.getString("type"), row.getString("script"),
						row.getObject("checksum", Integer.class), row.getBoolean("success"))));
	}

	/**
	 * Returns the revisions of ours that Flyway applied: each versioned migration it applied,
	 * every versioned file up to its baseline, and each repeatable script whose file is as
	 * Flyway last ran it (a changed one is left to run again, as Flyway would).
	 * @param catalog the revisions in code
	 * @param checksums what to do when a versioned file changed since Flyway applied it
	 * @return the revision ids
	 * @throws FlywayAdoptionException when Flyway recorded a failure, applied a version no
	 * file of ours declares, or applied a file that changed since (unless checksums are only
	 * warned of)
	 */
	Set<String> appliedRevisions(MigrationCatalog catalog, ChecksumPolicy checksums) {
		Set<String> applied = new LinkedHashSet<>();
		Set<String> replaced = new LinkedHashSet<>();
		Map<String, Row> repeatables = new LinkedHashMap<>();
		for (Row row : this.rows) {
			if (row.version() == null) {
				// a repeatable script appears once per run; the latest run counts, and a failed one runs again
				if (row.type().equals("SQL")) {
					repeatables.put(SqlFileName.REPEATABLE_PREFIX + row.description().replace(' ', '_'), row);
				}
				continue;
			}
			if (!row.success()) {
				throw new FlywayAdoptionException(this.table + " records " + row.describe() + " as failed, so the schema may "
						+ "be half-changed. Repair it first (fix the schema by hand, then flyway repair), and start "
						+ "again; nothing was changed.");
			}
			if (row.type().equals("DELETE") || row.type().equals("SCHEMA")) {
				continue;
			}
			MigrationVersion version = MigrationVersion.parse(row.version());
			if (row.type().startsWith("BASELINE")) {
				applied.addAll(upTo(catalog, version));
				continue;
			}
			String id = "V" + version;
			if (catalog.squashOf(id).isPresent()) {
				// a baseline file stands for it now: the file is no longer run, so its checksum no longer matters
				replaced.add(id);
				continue;
			}
			if (catalog.graph().find(id).isEmpty()) {
				throw new FlywayAdoptionException(this.table + " records " + row.describe() + ", which no file of "
						+ "migrations.locations declares (revision " + id + "). Put the file there, as it was "
						+ "applied, and start again; nothing was changed.");
			}
			checkUnchanged(catalog.get(id), row, checksums);
			applied.add(id);
		}
		applied.addAll(squashes(catalog, replaced));
		repeatables.forEach((id, row) -> {
			if (row.success() && catalog.isRepeatable(id) && unchanged(catalog.get(id), row)) {
				applied.add(id);
			}
		});
		return applied;
	}

	/** A baseline counts as applied where Flyway applied every file it squashes; partway is no state to take over. */
	private Set<String> squashes(MigrationCatalog catalog, Set<String> replaced) {
		Set<String> squashes = new LinkedHashSet<>();
		for (String id : replaced) {
			String squash = catalog.squashOf(id).orElseThrow();
			List<String> missing = catalog.missingForSquash(squash, replaced);
			if (!missing.isEmpty()) {
				throw new FlywayAdoptionException(this.table + " records some of the files that " + squash
						+ " squashes, but not " + missing + ". Let Flyway (or a release of this project that still "
						+ "has those files) apply them first, and start again; nothing was changed.");
			}
			squashes.add(squash);
		}
		return squashes;
	}

	private static void checkUnchanged(DeclaredRevision revision, Row row, ChecksumPolicy checksums) {
		if (unchanged(revision, row)) {
			return;
		}
		String message = "The file of " + row.describe() + " changed since Flyway applied it (Flyway's checksum "
				+ row.checksum() + ", the file's now " + flywayChecksum(revision) + ").";
		if (checksums == ChecksumPolicy.FAIL) {
			throw new FlywayAdoptionException(message + " Restore the file as it was applied, or, when the change "
					+ "does not alter the schema, set migrations.checksum-policy=warn for the take-over; nothing was "
					+ "changed.");
		}
		logger.warn("{} Taking it over as applied, as migrations.checksum-policy=warn says.", message);
	}

	/** A row without a checksum (such as a Java migration's) cannot tell, so it counts as unchanged. */
	private static boolean unchanged(DeclaredRevision revision, Row row) {
		Integer file = flywayChecksum(revision);
		return row.checksum() == null || file == null || row.checksum().equals(file);
	}

	/**
	 * Flyway 11 sums a versioned file as written and a repeatable one with its placeholders
	 * replaced (so that a new value runs it again), as its own history rows show.
	 */
	private static Integer flywayChecksum(DeclaredRevision revision) {
		if (!(revision.migration() instanceof SqlMigration sql)) {
			return null;
		}
		return FlywayChecksum.of(revision.repeatable() ? sql.upgrade().text() : sql.upgrade().writtenText());
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
	 * @param checksum Flyway's checksum of the script, or {@code null}
	 * @param success whether it succeeded
	 */
	record Row(int rank, String version, String description, String type, String script, Integer checksum,
			boolean success) {

		String describe() {
			return ((this.version != null) ? "version " + this.version : "repeatable migration") + " (" + this.script
					+ ")";
		}

	}

}
