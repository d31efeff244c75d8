package dev.migration.testdb;

/**
 * Where the test PostgreSQL server came from, and the administrative connection to it.
 *
 * @param kind which of the resolution steps supplied the server
 * @param adminUrl JDBC URL of a database that may run {@code CREATE DATABASE}
 * @param user the user name, allowed to create databases
 * @param password the password, possibly empty
 */
record DatabaseSource(Kind kind, String adminUrl, String user, String password) {

	/** The resolution steps, in the order they are tried. */
	enum Kind {

		/** The {@code MIGRATIONS_TEST_JDBC_URL} environment variable or system property. */
		JDBC_URL,

		/** A Testcontainers PostgreSQL container on a local Docker engine. */
		TESTCONTAINERS,

		/** An in-process embedded PostgreSQL (zonky). */
		EMBEDDED

	}

}
