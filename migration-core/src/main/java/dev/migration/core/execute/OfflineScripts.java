package dev.migration.core.execute;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.Dialect;
import dev.migration.core.sink.ScriptStatementSink;

/**
 * Writes the SQL script of a range of revisions for a DBA to review and run with psql:
 * the same statements, transactions and timeouts an online run would use.
 */
public final class OfflineScripts {

	private final MigrationCatalog catalog;

	private final Dialect dialect;

	private final ExecutionSettings settings;

	public OfflineScripts(MigrationCatalog catalog, Dialect dialect, ExecutionSettings settings) {
		this.catalog = Objects.requireNonNull(catalog, "catalog");
		this.dialect = Objects.requireNonNull(dialect, "dialect");
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/**
	 * Returns the script that upgrades a database at {@code current} to {@code target}.
	 * @param current the applied heads; empty for an empty database
	 * @param target the target, such as {@code heads} or a revision id
	 * @return the script
	 */
	public String upgrade(Set<String> current, String target) {
		return script(this.catalog.upgradePath(current, target), Direction.UPGRADE);
	}

	/**
	 * Returns the script that downgrades a database at {@code current} to {@code target}.
	 * @param current the applied heads
	 * @param target the target, such as {@code base} or a revision id
	 * @return the script
	 */
	public String downgrade(Set<String> current, String target) {
		return script(this.catalog.downgradePath(current, target), Direction.DOWNGRADE);
	}

	private String script(List<DeclaredRevision> path, Direction direction) {
		ScriptStatementSink sink = new ScriptStatementSink(this.dialect);
		appendSteps(new StepExecutor(this.dialect, sink, this.settings, this.catalog.recordings()), sink, path, direction,
				(revision) -> StepRecorder.NONE);
		return sink.script();
	}

	/**
	 * Writes each step of a path to a script, a blank line after each.
	 * @param executor the executor writing to {@code sink}
	 * @param sink the script
	 * @param path the revisions, in order
	 * @param direction upgrade or downgrade
	 * @param recorders the statements that record each step, such as history rows
	 */
	public static void appendSteps(StepExecutor executor, ScriptStatementSink sink, List<DeclaredRevision> path,
			Direction direction, Function<DeclaredRevision, StepRecorder> recorders) {
		for (DeclaredRevision revision : path) {
			executor.run(revision, direction, recorders.apply(revision), StepJournal.NONE);
			sink.blankLine();
		}
	}

}
