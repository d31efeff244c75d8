package dev.migration.core.run;

import java.util.List;
import java.util.function.Function;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.Recordings;
import dev.migration.core.dialect.Dialect;
import dev.migration.core.execute.Direction;
import dev.migration.core.execute.OfflineScripts;
import dev.migration.core.execute.StepExecutor;
import dev.migration.core.execute.StepFailedException;
import dev.migration.core.history.HistoryStatements;
import dev.migration.core.op.OfflineReadException;
import dev.migration.core.sink.ScriptStatementSink;

/**
 * Runs steps against a script instead of a database: to write the offline SQL (history
 * statements included, so psql leaves the database as an online run would), and to rehearse
 * a run before it starts, so an irreversible downgrade or a misplaced concurrent index fails
 * before the first step changes anything.
 */
final class OfflineRun {

	private final Dialect dialect;

	private final OwnedSchemas schemas;

	private final RunSettings settings;

	private final HistoryStatements history;

	private final Function<DeclaredRevision, String> checksums;

	private final Recordings recordings;

	OfflineRun(Dialect dialect, RunSettings settings, HistoryStatements history,
			Function<DeclaredRevision, String> checksums, Recordings recordings, OwnedSchemas schemas) {
		this.schemas = schemas;
		this.dialect = dialect;
		this.settings = settings;
		this.history = history;
		this.checksums = checksums;
		this.recordings = recordings;
	}

	String script(List<DeclaredRevision> path, Direction direction) {
		ScriptStatementSink sink = new ScriptStatementSink(this.dialect);
		sink.comment("Offline " + direction.word() + " script: " + path.size() + " revision(s). Run with psql.");
		this.schemas.createStatements(this.dialect).forEach(sink::execute);
		this.schemas.searchPath(this.dialect).forEach(sink::execute);
		this.history.create().forEach(sink::execute);
		sink.blankLine();
		OfflineScripts.appendSteps(new StepExecutor(this.dialect, sink, this.settings.execution(), this.recordings), sink, path,
				direction, (revision) -> {
					String checksum = this.checksums.apply(revision);
					return (result) -> HistoryRecords.success(this.history, result, checksum, null, null, 0);
				});
		return sink.script();
	}

	String stepScript(DeclaredRevision revision, Direction direction) {
		ScriptStatementSink sink = new ScriptStatementSink(this.dialect);
		new StepExecutor(this.dialect, sink, this.settings.execution(), this.recordings).run(revision, direction);
		return sink.script();
	}

	void rehearse(List<DeclaredRevision> path, Direction direction) {
		for (DeclaredRevision revision : path) {
			StepExecutor executor = new StepExecutor(this.dialect, new ScriptStatementSink(this.dialect),
					this.settings.execution(), this.recordings);
			try {
				if (recorded(revision, direction)) {
					executor.run(revision, direction);
				}
				// a step whose code depends on the database can only be tried for real
			}
			catch (StepFailedException ex) {
				if (!(ex.getCause() instanceof OfflineReadException)) {
					throw ex;
				}
			}
		}
	}

	/** Recording a derived downgrade fails for an irreversible upgrade, which the rehearsal reports as the step's. */
	private boolean recorded(DeclaredRevision revision, Direction direction) {
		try {
			return ((direction == Direction.UPGRADE) ? this.recordings.upgrade(revision)
					: this.recordings.downgrade(revision)).isPresent();
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

}
