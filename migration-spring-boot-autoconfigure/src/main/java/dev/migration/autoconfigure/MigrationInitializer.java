package dev.migration.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import dev.migration.autoconfigure.tenant.MigrationTenants;
import dev.migration.core.MigrationException;

/**
 * Runs the migrations while the application context refreshes, so the application is never
 * ready with required revisions missing. Beans that use the database ({@code JdbcTemplate},
 * {@code JdbcClient}, JPA) are initialized after it.
 */
public class MigrationInitializer implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(MigrationInitializer.class);

	private final MigrationRuns runs;

	private final MigrationStrategy strategy;

	private final MigrationProperties properties;

	private final MigrationTenants tenants;

	/**
	 * Creates an initializer.
	 * @param runs the runs of this application
	 * @param strategy what to do instead of an upgrade to the target, or {@code null}
	 * @param properties the properties
	 */
	public MigrationInitializer(MigrationRuns runs, MigrationStrategy strategy, MigrationProperties properties) {
		this(runs, strategy, properties, null);
	}

	/**
	 * Creates an initializer.
	 * @param runs the runs of this application
	 * @param strategy what to do instead of an upgrade to the target, or {@code null}
	 * @param properties the properties
	 * @param tenants the tenants the revisions run on instead of the application's database, or {@code null}
	 */
	public MigrationInitializer(MigrationRuns runs, MigrationStrategy strategy, MigrationProperties properties,
			MigrationTenants tenants) {
		if (tenants != null && strategy != null) {
			throw new MigrationException("A MigrationStrategy bean decides how the application's database is "
					+ "migrated, but its revisions run on tenants (migrations.tenants), which it would not see; remove "
					+ "the bean, or the tenants.");
		}
		this.runs = runs;
		this.strategy = strategy;
		this.properties = properties;
		this.tenants = tenants;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.properties.getCommand() != null) {
			// command mode runs its own command once the context is ready
			return;
		}
		if (this.tenants != null) {
			migrateTenants();
			return;
		}
		if (!this.properties.isAutoRun()) {
			logger.info("migrations.auto-run is false: {} revision(s) pending; trigger the run with POST "
					+ "/actuator/migrations or --migrations.command=upgrade", pendingCount());
			return;
		}
		if (this.strategy != null) {
			this.strategy.migrate(this.runs);
		}
		else {
			// background and contract revisions run once the application is ready
			this.runs.upgradeStartup(this.properties.getTarget());
		}
	}

	private void migrateTenants() {
		if (!this.properties.isAutoRun()) {
			logger.info("migrations.auto-run is false: {} tenant(s) not migrated at start-up; trigger the run with POST "
					+ "/actuator/migrations or --migrations.command=upgrade", this.tenants.tenants().size());
			return;
		}
		// background and contract revisions run once the application is ready
		this.tenants.upgradeStartup();
	}

	private String pendingCount() {
		try {
			return String.valueOf(this.runs.migrator().pending(this.properties.getTarget()).size());
		}
		catch (RuntimeException ex) {
			return "an unknown number of";
		}
	}

}
