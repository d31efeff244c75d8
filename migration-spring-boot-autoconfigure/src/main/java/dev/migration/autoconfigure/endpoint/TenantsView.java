package dev.migration.autoconfigure.endpoint;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.migration.autoconfigure.RunInProgressException;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.PendingDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.RunDescriptor;
import dev.migration.autoconfigure.tenant.MigrationTenants;
import dev.migration.autoconfigure.tenant.TenantRunException;
import dev.migration.core.history.Outcome;
import dev.migration.core.SecretText;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.lint.LintReport;
import dev.migration.core.lint.Linter;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.Release;
import dev.migration.core.tenant.Tenant;
import dev.migration.core.tenant.TenantOutcome;
import dev.migration.core.tenant.TenantReport;
import dev.migration.core.tenant.TenantStanding;
import dev.migration.core.tenant.TenantStanding.Standing;

/**
 * What the endpoint shows and runs when the application's revisions run on tenants: where
 * each tenant stands, read from its own history, and a fan-out per POST.
 */
final class TenantsView {

	/** The longest list of tenants a POST may name. */
	static final int LONGEST_TENANTS = 100_000;

	private final MigrationTenants tenants;

	TenantsView(MigrationTenants tenants) {
		this.tenants = tenants;
	}

	/** The tenants' standings, and the revisions pending on any of them, in the order they run. */
	Described describe(Migrator migrator) {
		List<TenantStanding> standings = this.tenants.standings();
		Set<String> ids = new LinkedHashSet<>();
		standings.forEach((standing) -> ids.addAll(standing.pending()));
		List<DeclaredRevision> pending = ids.stream().map(migrator.catalog()::get).toList();
		LintReport lint = pending.isEmpty() ? null : Linter.lint(migrator.catalog());
		Instant lastRunAt = this.tenants.lastRun().map(MigrationTenants.LastFanOut::finishedAt).orElse(null);
		TenantsDescriptor descriptor = new TenantsDescriptor(standings.size(), counts(standings), this.tenants.isRunning(),
				lastRunAt, standings.stream().map(TenantDescriptor::of).toList());
		return new Described(status(standings), pending.stream().map((revision) -> PendingDescriptor.of(revision, null,
				lint)).toList(), descriptor);
	}

	private MigrationStatus status(List<TenantStanding> standings) {
		if (this.tenants.isRunning()) {
			return MigrationStatus.RUNNING;
		}
		if (standings.stream().anyMatch((s) -> s.standing() == Standing.FAILED || s.standing() == Standing.UNREADABLE)) {
			return MigrationStatus.FAILED;
		}
		return standings.stream().allMatch((s) -> s.standing() == Standing.AT_TARGET) ? MigrationStatus.UP_TO_DATE
				: MigrationStatus.PENDING;
	}

	private static Map<String, Long> counts(List<TenantStanding> standings) {
		Map<String, Long> counts = new TreeMap<>();
		for (Standing standing : Standing.values()) {
			counts.put(word(standing), 0L);
		}
		standings.forEach((standing) -> counts.merge(word(standing.standing()), 1L, Long::sum));
		return counts;
	}

