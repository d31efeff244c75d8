package dev.migration.core.tenant;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.core.MigrationException;
import dev.migration.core.SecretText;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.history.HistoryEntry;
import dev.migration.core.history.Outcome;
import dev.migration.core.run.DatabaseState;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.OwnedSchemas;
import dev.migration.core.run.RunResult;
import dev.migration.core.run.RunScope;
import dev.migration.core.tenant.TenantStanding.Standing;

/**
 * The same revisions applied to many tenants (a schema each, a database each, or both) with
 * bounded parallelism and in waves: the canaries first, then the rest in stages; a failing wave stops the next unless told
 * to go on. Each tenant keeps its history (and so its state) where its revisions run, so a rerun after
 * a crash or a stop runs only what each tenant still lacks. Immutable.
 */
public final class TenantFanOut {

	private static final Logger logger = LoggerFactory.getLogger(TenantFanOut.class);

	private final Migrator migrator;

	private final int parallelism;

	private final List<String> canaries;

	private final int stages;

	private final boolean continueAfterFailure;

	private TenantFanOut(Migrator migrator, int parallelism, List<String> canaries, int stages,
			boolean continueAfterFailure) {
		this.migrator = Objects.requireNonNull(migrator, "migrator");
		if (parallelism < 1) {
			throw new MigrationException("migrations.tenants.parallelism must be 1 or more, but was " + parallelism + ".");
		}
		if (stages < 1) {
			throw new MigrationException("migrations.tenants.stages must be 1 or more, but was " + stages + ".");
		}
		this.parallelism = parallelism;
		this.canaries = List.copyOf(canaries);
		this.stages = stages;
		this.continueAfterFailure = continueAfterFailure;
	}

	/**
	 * Creates a fan-out of a migrator's revisions, one tenant at a time, in one wave.
	 * @param migrator the revisions and settings every tenant runs with (its schemas are replaced by each tenant's)
	 * @return the fan-out
	 */
	public static TenantFanOut of(Migrator migrator) {
		return new TenantFanOut(migrator, 1, List.of(), 1, false);
	}

	/**
	 * Returns a fan-out that runs at most this many tenants at once, each on a connection of its own.
	 * @param value the most tenants at once
	 * @return a new fan-out
	 */
	public TenantFanOut withParallelism(int value) {
		return new TenantFanOut(this.migrator, value, this.canaries, this.stages, this.continueAfterFailure);
	}

	/**
	 * Returns a fan-out whose first wave is these tenants alone.
	 * @param value the canary tenants
	 * @return a new fan-out
	 */
	public TenantFanOut withCanaries(List<String> value) {
		return new TenantFanOut(this.migrator, this.parallelism, value, this.stages, this.continueAfterFailure);
	}

	/**
	 * Returns a fan-out that runs the tenants after the canaries in this many waves of about equal size.
	 * @param value how many waves after the canaries
	 * @return a new fan-out
	 */
	public TenantFanOut withStages(int value) {
		return new TenantFanOut(this.migrator, this.parallelism, this.canaries, value, this.continueAfterFailure);
	}

	/**
	 * Returns a fan-out whose waves go on after a wave with failures.
	 * @param value whether to go on
	 * @return a new fan-out
	 */
	public TenantFanOut continuingAfterFailure(boolean value) {
		return new TenantFanOut(this.migrator, this.parallelism, this.canaries, this.stages, value);
	}

	/**
	 * Upgrades every tenant, each a schema of the migrator's database, to the target, wave after wave.
	 * @param tenants the tenants' schemas, each created when missing
	 * @param target the target, such as {@code heads}
	 * @return what happened to each tenant, in the order given
	 * @throws MigrationException when a canary is no tenant, or a tenant is named twice
	 */
	public TenantReport upgrade(List<String> tenants, String target) {
		return upgrade(tenants.stream().map(Tenant::ofSchema).toList(), target, RunScope.RELEASED);
	}

