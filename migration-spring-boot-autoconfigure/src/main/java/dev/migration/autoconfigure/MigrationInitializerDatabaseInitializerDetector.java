package dev.migration.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for the {@link MigrationInitializer} and the further
 * {@link MigrationDatabases}, so beans that use the database wait for migrations.
 */
class MigrationInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrationInitializer.class, MigrationDatabases.class);
	}

	@Override
	public int getOrder() {
		return 1;
	}

}
