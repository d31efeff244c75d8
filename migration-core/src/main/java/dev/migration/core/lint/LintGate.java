package dev.migration.core.lint;

import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.core.MigrationException;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.run.UpgradeCheck;

/**
 * Lints the revisions a run is about to apply, and only those, before it applies any, judged
 * against the live database: errors stop the run or are logged, as {@code migrations.lint}
 * says. A table the database does not hold before the run, or holds with fewer rows than
 * {@code migrations.lint-small-table-rows}, takes no lock anyone waits on, so the lock rules
 * spare it; applied revisions are never read again, whatever their SQL.
 */
public final class LintGate implements UpgradeCheck {

	private static final Logger logger = LoggerFactory.getLogger(LintGate.class);

	private final LintPolicy policy;

	private final long smallTableRows;

	private final NotCheckedPolicy notChecked;

	public LintGate(LintPolicy policy) {
		this(policy, DatabaseFacts.DEFAULT_SMALL_TABLE_ROWS, NotCheckedPolicy.DEFAULT);
	}

	/**
	 * Creates the gate.
	 * @param policy what errors do
	 * @param smallTableRows tables estimated below this many rows count as small
	 * @param notChecked whether a statement the linter could not read is an error
	 */
	public LintGate(LintPolicy policy, long smallTableRows, NotCheckedPolicy notChecked) {
		this.policy = policy;
		this.smallTableRows = smallTableRows;
		this.notChecked = notChecked;
	}

	/**
	 * Checks the revisions about to be applied.
	 * @param catalog every revision in code
	 * @param toApply the revisions the run will apply
	 * @param database the database they will run on
	 * @throws LintFailedException when one of them has errors and the policy is to fail
	 */
	@Override
	public void check(MigrationCatalog catalog, List<DeclaredRevision> toApply, DataSource database) {
		check(catalog, toApply, database, SchemaScope.ALL);
	}

	/**
	 * Checks the revisions about to be applied to a history that owns schemas, judged by what
	 * those schemas hold.
	 * @param catalog every revision in code
	 * @param toApply the revisions the run will apply
	 * @param database the database they will run on
	 * @param scope the schemas the history owns, and how to tell another history's
	 * @throws LintFailedException when one of them has errors and the policy is to fail
	 */
	@Override
	public void check(MigrationCatalog catalog, List<DeclaredRevision> toApply, DataSource database,
			SchemaScope scope) {
		if (this.policy == LintPolicy.OFF || toApply.isEmpty()) {
			return;
		}
		LintReport report = Linter.lint(toApply, catalog.recordings(),
				DatabaseFacts.read(database, this.smallTableRows, scope));
		List<Finding> errors = report.failures(this.notChecked);
		if (errors.isEmpty()) {
			return;
		}
		String rendered = LintReportRenderer.render(new LintReport(report.errors(), List.of(),
				errors.stream().filter((finding) -> finding.rule() == Rule.NOT_CHECKED).toList()), this.notChecked);
		if (this.policy == LintPolicy.FAIL) {
			throw new LintFailedException(errors.size(), rendered);
		}
		logger.warn("Running despite {} lint error(s), as migrations.lint=warn says:\n{}", errors.size(), rendered);
	}

	/** Thrown when revisions about to be applied have lint errors and the policy is to fail. */
	public static class LintFailedException extends MigrationException {

		private static final long serialVersionUID = 1L;

		LintFailedException(int errors, String report) {
			super("Nothing was run: " + errors + " lint error(s) in the revisions to apply. Make each change the "
					+ "safe way shown, accept it with @AllowUnsafe(rule, reason) on the revision, or set "
					+ "migrations.lint=warn.\n" + report);
		}

	}

}
