package dev.migration.core.trace;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import dev.migration.core.MigrationException;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.Recordings;
import dev.migration.core.dialect.Dialect;
import dev.migration.core.execute.Direction;
import dev.migration.core.execute.ExecutionSettings;
import dev.migration.core.execute.StepExecutor;
import dev.migration.core.lint.DatabaseFacts;
import dev.migration.core.lint.LintReport;
import dev.migration.core.lint.Linter;
import dev.migration.core.sink.ScriptStatementSink;

/**
 * Upgrades a scratch database revision by revision through the same executor a run uses,
 * tracing each step after seeding the empty tables it touches, and holds the linter's
 * findings on each revision, judged against the database as it stood, against its trace.
 *
 * <p>Every table counts as large for the linter: the seeded rows stand for production's. A
 * revision that fails on seeded rows (a data migration that expects the rows its own history
 * wrote) is traced again without them; one that fails without them too ends the trace.
 */
public final class HistoryTracer {

	private final Dialect dialect;

	private final ExecutionSettings settings;

	private final Recordings recordings;

	private final TraceSeeder seeder;

	/**
	 * Creates a tracer of revisions.
	 * @param dialect renders the operations
	 * @param settings the lock timeouts the steps run with
	 * @param recordings the recordings of the revisions' operations, shared with every other use
	 * @param rows the rows each empty table gets before a revision that touches it
	 */
	public HistoryTracer(Dialect dialect, ExecutionSettings settings, Recordings recordings, int rows) {
		this.dialect = Objects.requireNonNull(dialect, "dialect");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.recordings = Objects.requireNonNull(recordings, "recordings");
		this.seeder = new TraceSeeder(rows);
	}

	/**
	 * Traces the revisions of a path in order on a scratch database.
	 * @param scratch an empty database, which the trace changes; each connection it gives must
	 * be a new session
	 * @param path the revisions, parents first, as an upgrade applies them
	 * @return the trace of each revision, up to the first that failed
	 */
	public HistoryTrace trace(DataSource scratch, List<DeclaredRevision> path) {
		return trace(scratch, path, List.of());
	}

	/**
	 * Traces the revisions of a path in order on a scratch database, after setting up the
	 * traced session as a run's (its schemas, its search path).
	 * @param scratch an empty database, which the trace changes
	 * @param path the revisions, parents first
	 * @param setup statements run first on the traced session, untraced
	 * @return the trace of each revision, up to the first that failed
	 */
	public HistoryTrace trace(DataSource scratch, List<DeclaredRevision> path, List<String> setup) {
		List<RevisionTrace> traced = new ArrayList<>();
		try (StatementTracer tracer = StatementTracer.open(scratch)) {
			try (Statement statement = tracer.session().createStatement()) {
				for (String sql : setup) {
					statement.execute(sql);
				}
			}
			List<SeedReport> seedings = new ArrayList<>();
			for (DeclaredRevision revision : path) {
				RevisionTrace trace = traceOne(tracer, scratch, revision, seedings);
				traced.add(trace);
				if (trace.failed()) {
					break;
				}
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("The trace lost its scratch database after " + traced.size()
					+ " revision(s): " + ex.getMessage(), ex);
		}
		return new HistoryTrace(traced);
	}

	private RevisionTrace traceOne(StatementTracer tracer, DataSource scratch, DeclaredRevision revision,
			List<SeedReport> seedings) throws SQLException {
		LintReport lint = Linter.lint(List.of(revision), this.recordings, DatabaseFacts.read(scratch, 0));
		SeedReport seeded = seed(tracer, revision);
		seedings.add(seeded);
		TraceReport report = run(tracer, revision);
		String seededFailure = null;
		if (report.failed() && seedings.stream().anyMatch((seeding) -> !seeding.seeded().isEmpty())) {
			// the revision may expect the rows its history wrote, and no others: it gets them
			seededFailure = report.failure();
			this.seeder.unseed(tracer.session(), seedings);
			seedings.clear();
			report = run(tracer, revision);
		}
		return new RevisionTrace(revision, seeded, seededFailure, report, TraceVerdict.of(lint, report));
	}

	private SeedReport seed(StatementTracer tracer, DeclaredRevision revision) throws SQLException {
		String script;
		try {
			ScriptStatementSink sink = new ScriptStatementSink(this.dialect);
			new StepExecutor(this.dialect, sink, this.settings, this.recordings).run(revision, Direction.UPGRADE);
			script = sink.script();
		}
		catch (RuntimeException ex) {
			// code that reads the database has no script: what it touches is unknown, so every table gets rows
			return this.seeder.seedAll(tracer.session());
		}
		return this.seeder.seed(tracer.session(), List.of(script));
	}

	private TraceReport run(StatementTracer tracer, DeclaredRevision revision) {
		TracingStatementSink sink = new TracingStatementSink(tracer, name(revision), this.dialect);
		try {
			new StepExecutor(this.dialect, sink, this.settings, this.recordings).run(revision, Direction.UPGRADE);
		}
		catch (RuntimeException ex) {
			// the failed statement is in the report, with the server's message
			TraceReport report = sink.finish();
			return report.failed() ? report : report.failing(ex.getMessage());
		}
		return sink.finish();
	}

	private static String name(DeclaredRevision revision) {
		return revision.message().isBlank() ? revision.id() : revision.id() + " (" + revision.message() + ")";
	}

}
