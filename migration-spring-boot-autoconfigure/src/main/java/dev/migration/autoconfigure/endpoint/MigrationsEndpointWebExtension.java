package dev.migration.autoconfigure.endpoint;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.Attempt;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.RunDescriptor;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} that answers a POST with an HTTP status
 * that scripts can check ({@code curl --fail}): 200 when the run completed, 400 when the target
 * does not resolve, 409 when a run was already in progress, 500 when the run failed. The body
 * is the same as the endpoint's.
 */
@EndpointWebExtension(endpoint = MigrationsEndpoint.class)
public class MigrationsEndpointWebExtension {

	static final int STATUS_CONFLICT = 409;

	private final MigrationsEndpoint delegate;

	public MigrationsEndpointWebExtension(MigrationsEndpoint delegate) {
		this.delegate = delegate;
	}

	/**
	 * Applies pending revisions up to {@code target}, releasing the given contract revisions.
	 * @param target the target, or {@code null} for the configured one
	 * @param release contract revision ids to release for this run, separated by commas, or
	 * {@code all}
	 * @param database one of {@code migrations.databases}, or {@code null} for the application's own
	 * @param tenants the tenants to run, separated by commas, or {@code null} for all (with
	 * {@code migrations.tenants} only)
	 * @return what the run applied, with its HTTP status
	 */
	@WriteOperation
	public WebEndpointResponse<RunDescriptor> upgrade(@Nullable String target, @Nullable String release,
			@Nullable String database, @Nullable String tenants) {
		Attempt attempt = this.delegate.attempt(target, release, database, tenants);
		return new WebEndpointResponse<>(attempt.descriptor(), httpStatus(attempt));
	}

	private static int httpStatus(Attempt attempt) {
		if (attempt.rejected()) {
			return WebEndpointResponse.STATUS_BAD_REQUEST;
		}
		return switch (attempt.descriptor().status()) {
			case RUNNING -> STATUS_CONFLICT;
			case FAILED -> WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR;
			case UP_TO_DATE, PENDING -> WebEndpointResponse.STATUS_OK;
		};
	}

}
