package dev.migration.testdb;

import java.util.Objects;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * One fresh PostgreSQL database on the shared test server, owned by a single test class.
 *
 * @param name the database name, unique on the server
 * @param url the JDBC URL of this database
 * @param user the user name to connect with
 * @param password the password, possibly empty
 */
public record TestDatabase(String name, String url, String user, String password) {

	public TestDatabase {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(user, "user");
		password = (password != null) ? password : "";
	}

	/**
	 * Returns a new unpooled {@link DataSource} for this database; every
	 * {@code getConnection()} opens a new connection.
	 * @return the data source
	 */
	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(this.url);
		dataSource.setUser(this.user);
		dataSource.setPassword(this.password);
		return dataSource;
	}

	@Override
	public String toString() {
		// the password stays out of test reports
		return "TestDatabase[" + this.name + " at " + this.url + " as " + this.user + "]";
	}

}
