package dev.migration.core.lint;

import java.util.List;

/**
 * Renders a {@link LintReport} as plain text for a terminal or a CI log.
 */
public final class LintReportRenderer {

	private LintReportRenderer() {
	}

	/**
	 * Renders the report: one block per finding, then the suppressed ones, then what was not
	 * checked, then a summary line.
	 * @param report the report
	 * @return the text, ending with a line break
	 */
	public static String render(LintReport report) {
		return render(report, NotCheckedPolicy.DEFAULT);
	}

	/**
	 * Renders the report, labelling what could not be checked as the policy counts it.
	 * @param report the report
	 * @param policy whether a statement that could not be read is an error or a warning
	 * @return the text, ending with a line break
	 */
	public static String render(LintReport report, NotCheckedPolicy policy) {
		StringBuilder text = new StringBuilder();
		for (Finding finding : report.findings()) {
			block(text, finding.severity().name(), finding);
			text.append("  why:  ").append(finding.why()).append('\n');
			text.append("  safe: ").append(finding.safeWay()).append('\n');
		}
		for (LintReport.Suppressed suppressed : report.suppressed()) {
			block(text, "SUPPRESSED", suppressed.finding());
			text.append("  reason: ").append(suppressed.reason()).append('\n');
		}
		for (Finding finding : report.notChecked()) {
			block(text, (policy == NotCheckedPolicy.FAIL) ? "ERROR" : "WARNING", finding);
			if (finding.detail() != null) {
				text.append("  why:  ").append(finding.detail()).append('\n');
			}
			text.append("  safe: ").append(finding.safeWay()).append('\n');
		}
		return text.append(summary(report)).append('\n').toString();
	}

	private static void block(StringBuilder text, String label, Finding finding) {
		text.append(label).append(' ').append(finding.ruleId()).append(" in ").append(finding.revision()).append('\n');
		text.append("  ").append(oneLine(finding.statement())).append('\n');
	}

	private static String summary(LintReport report) {
		return count(report.errors(), "error") + ", " + count(report.warnings(), "warning") + ", "
				+ report.suppressed().size() + " suppressed, " + report.notChecked().size() + " not checked";
	}

	private static String count(List<Finding> findings, String noun) {
		return findings.size() + " " + noun + ((findings.size() == 1) ? "" : "s");
	}

	private static String oneLine(String sql) {
		String line = sql.strip().replaceAll("\\s+", " ");
		return (line.length() > 200) ? line.substring(0, 197) + "..." : line;
	}

}
