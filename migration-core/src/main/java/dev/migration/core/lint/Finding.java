package dev.migration.core.lint;

import java.util.Objects;

/**
 * One thing the linter found in a revision's upgrade.
 *
 * @param rule the rule
 * @param revision the revision id
 * @param statement the statement, as SQL, that the rule found
 * @param detail what exactly the rule saw, or {@code null}
 */
public record Finding(Rule rule, String revision, String statement, String detail) {

	public Finding {
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(revision, "revision");
		Objects.requireNonNull(statement, "statement");
	}

	/**
	 * Returns the rule id.
	 * @return the id
	 */
	public String ruleId() {
		return this.rule.id();
	}

	/**
	 * Returns the severity.
	 * @return the severity
	 */
	public Severity severity() {
		return this.rule.severity();
	}

	/**
	 * Returns why it is unsafe, with the detail when there is one.
	 * @return the explanation
	 */
	public String why() {
		return (this.detail != null) ? this.detail + " " + this.rule.why() : this.rule.why();
	}

	/**
	 * Returns the safe way.
	 * @return the safe way
	 */
	public String safeWay() {
		return this.rule.safeWay();
	}

}
