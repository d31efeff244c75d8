package dev.migration.autoconfigure.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.autoconfigure.tenant.MigrationTenants;
import dev.migration.core.tenant.TenantStanding;
import dev.migration.core.tenant.TenantStanding.Standing;

/**
 * The {@code migrations.tenants} gauge: how many tenants stand at the target, pending, failed,
 * new or unreadable (tag {@code status}), from standings kept for a few seconds so frequent
 * scrapes of a thousand tenants do not each read every history. NaN when they cannot be read.
 */
public class TenantMetrics implements MeterBinder {

	static final String TENANTS = "migrations.tenants";

	private static final Logger logger = LoggerFactory.getLogger(TenantMetrics.class);

	private final MigrationTenants tenants;

	private final Duration maxAge;

	/**
	 * Creates the binder.
	 * @param tenants the tenants
	 * @param maxAge how long standings are kept
	 */
	public TenantMetrics(MigrationTenants tenants, Duration maxAge) {
		this.tenants = Objects.requireNonNull(tenants, "tenants");
		this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Standing standing : Standing.values()) {
			Gauge.builder(TENANTS, this, (metrics) -> metrics.count(standing))
				.description("Tenants by where they stand against the configured target")
				.tag("status", standing.name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.register(registry);
		}
	}

	private double count(Standing standing) {
		try {
			return this.tenants.standings(this.maxAge).stream().map(TenantStanding::standing)
				.filter(standing::equals).count();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the tenants for the migrations.tenants gauge", ex);
			return Double.NaN;
		}
	}

}
