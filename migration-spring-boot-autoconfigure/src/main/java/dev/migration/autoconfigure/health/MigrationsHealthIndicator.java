package dev.migration.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.migration.autoconfigure.MigrationRuns.LastRun;
import dev.migration.autoconfigure.MigrationRuns;
import dev.migration.autoconfigure.metrics.PendingMigrationsMetrics;
import dev.migration.autoconfigure.tenant.MigrationTenants;
import dev.migration.core.SecretText;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.run.DatabaseState;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunPlan;
import dev.migration.core.tenant.TenantStanding;
import dev.migration.core.tenant.TenantStanding.Standing;
import dev.migration.core.run.RunScope;

/**
 * Health of the migrations: {@code DOWN} while start-up revisions are pending after this
 * application's last run failed, the configured pending status (by default
 * {@code OUT_OF_SERVICE}) while start-up revisions are pending, {@code UP} otherwise (with
 * the revisions left to the background run or a release listed as {@code waiting}). A failure that
 * another run has since made good no longer counts. It never touches liveness; readiness is
 * {@link MigrationReadiness}'s job.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final MigrationRuns runs;

	private final String target;

	private final Status pendingStatus;

	private final MigrationTenants tenants;

	/** How many failed tenants the details name. */
	private static final int SHOWN_TENANTS = 20;

	/**
	 * Creates the indicator.
	 * @param runs the runs of this application
	 * @param target the target pending revisions are counted against
	 * @param pendingStatus the status while revisions are pending
	 */
	public MigrationsHealthIndicator(MigrationRuns runs, String target, Status pendingStatus) {
		this(runs, target, pendingStatus, null);
	}

	/**
	 * Creates the indicator of an application whose revisions may run on tenants.
	 * @param runs the runs of this application
	 * @param target the target pending revisions are counted against
	 * @param pendingStatus the status while start-up revisions are pending
	 * @param tenants the tenants, or {@code null} when the revisions run on the application's database
	 */
	public MigrationsHealthIndicator(MigrationRuns runs, String target, Status pendingStatus, MigrationTenants tenants) {
		super("Migrations health check failed");
		this.runs = Objects.requireNonNull(runs, "runs");
		this.target = Objects.requireNonNull(target, "target");
		this.pendingStatus = Objects.requireNonNull(pendingStatus, "pendingStatus");
		this.tenants = tenants;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.tenants != null) {
			tenantHealth(builder);
			return;
		}
		Migrator migrator = this.runs.migrator();
		Set<String> current;
		RunPlan plan;
		try {
			DatabaseState state = migrator.state();
			current = state.current();
			plan = migrator.plan(state, this.target, RunScope.STARTUP);
		}
		catch (RuntimeException ex) {
			// the default detail would show the raw message, which may quote a URL
			builder.down().withDetail("error", SecretText.mask(ex.getClass().getName() + ": " + ex.getMessage()));
			return;
		}
		// revisions left to the background run or to a release do not make the application unhealthy
		List<DeclaredRevision> pending = plan.now();
		builder.withDetail("current", current.stream().sorted().toList()).withDetail("pending", pending.size());
		if (!plan.waiting().isEmpty()) {
			builder.withDetail("waiting", plan.waiting().stream().map((wait) -> wait.revision().id()).toList());
		}
		Optional<LastRun> lastRun = this.runs.lastRun();
		if (pending.isEmpty()) {
			builder.up();
			// a failed background run leaves its revisions waiting: worth a look, not a reason to go down
			lastRun.filter((run) -> run.failed() && !plan.waiting().isEmpty())
				.ifPresent((run) -> builder.withDetail("lastRunError", SecretText.mask(run.failure())));
		}
		else if (lastRun.isPresent() && lastRun.get().failed()) {
			builder.down().withDetail("error", SecretText.mask(lastRun.get().failure()));
		}
		else {
			builder.status(this.pendingStatus)
				.withDetail("pendingRevisions", pending.stream().map(DeclaredRevision::id).toList());
		}
		if (this.runs.isRunningHere()) {
			builder.withDetail("running", true);
		}
	}

	/**
	 * With tenants: {@code DOWN} while a tenant failed or cannot be read, the pending status while a
	 * tenant lacks start-up revisions, {@code UP} otherwise; the failed tenants are named.
	 */
	private void tenantHealth(Health.Builder builder) {
		List<TenantStanding> standings;
		try {
			standings = this.tenants.standings(PendingMigrationsMetrics.DEFAULT_MAX_AGE);
		}
		catch (RuntimeException ex) {
			// the tenants' query failed: the default detail would show the raw message, which may quote a URL
			builder.down().withDetail("error", SecretText.mask(ex.getClass().getName() + ": " + ex.getMessage()));
			return;
		}
		Map<String, Long> counts = new TreeMap<>();
		standings.forEach((standing) -> counts.merge(standing.standing().name().toLowerCase(Locale.ROOT), 1L, Long::sum));
		List<TenantStanding> broken = standings.stream()
			.filter((s) -> s.standing() == Standing.FAILED || s.standing() == Standing.UNREADABLE)
			.toList();
		long blocked = standings.stream().filter(TenantStanding::startupPending).count();
		builder.withDetail("tenants", standings.size()).withDetail("counts", counts);
		if (!broken.isEmpty()) {
			Map<String, String> failures = new LinkedHashMap<>();
			broken.stream().limit(SHOWN_TENANTS)
				.forEach((s) -> failures.put(s.tenant(), SecretText.mask(String.valueOf(s.failure()))));
			builder.down().withDetail("failed", failures);
		}
		else if (blocked > 0) {
			builder.status(this.pendingStatus).withDetail("startupPending", blocked);
		}
		else {
			builder.up();
		}
		if (this.tenants.isRunning()) {
			builder.withDetail("running", true);
		}
	}

}
