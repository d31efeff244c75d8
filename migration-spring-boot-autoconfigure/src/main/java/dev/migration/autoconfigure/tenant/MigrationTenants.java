package dev.migration.autoconfigure.tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;

import dev.migration.autoconfigure.BackgroundThread;
import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.autoconfigure.MigrationRunFinishedEvent;
import dev.migration.autoconfigure.RunInProgressException;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.Release;
import dev.migration.core.run.RunScope;
import dev.migration.core.tenant.Tenant;
import dev.migration.core.tenant.TenantFanOut;
import dev.migration.core.tenant.TenantOutcome;
import dev.migration.core.tenant.TenantReport;
import dev.migration.core.tenant.TenantStanding;

/**
 * The application's revisions run on its tenants instead of its own schema: at start-up (the
 * start-up revisions), in the background once ready (the rest), when triggered, and for one
 * tenant on first use ({@link #ensure(String)}). One fan-out at a time in this application;
 * each tenant's own lock keeps instances apart.
 */
public class MigrationTenants implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(MigrationTenants.class);

	private final Migrator template;

	private final TenantDirectory directory;

	private final MigrationProperties properties;

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicReference<LastFanOut> lastRun = new AtomicReference<>();

	private final Set<String> ensured = ConcurrentHashMap.newKeySet();

	private final ApplicationEventPublisher events;

	/** The standings last read, for health and metrics, which ask often; a fan-out clears them. */
	private final AtomicReference<Read> read = new AtomicReference<>();

	private final BackgroundThread background = new BackgroundThread();

	/**
	 * Creates the tenants' runs.
	 * @param template the application's engine, whose revisions and settings every tenant runs with
	 * @param source the tenants' bean, or {@code null} when the properties list them
	 * @param properties the properties
	 * @param events where a finished fan-out is announced, as any run of this application
	 */
	public MigrationTenants(Migrator template, MigrationTenantSource source, MigrationProperties properties,
			ApplicationEventPublisher events) {
		this.template = template;
		this.events = events;
		this.properties = properties;
		this.directory = new TenantDirectory(properties.getTenants(), source, template.dataSource());
		this.directory.checkTemplates();
		// a fan-out refuses these only when it starts; at start-up they are better refused at once
		fanOut(template);
	}

	/**
	 * Refuses tenant settings that would be ignored, and tenants listed two ways at once.
	 * @param settings {@code migrations.tenants}
	 * @param bean whether a {@link MigrationTenantSource} bean exists
	 * @throws dev.migration.core.MigrationException naming the settings
	 */
	public static void checkSettings(MigrationProperties.Tenants settings, boolean bean) {
		TenantDirectory.check(settings, bean);
	}

	/**
	 * Lists the tenants a run touches now.
	 * @return the tenants
	 */
	public List<Tenant> tenants() {
		return this.directory.tenants();
	}

	/**
	 * Returns the fan-out of the application's revisions, with the configured parallelism and waves.
	 * @return the fan-out
	 */
	public TenantFanOut fanOut() {
		return fanOut(this.template);
	}

	/**
	 * Returns one tenant, as the source lists it or else placed by the templates.
	 * @param name the tenant's name
	 * @return the tenant
	 */
	public Tenant tenant(String name) {
		return this.directory.find(name);
	}

	/**
	 * Applies the start-up revisions to every tenant: the run before the application is ready.
	 * @return what happened to each tenant
	 * @throws TenantRunException when a tenant failed or was skipped
	 */
	public TenantReport upgradeStartup() {
		return complete(run(this.properties.getTarget(), RunScope.STARTUP, Release.none(), tenants()));
	}

	/**
	 * Applies pending revisions up to the target to the given tenants, contract revisions once released.
	 * @param target the target
	 * @param release the contract revisions released for this run
	 * @param tenants the tenants
	 * @return what happened to each tenant, failures included
	 * @throws RunInProgressException when a fan-out is in progress in this application
	 */
	public TenantReport upgrade(String target, Release release, List<Tenant> tenants) {
		return run(target, RunScope.RELEASED, release, tenants);
	}

	/**
	 * Brings one tenant to the target the first time it is asked for in this application, such as
	 * when a tenant signs up or its first request arrives; later calls return at once.
	 * @param name the tenant's name
	 * @return what the run did, {@code UP_TO_DATE} without a run when it was brought there before
	 * @throws TenantRunException when its run fails
	 */
	public TenantOutcome ensure(String name) {
		if (this.ensured.contains(name)) {
			return new TenantOutcome(name, TenantOutcome.Status.UP_TO_DATE, 0, null, 0);
		}
		TenantReport report = fanOut().upgrade(List.of(this.directory.find(name)), this.properties.getTarget(),
				RunScope.RELEASED);
		this.read.set(null);
		complete(report);
		this.ensured.add(name);
		return report.outcomes().get(0);
	}

	/**
	 * Reads where every tenant stands against the configured target, from the tenants' histories.
	 * @return each tenant's standing
	 */
	public List<TenantStanding> standings() {
		List<TenantStanding> standings = fanOut().standings(tenants(), this.properties.getTarget());
		this.read.set(new Read(System.nanoTime(), standings));
		return standings;
	}

	/**
	 * Returns the standings read at most {@code maxAge} ago and since the last fan-out, else reads them.
	 * @param maxAge how old they may be
	 * @return each tenant's standing
	 */
	public List<TenantStanding> standings(Duration maxAge) {
		Read last = this.read.get();
		if (last != null && System.nanoTime() - last.at() < maxAge.toNanos()) {
			return last.standings();
		}
		return standings();
	}

	/**
	 * Returns how the last fan-out of this application ended, if there was one.
	 * @return the last fan-out
	 */
	public Optional<LastFanOut> lastRun() {
		return Optional.ofNullable(this.lastRun.get());
	}

	/**
	 * Returns whether a fan-out is in progress in this application.
	 * @return whether tenants are being migrated here
	 */
	public boolean isRunning() {
		return this.running.get();
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!this.properties.isAutoRun() || this.properties.getCommand() != null
				|| !this.properties.getBackground().isEnabled() || this.template.catalog().onlyStartUpRevisions()) {
			return;
		}
		this.background.start("migrations-tenants-background", this::runInBackground);
	}

	/**
	 * Waits for the background fan-out to end, for tests and orderly hand-overs.
	 * @param timeout how long to wait at most
	 * @return whether no background fan-out is going on any more
	 * @throws InterruptedException when interrupted while waiting
	 */
	public boolean awaitBackground(Duration timeout) throws InterruptedException {
		return this.background.await(timeout);
	}

	@Override
	public void destroy() throws InterruptedException {
		// a tenant's step cut short rolls back; the next start resumes it
		this.background.stop(this.properties.getBackground().getStopTimeout());
	}

	private void runInBackground() {
		try {
			TenantReport report = upgrade(this.properties.getTarget(), Release.none(), tenants());
			logger.info("Background tenant run done: {}", report.summary());
			if (!report.complete()) {
				logger.error("Background tenant run left tenants behind: {}", new TenantRunException(report).getMessage());
			}
		}
		catch (RuntimeException ex) {
			logger.error("Background tenant run failed; it runs again at the next start or when triggered with POST "
					+ "/actuator/migrations", ex);
		}
	}

	private TenantReport run(String target, RunScope scope, Release release, List<Tenant> tenants) {
		if (!this.running.compareAndSet(false, true)) {
			throw new RunInProgressException("A tenant migration run is already in progress in this application.");
		}
		try {
			long start = System.nanoTime();
			TenantReport report = fanOut(this.template.withRelease(release)).upgrade(tenants, target, scope);
			logger.info("Migrated {} tenant(s) to {} in {} ms: {}", tenants.size(), target,
					(System.nanoTime() - start) / 1_000_000, report.summary());
			this.lastRun.set(new LastFanOut(Instant.now(), report, null));
			finished(report.complete() ? null : new TenantRunException(report));
			return report;
		}
		catch (RuntimeException ex) {
			this.lastRun.set(new LastFanOut(Instant.now(), null, ex.getMessage()));
			finished(ex);
			throw ex;
		}
		finally {
			this.running.set(false);
		}
	}

	private void finished(RuntimeException failure) {
		this.read.set(null);
		this.events.publishEvent(new MigrationRunFinishedEvent(this, null, failure));
	}

	private static TenantReport complete(TenantReport report) {
		if (!report.complete()) {
			throw new TenantRunException(report);
		}
		return report;
	}

	private TenantFanOut fanOut(Migrator migrator) {
		MigrationProperties.Tenants settings = this.properties.getTenants();
		return TenantFanOut.of(migrator)
			.withParallelism(settings.getParallelism())
			.withStages(settings.getStages())
			.withCanaries(settings.getCanaries().stream().map(String::strip).toList())
			.continuingAfterFailure(settings.isContinueAfterFailure());
	}

	/** Standings and when they were read. */
	private record Read(long at, List<TenantStanding> standings) {

	}

	/**
	 * How a fan-out of this application ended.
	 *
	 * @param finishedAt when it ended
	 * @param report what it did for each tenant, or {@code null} when it could not run
	 * @param failure why it could not run, or {@code null}
	 */
	public record LastFanOut(Instant finishedAt, TenantReport report, String failure) {

	}

}
