package dev.migration.autoconfigure.tenant;

import java.util.stream.Collectors;

import dev.migration.core.MigrationException;
import dev.migration.core.SecretText;
import dev.migration.core.tenant.TenantOutcome;
import dev.migration.core.tenant.TenantReport;

/**
 * Thrown when a fan-out left tenants failed or skipped: names them, and says how to finish them
 * once fixed, since the tenants that reached the target keep it.
 */
public class TenantRunException extends MigrationException {

	private static final int SHOWN = 5;

	private final transient TenantReport report;

	/**
	 * Creates the exception.
	 * @param report what the fan-out did for every tenant
	 */
	public TenantRunException(TenantReport report) {
		super(describe(report));
		this.report = report;
	}

	/**
	 * Returns what the fan-out did for every tenant.
	 * @return the report
	 */
	public TenantReport report() {
		return this.report;
	}

	private static String describe(TenantReport report) {
		var counts = report.counts();
		String failed = report.failed().stream().limit(SHOWN)
			.map((outcome) -> outcome.tenant() + " (" + SecretText.mask(firstLine(outcome.failure())) + ")")
			.collect(Collectors.joining("; "));
		long more = report.failed().size() - SHOWN;
		return report.failed().size() + " of " + report.outcomes().size() + " tenant(s) failed: " + failed
				+ ((more > 0) ? "; and " + more + " more" : "") + ". "
				+ counts.get(TenantOutcome.Status.SKIPPED) + " were skipped, since their wave comes after the failure; "
				+ (counts.get(TenantOutcome.Status.UPGRADED) + counts.get(TenantOutcome.Status.UP_TO_DATE))
				+ " reached the target and keep it. Fix the failed tenants, then run again (a restart, POST "
				+ "/actuator/migrations or --migrations.command=upgrade): it runs only what each tenant still lacks; "
				+ "--migrations.tenants.only=<tenant> runs one alone.";
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "no message";
		}
		String line = text.strip().lines().findFirst().orElse("");
		return (line.length() > 300) ? line.substring(0, 300) + "..." : line;
	}

}
