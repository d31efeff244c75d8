package dev.migration.autoconfigure.endpoint;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvoker;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvokerAdvisor;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameter;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameters;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.RunDescriptor;

/**
 * Refuses a POST to {@code /actuator/migrations} that names a field the endpoint does not take
 * (400 naming it): Actuator would drop it, and a mistyped {@code "tagret"} would run to heads.
 */
final class KnownFieldsOnly implements OperationInvokerAdvisor {

	private static final EndpointId MIGRATIONS = EndpointId.of("migrations");

	private final String target;

	/**
	 * Creates the advisor.
	 * @param target the configured target, shown in the refusal as the target nothing ran to
	 */
	KnownFieldsOnly(String target) {
		this.target = target;
	}

	@Override
	public OperationInvoker apply(EndpointId endpointId, OperationType operationType, OperationParameters parameters,
			OperationInvoker invoker) {
		if (!MIGRATIONS.equals(endpointId) || operationType != OperationType.WRITE) {
			return invoker;
		}
		List<String> known = parameters.stream().map(OperationParameter::getName).toList();
		return (context) -> {
			Set<String> unknown = new TreeSet<>(context.getArguments().keySet());
			unknown.removeAll(known);
			if (unknown.isEmpty()) {
				return invoker.invoke(context);
			}
			return new WebEndpointResponse<>(RunDescriptor.failed(this.target, "Nothing ran: the request names "
					+ describe(unknown) + ", which this endpoint does not take; its fields are " + String.join(", ", known)
					+ ".", null, null, List.of()), WebEndpointResponse.STATUS_BAD_REQUEST);
		};
	}

	private static String describe(Set<String> unknown) {
		// names come from the caller: bound, like every echoed input
		return unknown.stream()
			.limit(5)
			.map((name) -> "'" + ((name.length() > 40) ? name.substring(0, 40) + "..." : name) + "'")
			.reduce((a, b) -> a + ", " + b)
			.map((names) -> (unknown.size() == 1 ? "the field " : "the fields ") + names
					+ (unknown.size() > 5 ? " (and " + (unknown.size() - 5) + " more)" : ""))
			.orElseThrow();
	}

}
