package dev.migration.core.tenant;

import java.util.Objects;

import javax.sql.DataSource;

import dev.migration.core.schema.Names;

/**
 * One tenant of a fan-out: a schema of the application's database, a database of its own, or
 * a schema of a database of its own; its history, state and lock live where its revisions run.
 *
 * @param name the tenant's name, as reported
 * @param schema the schema its revisions run in and its history lives in, or {@code null} for
 * its database's search path
 * @param dataSource its own database, or {@code null} for the fan-out's
 */
public record Tenant(String name, String schema, DataSource dataSource) {

	public Tenant {
		Objects.requireNonNull(name, "name");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A tenant's name is blank; name each tenant.");
		}
		if (schema != null) {
			Names.require("schema of tenant '" + name + "'", schema);
		}
		if (schema == null && dataSource == null) {
			throw new IllegalArgumentException("Tenant '" + name + "' has neither a schema nor a database of its own; "
					+ "give it one, or all tenants would share one history.");
		}
	}

	/**
	 * Returns a tenant that is a schema of the fan-out's database, named as its schema.
	 * @param schema the schema
	 * @return the tenant
	 */
	public static Tenant ofSchema(String schema) {
		return new Tenant(schema, schema, null);
	}

	/**
	 * Returns a tenant that is a database of its own.
	 * @param name its name
	 * @param dataSource its database
	 * @return the tenant
	 */
	public static Tenant ofDatabase(String name, DataSource dataSource) {
		return new Tenant(name, null, Objects.requireNonNull(dataSource, "dataSource"));
	}

}
