package dev.migration.core.run;

import dev.migration.core.MigrationException;

/**
 * Thrown, before anything runs, when the migration connection goes through a pooler that hands
 * one PostgreSQL session to several clients (PgBouncer in transaction or statement mode).
 */
public class SharedSessionException extends MigrationException {

	private static final long serialVersionUID = 1L;

	SharedSessionException(String evidence) {
		super("The migration connection goes through a connection pooler that shares one PostgreSQL session "
				+ "between clients (PgBouncer in transaction or statement pooling mode: " + evidence + "). The "
				+ "session lock that keeps two runners apart, and the session settings a run relies on "
				+ "(lock_timeout, statement_timeout, search_path), do not hold there, so nothing was run. Connect "
				+ "migrations to PostgreSQL directly: set migrations.url (with migrations.user and "
				+ "migrations.password) to the server itself, or to a pool in session mode; the application "
				+ "keeps its pooled spring.datasource.url.");
	}

}
