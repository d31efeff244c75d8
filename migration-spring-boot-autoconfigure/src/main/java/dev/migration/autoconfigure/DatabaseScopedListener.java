package dev.migration.autoconfigure;

import dev.migration.core.run.MigrationListener;

/**
 * A listener that tells the databases apart: each of {@code migrations.databases} gets the copy
 * {@link #forDatabase} returns, the application's own database the bean itself.
 */
public interface DatabaseScopedListener extends MigrationListener {

	/**
	 * Returns the listener for one further database.
	 * @param database its name
	 * @return the listener its runs report to
	 */
	MigrationListener forDatabase(String database);

}
