package dev.migration.core.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * What the linter found: findings that count, findings a revision accepted with a reason, and
 * statements it could not check.
 *
 * @param findings the errors and warnings, in revision order
 * @param suppressed the findings accepted by {@code @AllowUnsafe}, with their reasons
 * @param notChecked the statements the linter could not check: errors or warnings as
 *     {@link NotCheckedPolicy} says
 */
public record LintReport(List<Finding> findings, List<Suppressed> suppressed, List<Finding> notChecked) {

	public LintReport {
		findings = List.copyOf(findings);
		suppressed = List.copyOf(suppressed);
		notChecked = List.copyOf(notChecked);
	}

	/**
	 * Returns whether any finding is an error, which fails the gate.
	 * @return whether there are errors
	 */
	public boolean hasErrors() {
		return !errors().isEmpty();
	}

	/**
	 * Returns the errors.
	 * @return the findings of severity error
	 */
	public List<Finding> errors() {
		return of(Severity.ERROR);
	}

	/**
	 * Returns the warnings.
	 * @return the findings of severity warning
	 */
	public List<Finding> warnings() {
		return of(Severity.WARNING);
	}

	/**
	 * Returns what stops a run or fails {@code lint}: the errors, and the statements nobody
	 * could check unless the policy lets them through as warnings.
	 * @param policy what a statement that could not be read counts as
	 * @return the failing findings, errors first
	 */
	public List<Finding> failures(NotCheckedPolicy policy) {
		if (policy == NotCheckedPolicy.WARN) {
			return errors();
		}
		List<Finding> failures = new ArrayList<>(errors());
		failures.addAll(this.notChecked);
		return List.copyOf(failures);
	}

	private List<Finding> of(Severity severity) {
		return this.findings.stream().filter((finding) -> finding.severity() == severity).toList();
	}

	/**
	 * A finding a revision accepted.
	 *
	 * @param finding the finding
	 * @param reason the reason given in {@code @AllowUnsafe}
	 */
	public record Suppressed(Finding finding, String reason) {
	}

}
