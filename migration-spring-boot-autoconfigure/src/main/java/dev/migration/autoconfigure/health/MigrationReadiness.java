package dev.migration.autoconfigure.health;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;

import dev.migration.autoconfigure.MigrationRunFinishedEvent;
import dev.migration.autoconfigure.MigrationRuns;
import dev.migration.autoconfigure.tenant.MigrationTenants;
import dev.migration.core.run.RunScope;
import dev.migration.core.tenant.TenantStanding;

/**
 * Keeps the application out of readiness while start-up revisions are pending, so no traffic reaches
 * code whose schema is not there yet, and lets it in once a run applied them. Liveness stays
 * as it is, so Kubernetes does not restart a pod that waits for a manual run
 * (spring-boot#32282).
 *
 * <p>Spring Boot marks the application {@link ReadinessState#ACCEPTING_TRAFFIC accepting
 * traffic} right after {@code ApplicationReadyEvent}; this listener answers that event with
 * {@link ReadinessState#REFUSING_TRAFFIC}. It must hear the event after
 * {@link ApplicationAvailability} has recorded it, or the state it publishes would be
 * overwritten: it runs last in order and, since it needs the availability bean, is created
 * (and registered as a listener) after it.
 */
public class MigrationReadiness implements SmartApplicationListener {

	private static final Logger logger = LoggerFactory.getLogger(MigrationReadiness.class);

	private final MigrationRuns runs;

	private final String target;

	private final ApplicationAvailability availability;

	private final ApplicationEventPublisher events;

	private final MigrationTenants tenants;

	/**
	 * Creates the listener.
	 * @param runs the runs of this application
	 * @param target the target pending revisions are counted against
	 * @param availability the availability of the application
	 * @param events where to publish readiness changes
	 */
	public MigrationReadiness(MigrationRuns runs, String target, ApplicationAvailability availability,
			ApplicationEventPublisher events) {
		this(runs, target, availability, events, null);
	}

	/**
	 * Creates the listener of an application whose revisions may run on tenants.
	 * @param runs the runs of this application
	 * @param target the target pending revisions are counted against
	 * @param availability the availability of the application
	 * @param events where to publish readiness changes
	 * @param tenants the tenants, or {@code null} when the revisions run on the application's database
	 */
	public MigrationReadiness(MigrationRuns runs, String target, ApplicationAvailability availability,
			ApplicationEventPublisher events, MigrationTenants tenants) {
		this.tenants = tenants;
		this.runs = Objects.requireNonNull(runs, "runs");
		this.target = Objects.requireNonNull(target, "target");
		this.availability = Objects.requireNonNull(availability, "availability");
		this.events = Objects.requireNonNull(events, "events");
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return AvailabilityChangeEvent.class.isAssignableFrom(eventType)
				|| MigrationRunFinishedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof AvailabilityChangeEvent<?> change && change.getState() == ReadinessState.ACCEPTING_TRAFFIC
				&& pending() > 0) {
			logger.info("Refusing traffic: revisions are pending; trigger the run with POST /actuator/migrations "
					+ "or --migrations.command=upgrade");
			AvailabilityChangeEvent.publish(this.events, this, ReadinessState.REFUSING_TRAFFIC);
		}
		else if (event instanceof MigrationRunFinishedEvent && refusedByThis() && pending() == 0) {
			logger.info("Accepting traffic: no revisions are pending any more");
			AvailabilityChangeEvent.publish(this.events, this, ReadinessState.ACCEPTING_TRAFFIC);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private boolean refusedByThis() {
		// a refusal someone else published is theirs to lift
		AvailabilityChangeEvent<ReadinessState> last = this.availability.getLastChangeEvent(ReadinessState.class);
		return last != null && last.getSource() == this && last.getState() == ReadinessState.REFUSING_TRAFFIC;
	}

	private int pending() {
		try {
			// revisions left to the background run or to a release are no reason to refuse traffic
			if (this.tenants != null) {
				return (int) this.tenants.standings().stream().filter(TenantStanding::startupPending).count();
			}
			return this.runs.migrator().plan(this.target, RunScope.STARTUP).now().size();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the pending revisions; readiness is left as it is: {}", ex.getMessage());
			return -1;
		}
	}

}
