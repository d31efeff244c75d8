package dev.migration.autoconfigure.tenant;

import java.util.List;

import dev.migration.core.tenant.Tenant;

/**
 * A bean that lists the tenants the application's revisions run on, asked at every fan-out;
 * the alternative to {@code migrations.tenants.names} and {@code migrations.tenants.query}.
 */
@FunctionalInterface
public interface MigrationTenantSource {

	/**
	 * Lists the tenants.
	 * @return the tenants, such as {@code Tenant.ofSchema("acme")}, each once
	 */
	List<Tenant> tenants();

}
