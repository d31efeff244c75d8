package dev.migration.core.tenant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.migration.core.MigrationException;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.OwnedSchemas;
import dev.migration.core.run.RunResult;

/**
 * The same revisions applied to many tenants, a schema each, with bounded parallelism and in
 * waves: the canaries first, then the rest in stages; a failing wave stops the next unless told
 * to go on. Each tenant keeps its history (and so its state) in its own schema, so a rerun after
 * a crash or a stop runs only what each tenant still lacks. Immutable.
 */
public final class TenantFanOut {

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
	 * Upgrades every tenant to the target, wave after wave.
	 * @param tenants the tenants' schemas, each created when missing
	 * @param target the target, such as {@code heads}
	 * @return what happened to each tenant, in the order given
	 * @throws MigrationException when a canary is no tenant, or a tenant is named twice
	 */
	public TenantReport upgrade(List<String> tenants, String target) {
		List<List<String>> waves = waves(tenants);
		List<TenantOutcome> outcomes = new ArrayList<>();
		boolean stopped = false;
		ExecutorService pool = Executors.newFixedThreadPool(this.parallelism);
		try {
			for (List<String> wave : waves) {
				if (stopped) {
					wave.forEach((tenant) -> outcomes.add(new TenantOutcome(tenant, TenantOutcome.Status.SKIPPED, 0,
							null, 0)));
					continue;
				}
				List<TenantOutcome> done = runWave(pool, wave, target);
				outcomes.addAll(done);
				stopped = !this.continueAfterFailure
						&& done.stream().anyMatch((outcome) -> outcome.status() == TenantOutcome.Status.FAILED);
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<TenantOutcome> ordered = new ArrayList<>();
		for (String tenant : tenants) {
			outcomes.stream().filter((outcome) -> outcome.tenant().equals(tenant)).findFirst().ifPresent(ordered::add);
		}
		return new TenantReport(ordered);
	}

	/**
	 * Returns a tenant's migrator: the revisions in its schema, its history there.
	 * @param tenant the tenant's schema
	 * @return the migrator
	 */
	public Migrator migratorOf(String tenant) {
		return this.migrator.withSchemas(new OwnedSchemas(tenant, List.of(), true));
	}

	private List<List<String>> waves(List<String> tenants) {
		Set<String> unique = new LinkedHashSet<>(tenants);
		if (unique.size() != tenants.size()) {
			throw new MigrationException("A tenant is listed twice among " + tenants.size() + " tenants; list each "
					+ "schema once.");
		}
		for (String canary : this.canaries) {
			if (!unique.contains(canary)) {
				throw new MigrationException("Canary tenant '" + canary + "' is not among the tenants; name one of "
						+ "them in migrations.tenants.canaries.");
			}
		}
		List<List<String>> waves = new ArrayList<>();
		if (!this.canaries.isEmpty()) {
			waves.add(this.canaries);
		}
		List<String> rest = tenants.stream().filter((tenant) -> !this.canaries.contains(tenant)).toList();
		int size = (int) Math.ceil(rest.size() / (double) this.stages);
		for (int i = 0; i < rest.size(); i += Math.max(size, 1)) {
			waves.add(rest.subList(i, Math.min(rest.size(), i + Math.max(size, 1))));
		}
		return waves;
	}

	private List<TenantOutcome> runWave(ExecutorService pool, List<String> wave, String target) {
		List<Future<TenantOutcome>> runs = new ArrayList<>();
		for (String tenant : wave) {
			runs.add(pool.submit(() -> runOne(tenant, target)));
		}
		List<TenantOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < runs.size(); i++) {
			try {
				outcomes.add(runs.get(i).get());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new MigrationException("Interrupted while tenants were migrated; run again to finish the rest.", ex);
			}
			catch (ExecutionException ex) {
				outcomes.add(new TenantOutcome(wave.get(i), TenantOutcome.Status.FAILED, 0,
						String.valueOf(ex.getCause()), 0));
			}
		}
		return outcomes;
	}

	private TenantOutcome runOne(String tenant, String target) {
		long start = System.nanoTime();
		try {
			RunResult result = migratorOf(tenant).upgrade(target);
			int applied = result.steps().size();
			return new TenantOutcome(tenant, (applied == 0) ? TenantOutcome.Status.UP_TO_DATE
					: TenantOutcome.Status.UPGRADED, applied, null, (System.nanoTime() - start) / 1_000_000);
		}
		catch (RuntimeException ex) {
			return new TenantOutcome(tenant, TenantOutcome.Status.FAILED, 0, ex.getMessage(),
					(System.nanoTime() - start) / 1_000_000);
		}
	}

}
