package dev.migration.core.tenant;

import java.util.Objects;

/**
 * What a fan-out did for one tenant.
 *
 * @param tenant the tenant's schema
 * @param status where the tenant stands after the run
 * @param applied how many revisions the run applied to it
 * @param failure why it failed, or {@code null}
 * @param durationMs how long its run took, 0 for one skipped
 */
public record TenantOutcome(String tenant, Status status, int applied, String failure, long durationMs) {

	public TenantOutcome {
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(status, "status");
	}

	/** Where a tenant stands after a fan-out. */
	public enum Status {

		/** It was at the target already: nothing ran. */
		UP_TO_DATE,

		/** Its pending revisions ran. */
		UPGRADED,

		/** Its run failed; what its revisions committed is kept, as for any run. */
		FAILED,

		/** Its wave did not start, because an earlier wave failed. */
		SKIPPED

	}

}