	/**
	 * Upgrades every tenant to the target, wave after wave.
	 * @param tenants the tenants
	 * @param target the target, such as {@code heads}
	 * @param scope the start-up revisions alone, or everything released
	 * @return what happened to each tenant, in the order given
	 * @throws MigrationException when a canary is no tenant, or a tenant is named twice
	 */
	public TenantReport upgrade(List<Tenant> tenants, String target, RunScope scope) {
		List<List<Tenant>> waves = waves(tenants);
		TenantLedger ledger = ledger();
		ledger.create();
		List<TenantOutcome> outcomes = new ArrayList<>();
		boolean stopped = false;
		ExecutorService pool = Executors.newFixedThreadPool(this.parallelism);
		try {
			for (List<Tenant> wave : waves) {
				if (stopped) {
					wave.forEach((tenant) -> outcomes.add(new TenantOutcome(tenant.name(), TenantOutcome.Status.SKIPPED,
							0, null, 0)));
					continue;
				}
				List<TenantOutcome> done = inParallel(pool, wave, (tenant) -> {
					TenantOutcome outcome = runOne(tenant, target, scope);
					ledger.record(outcome);
					return outcome;
				},
						(tenant, failure) -> new TenantOutcome(tenant.name(), TenantOutcome.Status.FAILED, 0, failure, 0));
				outcomes.addAll(done);
				stopped = !this.continueAfterFailure
						&& done.stream().anyMatch((outcome) -> outcome.status() == TenantOutcome.Status.FAILED);
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<TenantOutcome> ordered = new ArrayList<>();
		for (Tenant tenant : tenants) {
			outcomes.stream().filter((outcome) -> outcome.tenant().equals(tenant.name())).findFirst()
				.ifPresent(ordered::add);
		}
		return new TenantReport(ordered);
	}

	/**
	 * Reads where each tenant stands against the target, as many at once as the fan-out runs.
	 * @param tenants the tenants
	 * @param target the target, such as {@code heads}
	 * @return each tenant's standing, in the order given
	 */
	public List<TenantStanding> standings(List<Tenant> tenants, String target) {
		Map<String, TenantLedger.LastRun> lastRuns = ledger().read();
		ExecutorService pool = Executors.newFixedThreadPool(this.parallelism);
		try {
			return inParallel(pool, tenants, (tenant) -> standing(tenant, target, lastRuns.get(tenant.name())),
					(tenant, failure) -> unreadable(tenant, failure));
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Where one tenant stands: its history says what it has, the fan-out's record how its last run ended. */
	private TenantStanding standing(Tenant tenant, String target, TenantLedger.LastRun lastRun) {
		try {
			Migrator migrator = migratorOf(tenant);
			DatabaseState state = migrator.state();
			List<String> current = state.current().stream().sorted().toList();
			List<String> pending = migrator.pending(state, target).stream().map(DeclaredRevision::id).toList();
			OffsetDateTime lastRunAt = (lastRun != null) ? lastRun.finishedAt() : null;
			if (pending.isEmpty()) {
				return new TenantStanding(tenant.name(), Standing.AT_TARGET, current, pending, false, null, lastRunAt);
			}
			boolean startup = !migrator.plan(state, target, RunScope.STARTUP).now().isEmpty();
			List<HistoryEntry> history = migrator.history();
			HistoryEntry last = history.isEmpty() ? null : history.get(history.size() - 1);
			String failure = null;
			Standing standing = history.isEmpty() ? Standing.NEW : Standing.PENDING;
			if (last != null && last.outcome() == Outcome.FAILED) {
				// a step that kept part of its work: its history says what failed
				standing = Standing.FAILED;
				failure = last.revision() + ": " + last.error();
			}
			else if (lastRun != null && lastRun.status() == TenantOutcome.Status.FAILED) {
				// a step that rolled back left nothing in the tenant's history, only in the fan-out's record
				standing = Standing.FAILED;
				failure = lastRun.failure();
			}
			return new TenantStanding(tenant.name(), standing, current, pending, startup, failure, lastRunAt);
		}
		catch (RuntimeException ex) {
			return unreadable(tenant, String.valueOf(ex.getMessage()));
		}
	}

	private TenantLedger ledger() {
		return new TenantLedger(this.migrator.dataSource(), this.migrator.settings().history());
	}

	private static TenantStanding unreadable(Tenant tenant, String failure) {
		return new TenantStanding(tenant.name(), Standing.UNREADABLE, List.of(), List.of(), false, failure, null);
	}

	/**
	 * Returns a tenant's migrator: the revisions in its schema, its history there.
	 * @param tenant the tenant's schema
	 * @return the migrator
	 */
	public Migrator migratorOf(String tenant) {
		return migratorOf(Tenant.ofSchema(tenant));
	}

	/**
	 * Returns a tenant's migrator: the revisions in its database and schema, its history there.
	 * @param tenant the tenant
	 * @return the migrator
	 */
	public Migrator migratorOf(Tenant tenant) {
		Migrator migrator = (tenant.dataSource() != null) ? this.migrator.withDataSource(tenant.dataSource())
				: this.migrator;
		return (tenant.schema() != null) ? migrator.withSchemas(new OwnedSchemas(tenant.schema(), List.of(), true))
				: migrator;
	}

	private List<List<Tenant>> waves(List<Tenant> tenants) {
		Set<String> unique = new LinkedHashSet<>();
		tenants.forEach((tenant) -> {
			if (!unique.add(tenant.name())) {
				throw new MigrationException("Tenant '" + tenant.name() + "' is listed twice among " + tenants.size()
						+ " tenants; list each tenant once.");
			}
		});
		for (String canary : this.canaries) {
			if (!unique.contains(canary)) {
				throw new MigrationException("Canary tenant '" + canary + "' is not among the tenants; name one of "
						+ "them in migrations.tenants.canaries.");
			}
		}
		List<List<Tenant>> waves = new ArrayList<>();
		if (!this.canaries.isEmpty()) {
			waves.add(tenants.stream().filter((tenant) -> this.canaries.contains(tenant.name())).toList());
		}
		List<Tenant> rest = tenants.stream().filter((tenant) -> !this.canaries.contains(tenant.name())).toList();
		int size = Math.max(1, (int) Math.ceil(rest.size() / (double) this.stages));
		for (int i = 0; i < rest.size(); i += size) {
			waves.add(rest.subList(i, Math.min(rest.size(), i + size)));
		}
		return waves;
	}

	/** Runs the work for each tenant, at most as many at once as the pool has threads, in the order given. */
	private static <T> List<T> inParallel(ExecutorService pool, List<Tenant> tenants, Function<Tenant, T> work,
			BiFunction<Tenant, String, T> failed) {
		List<Future<T>> runs = new ArrayList<>();
		for (Tenant tenant : tenants) {
			runs.add(pool.submit(() -> work.apply(tenant)));
		}
		List<T> results = new ArrayList<>();
		for (int i = 0; i < runs.size(); i++) {
			try {
				results.add(runs.get(i).get());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new MigrationException("Interrupted while tenants were migrated; run again to finish the rest.", ex);
			}
			catch (ExecutionException ex) {
				results.add(failed.apply(tenants.get(i), String.valueOf(ex.getCause())));
			}
		}
		return results;
	}

	private TenantOutcome runOne(Tenant tenant, String target, RunScope scope) {
		long start = System.nanoTime();
		try {
			RunResult result = migratorOf(tenant).upgrade(target, scope);
			int applied = result.steps().size();
			return new TenantOutcome(tenant.name(), (applied == 0) ? TenantOutcome.Status.UP_TO_DATE
					: TenantOutcome.Status.UPGRADED, applied, null, (System.nanoTime() - start) / 1_000_000);
		}
		catch (RuntimeException ex) {
			// the outcome keeps the message; the trace is for whoever reads the log
			logger.warn("Tenant {} failed: {}", tenant.name(), SecretText.mask(ex.getMessage()), ex);
			return new TenantOutcome(tenant.name(), TenantOutcome.Status.FAILED, 0, ex.getMessage(),
					(System.nanoTime() - start) / 1_000_000);
		}
	}

}
