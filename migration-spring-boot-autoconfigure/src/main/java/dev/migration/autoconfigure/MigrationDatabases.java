package dev.migration.autoconfigure;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * The databases of {@code migrations.databases}, each migrated while the context refreshes and in
 * the background once it is ready, exactly as the application's own database is.
 */
public class MigrationDatabases implements InitializingBean, ApplicationListener<ApplicationReadyEvent>,
		DisposableBean {

	private final List<MigrationDatabase> databases;

	/**
	 * Creates the set.
	 * @param databases the databases, in the order configured
	 */
	public MigrationDatabases(List<MigrationDatabase> databases) {
		this.databases = List.copyOf(databases);
	}

	/**
	 * Returns the databases.
	 * @return the databases, in the order configured
	 */
	public List<MigrationDatabase> all() {
		return this.databases;
	}

	/**
	 * Returns one database.
	 * @param name its name
	 * @return the database, or empty when none has that name
	 */
	public Optional<MigrationDatabase> get(String name) {
		return this.databases.stream().filter((database) -> database.name().equals(name)).findFirst();
	}

	@Override
	public void afterPropertiesSet() {
		for (MigrationDatabase database : this.databases) {
			new MigrationInitializer(database.runs(), null, database.properties()).afterPropertiesSet();
		}
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		this.databases.forEach((database) -> database.background().onApplicationEvent(event));
	}

	@Override
	public void destroy() throws InterruptedException {
		for (MigrationDatabase database : this.databases) {
			database.background().destroy();
		}
	}

}
