package dev.migration.autoconfigure.tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.core.MigrationException;
import dev.migration.core.SecretText;
import dev.migration.core.tenant.Tenant;

/**
 * Finds the tenants: from {@code migrations.tenants.names}, its query or a
 * {@link MigrationTenantSource} bean (exactly one of them), narrowed to
 * {@code migrations.tenants.only}, each placed by the schema and URL templates.
 */
final class TenantDirectory {

	private static final String NAME = "{tenant}";

	/** What a name put into a schema or a URL may hold: nothing that ends the name or starts a parameter. */
	private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_$-]{0,62}");

	private final MigrationProperties.Tenants settings;

	private final MigrationTenantSource bean;

	private final DataSource application;

	private final Map<String, DataSource> databases = new ConcurrentHashMap<>();

	TenantDirectory(MigrationProperties.Tenants settings, MigrationTenantSource bean, DataSource application) {
		this.settings = settings;
		this.bean = bean;
		this.application = application;
		check(settings, bean != null);
	}

	/**
	 * Refuses tenant settings that say nothing without a source of tenants, and two sources at once.
	 * @param settings the properties
	 * @param bean whether a {@link MigrationTenantSource} bean exists
	 */
	static void check(MigrationProperties.Tenants settings, boolean bean) {
		List<String> sources = new ArrayList<>();
		if (!settings.getNames().isEmpty()) {
			sources.add("migrations.tenants.names");
		}
		if (settings.getQuery() != null && !settings.getQuery().isBlank()) {
			sources.add("migrations.tenants.query");
		}
		if (bean) {
			sources.add("a MigrationTenantSource bean");
		}
		if (sources.size() > 1) {
			throw new MigrationException("The tenants are listed " + sources.size() + " ways (" + String.join(", ", sources)
					+ "); keep one of them.");
		}
		List<String> unused = new ArrayList<>();
		if (sources.isEmpty()) {
			addIf(unused, settings.getUrl() != null, "url");
			addIf(unused, settings.getSchema() != null, "schema");
			addIf(unused, !settings.getCanaries().isEmpty(), "canaries");
			addIf(unused, !settings.getOnly().isEmpty(), "only");
			addIf(unused, settings.getParallelism() != 4, "parallelism");
			addIf(unused, settings.getStages() != 1, "stages");
			addIf(unused, settings.isContinueAfterFailure(), "continue-after-failure");
		}
		addIf(unused, settings.getUrl() == null && (settings.getUser() != null || settings.getPassword() != null),
				"user/password (without url)");
		if (!unused.isEmpty()) {
			throw new MigrationException("migrations.tenants." + String.join(", migrations.tenants.", unused)
					+ (sources.isEmpty() ? " is set, but no tenants are listed: set migrations.tenants.names or "
							+ "migrations.tenants.query, or define a MigrationTenantSource bean; or remove it."
							: " is set, but only a tenant database's url uses it: set migrations.tenants.url, or remove it."));
		}
	}

	private static void addIf(List<String> unused, boolean set, String property) {
		if (set) {
			unused.add(property);
		}
	}

	/**
	 * Lists the tenants a run touches: the source's, or {@code only}'s when set.
	 * @return the tenants, in the source's order
	 */
	List<Tenant> tenants() {
		List<Tenant> listed = listed();
		if (this.settings.getOnly().isEmpty()) {
			return listed;
		}
		Map<String, Tenant> byName = new LinkedHashMap<>();
		listed.forEach((tenant) -> byName.put(tenant.name(), tenant));
		// a tenant named in only that the source does not list yet is placed by the templates
		return this.settings.getOnly().stream().map(String::strip).distinct()
			.map((name) -> byName.containsKey(name) ? byName.get(name) : byName(name)).toList();
	}

	/**
	 * Returns one tenant by name, as the source lists it, else placed by the templates.
	 * @param name the tenant's name
	 * @return the tenant
	 */
	Tenant find(String name) {
		return listed().stream().filter((tenant) -> tenant.name().equals(name)).findFirst().orElseGet(() -> byName(name));
	}

	private List<Tenant> listed() {
		if (this.bean != null) {
			return List.copyOf(this.bean.tenants());
		}
		List<String> names = !this.settings.getNames().isEmpty() ? this.settings.getNames()
				: new JdbcTemplate(this.application).queryForList(this.settings.getQuery(), String.class);
		return names.stream().map(String::strip).map(this::byName).toList();
	}

	/** Places a tenant by the templates. */
	Tenant byName(String name) {
		if (name == null || !SAFE_NAME.matcher(name).matches()) {
			throw new MigrationException("Tenant name '" + shown(name) + "' cannot name a schema or database: a tenant "
					+ "name is letters, digits, '_', '$' or '-', at most 63, not starting with '$' or '-'. Fix the list "
					+ "of tenants (migrations.tenants.names, .query or the MigrationTenantSource bean).");
		}
		String schemaTemplate = this.settings.getSchema();
		String url = this.settings.getUrl();
		if (url == null) {
			String schema = (schemaTemplate != null) ? schemaTemplate.replace(NAME, name) : name;
			return new Tenant(name, schema, null);
		}
		String schema = (schemaTemplate != null) ? schemaTemplate.replace(NAME, name) : null;
		return new Tenant(name, schema, this.databases.computeIfAbsent(name, (key) -> dataSource(url.replace(NAME, key))));
	}

	private DataSource dataSource(String url) {
		return DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.url(url.strip())
			.username(this.settings.getUser())
			.password(this.settings.getPassword())
			.build();
	}

	/** Checks that the templates give each tenant a place of its own. */
	void checkTemplates() {
		String schema = this.settings.getSchema();
		String url = this.settings.getUrl();
		if (url != null && !url.contains(NAME)) {
			throw new MigrationException("migrations.tenants.url '" + SecretText.mask(url) + "' has no "
					+ NAME + ": every tenant would share one database. Put " + NAME + " where the tenant's database "
					+ "name goes, such as jdbc:postgresql://db:5432/" + NAME + ".");
		}
		if (url == null && schema != null && !schema.contains(NAME)) {
			throw new MigrationException("migrations.tenants.schema '" + schema + "' has no " + NAME + ": every tenant "
					+ "would share one schema. Put " + NAME + " in it, such as tenant_" + NAME + ".");
		}
	}

	private static String shown(String name) {
		return (name == null) ? "null" : (name.length() > 70) ? name.substring(0, 70) + "..." : name;
	}

}
