package dev.migration.core.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.Dialect;
import dev.migration.core.schema.QualifiedName;

/**
 * What Liquibase's history table ({@code DATABASECHANGELOG}) says was run, read when a
 * database that Liquibase updated is taken over, and the baseline revision of ours that stands
 * for those changesets: a squash whose {@code replaces} names each as
 * {@code liquibase:<file>::<id>::<author>}.
 *
 * @param table the table's name, for messages
 * @param rows the rows, in the order Liquibase ran them
 */
record LiquibaseHistory(String table, List<Row> rows) {

	/** How a replaced changeset is named: {@code liquibase:} and Liquibase's own {@code file::id::author}. */
	static final String PREFIX = "liquibase:";

	/** Exec types of changesets whose changes are in the schema: run, run again, or marked as run. */
	private static final Set<String> APPLIED = Set.of("EXECUTED", "RERAN", "MARK_RAN");

	private static final int SHOWN = 10;

	LiquibaseHistory {
		rows = List.copyOf(rows);
	}

	static boolean exists(JdbcTemplate jdbc, QualifiedName table, Dialect dialect) {
		return FlywayHistory.exists(jdbc, table, dialect);
	}

	static LiquibaseHistory read(JdbcTemplate jdbc, QualifiedName table, Dialect dialect) {
		return new LiquibaseHistory(table.toString(), jdbc.query("SELECT id, author, filename, exectype FROM "
				+ dialect.quote(table) + " ORDER BY orderexecuted, dateexecuted",
				(row, index) -> new Row(row.getString("id"), row.getString("author"), row.getString("filename"),
						row.getString("exectype"))));
	}

	/**
	 * Returns the names of the changesets whose changes are in the schema, as a baseline's
	 * {@code replaces} names them.
	 * @return the names, in the order Liquibase ran them
	 * @throws LiquibaseAdoptionException when a changeset did not run to the end
	 */
	List<String> changesets() {
		requireEveryChangesetRun();
		return this.rows.stream().map(Row::key).distinct().toList();
	}

	private void requireEveryChangesetRun() {
		List<String> notApplied = this.rows.stream().filter((row) -> !row.applied())
			.map((row) -> row.key() + " (" + row.execType() + ")").toList();
		if (!notApplied.isEmpty()) {
			throw new LiquibaseAdoptionException(this.table + " records changeset(s) " + shown(notApplied) + " as not "
					+ "run to the end, so the schema may be half-changed. Fix the schema by hand and run them with "
					+ "Liquibase, or mark them run (liquibase mark-next-changeset-ran), and start again; nothing was "
					+ "changed.");
		}
	}

	/**
	 * Returns the baseline revisions that stand for what Liquibase ran.
	 * @param catalog the revisions in code
	 * @return the ids of the baselines
	 * @throws LiquibaseAdoptionException when a changeset failed or has an exec type that does
	 * not say it is in the schema, no baseline names a changeset, or a baseline names one the
	 * database lacks; nothing is changed then
	 */
	Set<String> baselines(MigrationCatalog catalog) {
		requireEveryChangesetRun();
		List<String> unknown = new ArrayList<>();
		Set<String> keys = new LinkedHashSet<>();
		Set<String> baselines = new LinkedHashSet<>();
		for (Row row : this.rows) {
			keys.add(row.key());
			catalog.squashOf(row.key()).ifPresentOrElse(baselines::add, () -> unknown.add(row.key()));
		}
		if (!unknown.isEmpty()) {
			throw new LiquibaseAdoptionException(this.table + " records changeset(s) " + shown(unknown) + " that no "
					+ "baseline revision replaces" + (baselines.isEmpty() ? "" : " (" + baselines + " replace the others)")
					+ ". Write the baseline from a database Liquibase built to this point (--migrations.command=squash "
					+ "--migrations.squash.from=liquibase), which names every changeset it stands for, and start "
					+ "again; nothing was changed.");
		}
		for (String baseline : baselines) {
			List<String> missing = catalog.missingForSquash(baseline, keys);
			if (!missing.isEmpty()) {
				throw new LiquibaseAdoptionException(this.table + " lacks changeset(s) " + shown(missing) + " that "
						+ "baseline " + baseline + " stands for: the database is behind the schema the baseline builds. "
						+ "Update it with Liquibase to the changelog the baseline was written from, and start again; "
						+ "nothing was changed.");
			}
		}
		return baselines;
	}

	private static String shown(List<String> keys) {
		return keys.stream().limit(SHOWN).toList() + ((keys.size() > SHOWN) ? " and " + (keys.size() - SHOWN)
				+ " more" : "");
	}

	/**
	 * One row of Liquibase's history.
	 *
	 * @param id the changeset's id
	 * @param author its author
	 * @param fileName the changelog file, as Liquibase recorded it
	 * @param execType such as {@code EXECUTED} or {@code MARK_RAN}
	 */
	record Row(String id, String author, String fileName, String execType) {

		String key() {
			return PREFIX + this.fileName + "::" + this.id + "::" + this.author;
		}

		boolean applied() {
			return APPLIED.contains(String.valueOf(this.execType).toUpperCase(Locale.ROOT));
		}

	}

}
