package dev.migration.core.tenant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Where one tenant stands against a target, read from its own history, so it survives restarts
 * and runs of other instances.
 *
 * @param tenant the tenant's name
 * @param standing at the target, pending, failed, new or unreadable
 * @param current its current revisions
 * @param pending the revisions an upgrade to the target would apply, in order
 * @param startupPending whether start-up revisions are among them (not only background or
 * contract ones), which keep the tenant from serving the code that needs them
 * @param failure why its last run failed or why it could not be read, or {@code null}
 * @param lastRunAt when a fan-out last ran it, or {@code null} when none has
 */
public record TenantStanding(String tenant, Standing standing, List<String> current, List<String> pending,
		boolean startupPending, String failure, OffsetDateTime lastRunAt) {

	public TenantStanding {
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(standing, "standing");
		current = List.copyOf(current);
		pending = List.copyOf(pending);
	}

	/** Where a tenant stands. */
	public enum Standing {

		/** Every revision the target needs is applied. */
		AT_TARGET,

		/** Revisions are pending and its last run did not fail. */
		PENDING,

		/** Revisions are pending and its last run failed. */
		FAILED,

		/** Nothing was ever applied to it: a tenant created since the last run. */
		NEW,

		/** Its history could not be read, such as when its database does not answer. */
		UNREADABLE

	}

}
