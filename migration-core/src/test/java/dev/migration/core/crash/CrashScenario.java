package dev.migration.core.crash;

import java.util.List;
import java.util.function.Function;

import dev.migration.core.Migration;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunResult;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScriptLocations;

/**
 * One case of the crash-point matrix: the revisions, the state an uninterrupted run leaves the
 * database in before the run under test, and that run.
 *
 * @param name the case, as the test report shows it
 * @param catalog the revisions
 * @param before the target the database is brought to first, uninterrupted
 * @param run the run that is interrupted
 */
record CrashScenario(String name, MigrationCatalog catalog, String before, Function<Migrator, RunResult> run) {

	static List<CrashScenario> all() {
		return List.of(upgrade("two concurrent indexes", new CrashRevisions.TwoConcurrentIndexes()),
				downgrade("derived downgrade of two concurrent indexes", new CrashRevisions.TwoConcurrentIndexes()),
				upgrade("setNotNullOnline", new CrashRevisions.NotNullOnline()),
				downgrade("setNotNullOnline reverted", new CrashRevisions.NotNullOnline()),
				upgrade("renameColumnOnline", new CrashRevisions.RenameOnline()),
				downgrade("renameColumnOnline reverted", new CrashRevisions.RenameOnline()),
				upgrade("renameColumnOnline, background stage", new CrashRevisions.RenameOnlineInTheBackground()),
				upgrade("changeColumnTypeOnline", new CrashRevisions.TypeChangeOnline()),
				upgrade("addForeignKeyOnline and addUniqueOnline", new CrashRevisions.ConstraintsOnline()),
				downgrade("addForeignKeyOnline and addUniqueOnline reverted", new CrashRevisions.ConstraintsOnline()),
				upgrade("backfill then concurrent index", new CrashRevisions.BackfillThenIndex()),
				upgrade("raw SQL, transactional = false", new CrashRevisions.RawNonTransactional()),
				downgrade("raw SQL, transactional = false, reverted", new CrashRevisions.RawNonTransactional()),
				new CrashScenario("SQL file with concurrent indexes", sqlFiles(), "V1", (migrator) -> migrator.upgrade("heads")));
	}

	private static CrashScenario upgrade(String name, Migration revision) {
		return new CrashScenario(name, MigrationCatalog.of(List.of(new CrashRevisions.Base(), revision)), "c0",
				(migrator) -> migrator.upgrade("heads"));
	}

	private static CrashScenario downgrade(String name, Migration revision) {
		return new CrashScenario(name, MigrationCatalog.of(List.of(new CrashRevisions.Base(), revision)), "heads",
				(migrator) -> migrator.downgrade("c0"));
	}

	private static MigrationCatalog sqlFiles() {
		return MigrationCatalog.ofDeclared(SqlRevisions.declare(
				SqlScriptLocations.load(List.of("classpath:sql/crash"), CrashScenario.class.getClassLoader())));
	}

	@Override
	public String toString() {
		return this.name;
	}

}