	private static String word(Enum<?> value) {
		return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	/** How this application's last fan-out ended, as the endpoint shows a last run. */
	MigrationsEndpoint.@Nullable LastRunDescriptor lastRun() {
		return this.tenants.lastRun().map((run) -> {
			String failure = (run.report() == null) ? run.failure()
					: run.report().complete() ? null : new TenantRunException(run.report()).getMessage();
			return new MigrationsEndpoint.LastRunDescriptor("upgrade", run.finishedAt(),
					(failure == null) ? Outcome.SUCCESS.value() : Outcome.FAILED.value(), SecretText.mask(failure));
		}).orElse(null);
	}

	/** Runs the upgrade on every tenant, or on those named, and tells how each ended. */
	MigrationsEndpoint.Attempt upgrade(String target, Release release, @Nullable String names) {
		List<Tenant> chosen;
		try {
			chosen = (names == null || names.isBlank()) ? this.tenants.tenants()
					: java.util.Arrays.stream(names.split(",")).map(String::strip).filter((name) -> !name.isEmpty())
						.distinct().map(this.tenants::tenant).toList();
		}
		catch (RuntimeException ex) {
			// a name that places no tenant is the caller's mistake
			return new MigrationsEndpoint.Attempt(RunDescriptor.failed(target, "Nothing ran: " + ex.getMessage(), null,
					null, List.of()), true);
		}
		TenantReport report;
		long start = System.nanoTime();
		try {
			report = this.tenants.upgrade(target, release, chosen);
		}
		catch (RunInProgressException ex) {
			return ran(new RunDescriptor(MigrationStatus.RUNNING, target, ex.getMessage(), null, null, List.of(), null,
					List.of(), null));
		}
		catch (RuntimeException ex) {
			return ran(RunDescriptor.failed(target, ex.getMessage(), null, null, List.of()));
		}
		String summary = "Migrated " + report.outcomes().size() + " tenant(s) to " + target + ": " + report.summary()
				+ ".";
		MigrationStatus status = report.complete() ? MigrationStatus.UP_TO_DATE : MigrationStatus.FAILED;
		return ran(new RunDescriptor(status, target, summary, null, null, List.of(),
				(System.nanoTime() - start) / 1_000_000, List.of(),
				report.outcomes().stream().map(TenantRunDescriptor::of).toList()));
	}

	private static MigrationsEndpoint.Attempt ran(RunDescriptor descriptor) {
		return new MigrationsEndpoint.Attempt(descriptor, false);
	}

	/** What the tenant view adds to the endpoint's description. */
	record Described(MigrationStatus status, List<PendingDescriptor> pending, TenantsDescriptor tenants) {

	}

	/**
	 * The tenants the application's revisions run on.
	 *
	 * @param total how many tenants there are
	 * @param counts how many stand at each of {@code at-target}, {@code pending}, {@code failed},
	 * {@code new} and {@code unreadable}
	 * @param running whether a fan-out is in progress in this application
	 * @param lastRunAt when this application's last fan-out ended, or {@code null}
	 * @param tenants each tenant's standing
	 */
	public record TenantsDescriptor(int total, Map<String, Long> counts, boolean running, @Nullable Instant lastRunAt,
			List<TenantDescriptor> tenants) {

	}

	/**
	 * Where one tenant stands, read from its own history.
	 *
	 * @param tenant its name
	 * @param status {@code at-target}, {@code pending}, {@code failed}, {@code new} or {@code unreadable}
	 * @param current its current revisions
	 * @param pending the revisions it lacks, in order
	 * @param failure why its last run failed or it could not be read, or {@code null}
	 * @param lastRunAt when a fan-out last ran it, or {@code null}
	 */
	public record TenantDescriptor(String tenant, String status, List<String> current, List<String> pending,
			@Nullable String failure, @Nullable Instant lastRunAt) {

		static TenantDescriptor of(TenantStanding standing) {
			return new TenantDescriptor(standing.tenant(), word(standing.standing()), standing.current(),
					standing.pending(), SecretText.mask(standing.failure()),
					(standing.lastRunAt() != null) ? standing.lastRunAt().toInstant() : null);
		}

	}

	/**
	 * What a triggered fan-out did for one tenant.
	 *
	 * @param tenant its name
	 * @param status {@code upgraded}, {@code up-to-date}, {@code failed} or {@code skipped}
	 * @param applied how many revisions it applied
	 * @param failure why it failed, or {@code null}
	 * @param durationMs how long its run took
	 */
	public record TenantRunDescriptor(String tenant, String status, int applied, @Nullable String failure,
			long durationMs) {

		static TenantRunDescriptor of(TenantOutcome outcome) {
			return new TenantRunDescriptor(outcome.tenant(), word(outcome.status()), outcome.applied(),
					SecretText.mask(outcome.failure()), outcome.durationMs());
		}

	}

}
