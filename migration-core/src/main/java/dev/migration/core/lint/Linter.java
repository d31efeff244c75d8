package dev.migration.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migration.core.Stage;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.catalog.Recordings;
import dev.migration.core.dialect.Dialect;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.dialect.PostgresScanner;
import dev.migration.core.dialect.SqlStatement;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.sql.InvalidSqlMigrationException;
import dev.migration.core.sql.SqlMigration;
import dev.migration.core.op.Backfill;
import dev.migration.core.op.BulkInsert;
import dev.migration.core.op.CommitPoint;
import dev.migration.core.op.ExecuteSql;
import dev.migration.core.op.FinishRenameColumnOnline;
import dev.migration.core.op.Op;
import dev.migration.core.op.RenameColumnOnline;

/**
 * Lints every revision's upgrade, oldest first, without a database: it records the ops offline,
 * runs the op rules, and parses each raw SQL statement. Downgrades are not linted.
 */
public final class Linter {

	private final Dialect dialect = new PostgresDialect();

	private final Recordings recordings;

	private Linter(Recordings recordings) {
		this.recordings = recordings;
	}

	/**
	 * Lints every revision of the catalog.
	 * @param catalog the revisions
	 * @return the report
	 */
	public static LintReport lint(MigrationCatalog catalog) {
		return lint(inOrder(catalog), catalog.recordings());
	}

	/**
	 * Returns the revisions of a catalog in the order an upgrade from empty applies them,
	 * parents first, then the repeatable ones.
	 * @param catalog the revisions
	 * @return the revisions in order
	 */
	public static List<DeclaredRevision> inOrder(MigrationCatalog catalog) {
		List<DeclaredRevision> revisions = new ArrayList<>();
		for (RevisionNode node : catalog.graph().topologicalOrder()) {
			revisions.add(catalog.get(node.id()));
		}
		revisions.addAll(catalog.repeatables());
		return revisions;
	}

	/**
	 * Lints the given revisions, in the order given (parents first, so what one creates is known
	 * to the next).
	 * @param revisions the revisions
	 * @return the report
	 */
	public static LintReport lint(List<DeclaredRevision> revisions) {
		return lint(revisions, new Recordings());
	}

	private static LintReport lint(List<DeclaredRevision> revisions, Recordings recordings) {
		return lint(revisions, recordings, DatabaseFacts.NONE);
	}

	/**
	 * Lints the revisions a run is about to apply, in order, against what the database held
	 * before the run: a table it did not hold is new, a small one takes no long lock.
	 * @param revisions the revisions to apply, parents first
	 * @param recordings the run's recordings of the revisions' operations
	 * @param facts what the database held before the run
	 * @return the report
	 */
	public static LintReport lint(List<DeclaredRevision> revisions, Recordings recordings, DatabaseFacts facts) {
		Linter linter = new Linter(recordings);
		Scope.Schema schema = new Scope.Schema(facts);
		List<Finding> findings = new ArrayList<>();
		List<LintReport.Suppressed> suppressed = new ArrayList<>();
		List<Finding> notChecked = new ArrayList<>();
		for (DeclaredRevision revision : revisions) {
			Scope scope = linter.lint(revision, schema);
			List<Allowance> allowed = Allowance.of(revision);
			sort(scope.findings, allowed, findings, suppressed);
			sort(scope.notChecked, allowed, notChecked, suppressed);
			suppressed.addAll(scope.small);
		}
		return new LintReport(findings, suppressed, notChecked);
	}

	/**
	 * Follows the executor's rule: a revision runs in a transaction from its first statement to
	 * the next commit point, and a statement that cannot run in one may only start a part.
	 */
	private void reportConcurrentInTransaction(DeclaredRevision revision, List<SqlStatement> statements, Scope scope) {
		boolean started = false;
		boolean inTransaction = false;
		for (SqlStatement statement : statements) {
			if (statement.isCommitPoint()) {
				started = false;
			}
			else if (!started) {
				started = true;
				inTransaction = revision.transactional() && statement.transactional();
			}
			else if (inTransaction && !statement.transactional()) {
				scope.report(Rule.CONCURRENTLY_IN_TRANSACTION, this.dialect.inline(statement), null);
			}
		}
	}

	/** Composite operations are checked step by step, so the drop inside a contract step is seen. */
	private static List<Op> steps(Op op) {
		if (op instanceof RenameColumnOnline rename) {
			return rename.steps();
		}
		if (op instanceof FinishRenameColumnOnline finish) {
			return finish.steps();
		}
		return List.of(op);
	}

	private Scope lint(DeclaredRevision revision, Scope.Schema schema) {
		Optional<List<Op>> recorded;
		try {
			recorded = this.recordings.upgrade(revision);
		}
		catch (InvalidSqlMigrationException ex) {
			// one broken file must not hide the report on all the others
			Scope scope = new Scope(revision.id(), revision.transactional(), schema);
			scope.report(Rule.INVALID_SQL, (revision.migration() instanceof SqlMigration sql) ? sql.upgrade().location()
					: "upgrade()", ex.getMessage());
			return scope;
		}
		if (recorded.isEmpty()) {
			Scope scope = new Scope(revision.id(), revision.transactional(), schema);
			scope.report(Rule.ONLINE_CODE, "upgrade()", "The upgrade reads the database, or builds other "
					+ "operations online than offline.");
			return scope;
		}
		List<Op> ops = recorded.get().stream().flatMap((op) -> steps(op).stream()).toList();
		List<List<SqlStatement>> rendered = ops.stream().map(this.dialect::render).toList();
		List<SqlStatement> statements = rendered.stream().flatMap(List::stream).filter((s) -> !s.setting()).toList();
		List<SqlStatement> changes = statements.stream().filter((s) -> !s.isCommitPoint()).toList();
		boolean inTransaction = revision.transactional() && !changes.isEmpty() && changes.get(0).transactional();
		Scope scope = new Scope(revision.id(), inTransaction, schema);
		reportConcurrentInTransaction(revision, statements, scope);
		for (int i = 0; i < ops.size(); i++) {
			Op op = ops.get(i);
			if (op instanceof CommitPoint) {
				// what was added before a commit point is committed: validating it next holds no lock of the add
				scope.addedConstraints.clear();
			}
			else if (op instanceof ExecuteSql sql) {
				PostgresScanner.split(sql.sql()).forEach((statement) -> SqlRules.check(statement, scope));
			}
			else {
				OpRules.check(op, describe(op, rendered.get(i)), scope);
			}
		}
		scope.reportDataChangesBesideDdl();
		if (revision.stage() == Stage.STARTUP) {
			ops.stream()
				.filter(Backfill.class::isInstance)
				.forEach((op) -> scope.report(Rule.BACKFILL_AT_STARTUP,
						"backfill " + ((Backfill) op).progressName(), null));
		}
		return scope;
	}

	private String describe(Op op, List<SqlStatement> statements) {
		if (op instanceof BulkInsert insert) {
			return "INSERT INTO " + insert.table() + " (" + String.join(", ", insert.columns()) + ") -- "
					+ insert.rows().size() + " rows";
		}
		return String.join("; ", statements.stream().map(this.dialect::inline).toList());
	}

	private static void sort(List<Finding> found, List<Allowance> allowed, List<Finding> kept,
			List<LintReport.Suppressed> suppressed) {
		for (Finding finding : found) {
			Allowance allow = allowed.stream().filter((allowance) -> allowance.allows(finding)).findFirst().orElse(null);
			if (allow != null) {
				suppressed.add(new LintReport.Suppressed(finding, allow.reason()));
			}
			else {
				kept.add(finding);
			}
		}
	}

}
