package dev.migration.autoconfigure.diagnostics;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A login role whose password the test server checks, even where the server trusts every
 * login (as the embedded test server does): a line for this role alone goes first in
 * {@code pg_hba.conf} while it lives, so no other login changes. It needs a superuser.
 */
final class PasswordCheckedRole implements AutoCloseable {

	private final JdbcTemplate admin;

	private final String url;

	private final String name;

	private final String password;

	private final String hbaFile;

	private final String originalHba;

	private PasswordCheckedRole(JdbcTemplate admin, String url, String name, String password) {
		this.admin = admin;
		this.url = url;
		this.name = name;
		this.password = password;
		this.hbaFile = admin.queryForObject("SHOW hba_file", String.class);
		this.originalHba = admin.queryForObject("SELECT pg_read_file(?)", String.class, this.hbaFile);
	}

	/**
	 * Creates the role, with the rights to migrate the test database, and makes the server check its password.
	 * @param database the test database
	 * @param url the database's URL without parameters
	 * @param name the role's name
	 * @param password its password
	 * @return the role, to close when done
	 */
	static PasswordCheckedRole create(TestDatabase database, String url, String name, String password) {
		JdbcTemplate admin = new JdbcTemplate(database.dataSource());
		assumeThat(admin.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", Boolean.class))
			.as("the test user is a superuser, who may change pg_hba.conf")
			.isTrue();
		admin.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
		admin.execute("GRANT ALL ON SCHEMA public TO " + name);
		PasswordCheckedRole role = new PasswordCheckedRole(admin, url, name, password);
		role.writeHba("host all " + name + " all scram-sha-256\n" + role.originalHba);
		role.awaitPasswordChecked(true);
		return role;
	}

	String name() {
		return this.name;
	}

	String password() {
		return this.password;
	}

	@Override
	public void close() {
		writeHba(this.originalHba);
		awaitPasswordChecked(false);
		this.admin.execute("DROP OWNED BY " + this.name);
		this.admin.execute("DROP ROLE " + this.name);
	}

	private void writeHba(String content) {
		// COPY writes a file on the server; tabs would come out escaped, and are blanks to pg_hba.conf
		List<Object[]> lines = content.replace('\t', ' ').lines().map((line) -> new Object[] { line }).toList();
		this.admin.execute((ConnectionCallback<Void>) (connection) -> {
			// one session: the lines are in a temporary table
			JdbcTemplate session = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			session.execute("CREATE TEMP TABLE hba_line (n serial, line text)");
			session.batchUpdate("INSERT INTO hba_line (line) VALUES (?)", lines);
			session.execute("COPY (SELECT line FROM hba_line ORDER BY n) TO '" + this.hbaFile.replace("'", "''") + "'");
			session.execute("DROP TABLE hba_line");
			return null;
		});
		this.admin.queryForObject("SELECT pg_reload_conf()", Boolean.class);
	}

	/** The server reloads its configuration a moment after it is asked to. */
	private void awaitPasswordChecked(boolean checked) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			if (refusesAWrongPassword() == checked) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new IllegalStateException("The server did not reload pg_hba.conf within 10 s");
	}

	private boolean refusesAWrongPassword() {
		try (Connection connection = DriverManager.getConnection(this.url, this.name, this.password + "-wrong")) {
			return false;
		}
		catch (SQLException ex) {
			return true;
		}
	}

}
