package dev.migration.core.lint;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.util.ClassUtils;

import dev.migration.core.AllowUnsafe;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.sql.SqlMigration;

/**
 * One finding a revision accepts, with its reason: from {@code @AllowUnsafe} on a Java
 * revision, or from an {@code -- allow-unsafe: <rule> <reason>} line at the top of a SQL file.
 *
 * @param rule the rule id
 * @param reason why it is safe here
 * @param on text the statement must contain, or empty for every statement
 */
record Allowance(String rule, String reason, String on) {

	/** The SQL header that accepts a finding, followed by the rule id and the reason. */
	static final String SQL_HEADER = "allow-unsafe";

	/**
	 * Returns what a revision accepts.
	 * @param revision the revision
	 * @return its allowances
	 */
	static List<Allowance> of(DeclaredRevision revision) {
		if (revision.migration() instanceof SqlMigration sql) {
			return sql.upgrade()
				.headerLines(SQL_HEADER)
				.stream()
				.map(Allowance::parse)
				.toList();
		}
		// through a Spring proxy to the class the annotations sit on
		AllowUnsafe[] annotations = ClassUtils.getUserClass(revision.migration()).getAnnotationsByType(AllowUnsafe.class);
		return Arrays.stream(annotations).map((allow) -> new Allowance(allow.rule(), allow.reason(), allow.on())).toList();
	}

	private static Allowance parse(String line) {
		int space = line.indexOf(' ');
		String rule = (space < 0) ? line : line.substring(0, space);
		String reason = (space < 0) ? "" : line.substring(space + 1).strip();
		return new Allowance(rule, reason, "");
	}

	/**
	 * Returns whether this accepts the finding.
	 * @param finding the finding
	 * @return whether the rule matches and the statement contains {@link #on}
	 */
	boolean allows(Finding finding) {
		return this.rule.equals(finding.ruleId()) && (this.on.isEmpty()
				|| finding.statement().toLowerCase(Locale.ROOT).contains(this.on.toLowerCase(Locale.ROOT)));
	}

}
