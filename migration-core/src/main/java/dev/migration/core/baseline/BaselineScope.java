package dev.migration.core.baseline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migration.core.history.HistoryTable;
import dev.migration.core.run.RunSettings;
import dev.migration.core.schema.Names;
import dev.migration.core.snapshot.SnapshotReader;

/**
 * What a baseline reads: the schemas (every non-system schema when none are named) and the
 * tables it leaves out, by name in any of them: the tool's own history, Flyway's and
 * Liquibase's.
 *
 * <p>The tables are left out by name wherever they are, not only in the history's schema: a
 * database that holds one history per tenant schema has the tool's tables in each of them, and
 * none of them is the application's.
 *
 * @param schemas the schemas to read, or empty for every schema but the system ones
 * @param leftOutTables the names of the tables to leave out, with what belongs to them
 */
public record BaselineScope(List<String> schemas, Set<String> leftOutTables) {

	/** The table the tool's backfills keep their progress in. */
	static final String BACKFILL_PROGRESS_TABLE = "migration_backfill_progress";

	/** Liquibase's history and lock tables. */
	private static final List<String> LIQUIBASE_TABLES = List.of("databasechangelog", "databasechangeloglock");

	public BaselineScope {
		schemas = List.copyOf(schemas);
		schemas.forEach((schema) -> Names.require("schema", schema));
		leftOutTables = Set.copyOf(leftOutTables);
	}

	/**
	 * Returns the scope of every non-system schema, leaving out the default history tables and
	 * Flyway's default one.
	 * @return the scope
	 */
	public static BaselineScope defaults() {
		return of(HistoryTable.defaults(), RunSettings.DEFAULT_FLYWAY_TABLE.name());
	}

	/**
	 * Returns the scope of every non-system schema, leaving out the given history's tables (its
	 * log, {@code _state}, {@code _progress} and {@code _snapshot} tables and the backfill
	 * progress table), Flyway's table and Liquibase's.
	 * @param history where the tool's history lives ({@code migrations.table})
	 * @param flywayTable the name of Flyway's history table ({@code migrations.flyway-table})
	 * @return the scope
	 */
	public static BaselineScope of(HistoryTable history, String flywayTable) {
		Set<String> tables = new LinkedHashSet<>(List.of(history.table(), history.state().name(),
				history.progress().name(), history.table() + SnapshotReader.SNAPSHOT_SUFFIX, BACKFILL_PROGRESS_TABLE,
				Names.require("Flyway history table", flywayTable)));
		tables.addAll(LIQUIBASE_TABLES);
		return new BaselineScope(List.of(), tables);
	}

	/**
	 * Returns this scope leaving out one more table, such as Liquibase's history under another name.
	 * @param table the table's name
	 * @return the scope
	 */
	public BaselineScope leavingOut(String table) {
		Set<String> tables = new LinkedHashSet<>(this.leftOutTables);
		tables.add(Names.require("table", table));
		return new BaselineScope(this.schemas, tables);
	}

	/**
	 * Returns this scope reading only the given schemas.
	 * @param schemas the schemas
	 * @return the narrower scope
	 */
	public BaselineScope onlySchemas(List<String> schemas) {
		return new BaselineScope(schemas, this.leftOutTables);
	}

}
