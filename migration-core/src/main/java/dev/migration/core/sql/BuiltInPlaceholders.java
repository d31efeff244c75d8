package dev.migration.core.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.Set;

import javax.sql.DataSource;

import dev.migration.core.MigrationException;

/**
 * The values of Flyway's built-in placeholders that depend on where the files run:
 * {@code flyway:defaultSchema}, {@code flyway:user}, {@code flyway:database} and
 * {@code flyway:table}. The database is asked once, and only when a file uses one of them.
 */
public final class BuiltInPlaceholders {

	/** No database: a file that uses one of them fails, naming it. */
	public static final BuiltInPlaceholders NONE = new BuiltInPlaceholders(null, null, null);

	/** The built-ins whose value is each tenant's own, when the files run on many tenants. */
	private static final Set<String> PER_TENANT = Set.of("defaultschema", "user", "database");

	private final DataSource dataSource;

	private final String schema;

	private final String table;

	private final boolean tenants;

	private volatile String[] session;

	/**
	 * Creates the built-ins of a database.
	 * @param dataSource the database the files run on, or {@code null} when there is none
	 * @param schema the schema the history lives in, or {@code null} for the connection's current schema
	 * @param table the name of Flyway's history table, or {@code null} when unknown
	 */
	public BuiltInPlaceholders(DataSource dataSource, String schema, String table) {
		this(dataSource, schema, table, false);
	}

	private BuiltInPlaceholders(DataSource dataSource, String schema, String table, boolean tenants) {
		this.dataSource = dataSource;
		this.schema = schema;
		this.table = table;
		this.tenants = tenants;
	}

	/**
	 * Returns the built-ins of files that run on many tenants, read once for all of them: those
	 * whose value is each tenant's own are refused where a file uses them.
	 * @return the built-ins
	 */
	public BuiltInPlaceholders forTenants() {
		return new BuiltInPlaceholders(this.dataSource, this.schema, this.table, true);
	}

	/** Returns whether a built-in (lower case, without {@code flyway:}) has a value of its own in each tenant. */
	boolean variesPerTenant(String name) {
		return this.tenants && PER_TENANT.contains(name);
	}

	String defaultSchema() {
		return (this.schema != null) ? this.schema : session()[2];
	}

	String user() {
		return session()[0];
	}

	String database() {
		return session()[1];
	}

	String table() {
		return this.table;
	}

	private String[] session() {
		String[] values = this.session;
		if (values == null) {
			values = read();
			this.session = values;
		}
		return values;
	}

	private String[] read() {
		if (this.dataSource == null) {
			return new String[3];
		}
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet row = statement
					.executeQuery("SELECT current_user, pg_catalog.current_database(), pg_catalog.current_schema()")) {
			row.next();
			return new String[] { row.getString(1), row.getString(2), row.getString(3) };
		}
		catch (SQLException ex) {
			throw new MigrationException("A SQL file uses one of Flyway's placeholders flyway:user, flyway:database or "
					+ "flyway:defaultSchema, whose values come from the database, and the database could not be asked: "
					+ ex.getMessage(), ex);
		}
	}

}
