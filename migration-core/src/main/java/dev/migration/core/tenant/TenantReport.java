package dev.migration.core.tenant;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a fan-out did for every tenant, in the order the tenants were given.
 *
 * @param outcomes one outcome a tenant
 */
public record TenantReport(List<TenantOutcome> outcomes) {

	public TenantReport {
		outcomes = List.copyOf(outcomes);
	}

	/**
	 * Counts the tenants by status.
	 * @return how many tenants stand at each status, every status listed
	 */
	public Map<TenantOutcome.Status, Long> counts() {
		Map<TenantOutcome.Status, Long> counts = new TreeMap<>();
		for (TenantOutcome.Status status : TenantOutcome.Status.values()) {
			counts.put(status, 0L);
		}
		counts.putAll(this.outcomes.stream()
			.collect(Collectors.groupingBy(TenantOutcome::status, TreeMap::new, Collectors.counting())));
		return counts;
	}

	/**
	 * Sums the outcomes up in one line.
	 * @return such as {@code 998 upgraded, 0 already at the target, 2 failed, 0 skipped}
	 */
	public String summary() {
		Map<TenantOutcome.Status, Long> counts = counts();
		return counts.get(TenantOutcome.Status.UPGRADED) + " upgraded, " + counts.get(TenantOutcome.Status.UP_TO_DATE)
				+ " already at the target, " + counts.get(TenantOutcome.Status.FAILED) + " failed, "
				+ counts.get(TenantOutcome.Status.SKIPPED) + " skipped";
	}

	/**
	 * Returns the tenants whose run failed.
	 * @return their outcomes
	 */
	public List<TenantOutcome> failed() {
		return this.outcomes.stream().filter((outcome) -> outcome.status() == TenantOutcome.Status.FAILED).toList();
	}

	/**
	 * Returns whether every tenant reached the target.
	 * @return whether none failed or was skipped
	 */
	public boolean complete() {
		return this.outcomes.stream().allMatch((outcome) -> outcome.status() == TenantOutcome.Status.UP_TO_DATE
				|| outcome.status() == TenantOutcome.Status.UPGRADED);
	}

}
