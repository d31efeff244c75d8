package dev.migration.core.lint;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.core.MigrationException;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.run.UpgradeCheck;

/**
 * Lints the revisions a run is about to apply, before it applies any: errors stop the run or
 * are logged, as {@code migrations.lint} says. All revisions are linted, so what earlier ones
 * created or validated is known, but only findings of the revisions to apply count.
 */
public final class LintGate implements UpgradeCheck {

	private static final Logger logger = LoggerFactory.getLogger(LintGate.class);

	private final LintPolicy policy;

	public LintGate(LintPolicy policy) {
		this.policy = policy;
	}

	/**
	 * Checks the revisions about to be applied.
	 * @param catalog every revision in code
	 * @param toApply the revisions the run will apply
	 * @throws LintFailedException when one of them has errors and the policy is to fail
	 */
	@Override
	public void check(MigrationCatalog catalog, List<DeclaredRevision> toApply) {
		if (this.policy == LintPolicy.OFF || toApply.isEmpty()) {
			return;
		}
		Set<String> ids = toApply.stream().map(DeclaredRevision::id).collect(Collectors.toSet());
		LintReport all = Linter.lint(catalog);
		List<Finding> errors = all.errors().stream().filter((finding) -> ids.contains(finding.revision())).toList();
		if (errors.isEmpty()) {
			return;
		}
		String report = LintReportRenderer.render(new LintReport(errors, List.of(), List.of()));
		if (this.policy == LintPolicy.FAIL) {
			throw new LintFailedException(errors.size(), report);
		}
		logger.warn("Running despite {} lint error(s), as migrations.lint=warn says:\n{}", errors.size(), report);
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
