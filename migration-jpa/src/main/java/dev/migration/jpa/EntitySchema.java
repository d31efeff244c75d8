package dev.migration.jpa;

import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitConstraintNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.springframework.boot.hibernate.SpringImplicitNamingStrategy;

/**
 * The schema Hibernate itself makes for some entity classes, created in a scratch database,
 * so PostgreSQL's catalog (not a guess at Hibernate's types) says what the entities expect.
 * Named as Spring Boot names by default; immutable.
 *
 * @param entities the entity classes (and embeddables or mapped superclasses Hibernate needs named)
 * @param settings further Hibernate settings, such as {@code hibernate.type.preferred_uuid_jdbc_type}
 * @param physicalNaming the physical naming strategy; Boot's default is {@link CamelCaseToUnderscoresNamingStrategy}
 * @param implicitNaming the implicit naming strategy; Boot's default is {@link SpringImplicitNamingStrategy}
 */
public record EntitySchema(List<Class<?>> entities, Map<String, Object> settings, PhysicalNamingStrategy physicalNaming,
		ImplicitNamingStrategy implicitNaming) {

	/** A name the DDL gives a constraint ({@code constraint X}) or an index ({@code create index X}). */
	private static final Pattern NAMED_IN_DDL = Pattern.compile(
			"(?i)\\bconstraint\\s+(\"(?:[^\"]|\"\")*\"|[\\w$]+)|\\bcreate\\s+(?:unique\\s+)?index\\s+(?:if not exists\\s+)?"
					+ "(\"(?:[^\"]|\"\")*\"|[\\w$]+)");

	/** The implicit naming strategy's methods that make up constraint and index names. */
	private static final Set<String> MADE_UP = Set.of("determineForeignKeyName", "determineUniqueKeyName",
			"determineIndexName");

	public EntitySchema {
		entities = List.copyOf(entities);
		settings = Map.copyOf(settings);
		Objects.requireNonNull(physicalNaming, "physicalNaming");
		Objects.requireNonNull(implicitNaming, "implicitNaming");
	}

	/**
	 * Returns the schema of the given entities, named as Spring Boot names them.
	 * @param entities the entity classes
	 * @return the schema
	 */
	public static EntitySchema of(Class<?>... entities) {
		return new EntitySchema(List.of(entities), Map.of(), new CamelCaseToUnderscoresNamingStrategy(),
				new SpringImplicitNamingStrategy());
	}

	/**
	 * Returns this schema built with a further Hibernate setting.
	 * @param name the setting's name
	 * @param value its value
	 * @return a new schema
	 */
	public EntitySchema withSetting(String name, Object value) {
		Map<String, Object> more = new HashMap<>(this.settings);
		more.put(name, value);
		return new EntitySchema(this.entities, more, this.physicalNaming, this.implicitNaming);
	}

	/**
	 * Returns this schema built with other naming strategies, such as the application's own.
	 * @param physical the physical naming strategy
	 * @param implicit the implicit naming strategy
	 * @return a new schema
	 */
	public EntitySchema withNaming(PhysicalNamingStrategy physical, ImplicitNamingStrategy implicit) {
		return new EntitySchema(this.entities, this.settings, physical, implicit);
	}

	/**
	 * Has Hibernate create the schema in the given (empty) database.
	 * @param database the scratch database
	 * @return the DDL Hibernate ran and the constraint and index names the entities chose
	 */
	public CreatedSchema createIn(DataSource database) {
		StringWriter script = new StringWriter();
		Map<String, Object> options = new HashMap<>();
		options.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, database);
		options.put(AvailableSettings.DIALECT, PostgreSQLDialect.class.getName());
		options.put(AvailableSettings.HBM2DDL_CREATE_NAMESPACES, true);
		options.putAll(this.settings);
		// create only: the database is empty, and a failing statement must fail the check, not be logged
		options.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create");
		options.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "create");
		options.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, script);
		options.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, true);
		StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap()).applySettings(options).build();
		Set<String> madeUp = ConcurrentHashMap.newKeySet();
		try {
			SchemaManagementToolCoordinator.process(metadata(registry, madeUp), registry, options, (action) -> {
			});
			return new CreatedSchema(script.toString(), chosenNames(script.toString(), madeUp));
		}
		finally {
			StandardServiceRegistryBuilder.destroy(registry);
		}
	}

	/**
	 * The names the DDL gives constraints and indexes, but for those Hibernate's implicit naming
	 * made up; what the DDL leaves unnamed PostgreSQL names, and no entity chose that either.
	 */
	private static Set<String> chosenNames(String script, Set<String> madeUp) {
		Set<String> chosen = new HashSet<>();
		Matcher named = NAMED_IN_DDL.matcher(script);
		while (named.find()) {
			String name = (named.group(1) != null) ? named.group(1) : named.group(2);
			String stored = name.startsWith("\"") ? name.substring(1, name.length() - 1) : name.toLowerCase(Locale.ROOT);
			if (!madeUp.contains(stored)) {
				chosen.add(stored);
			}
		}
		return Set.copyOf(chosen);
	}

	/** Records the names the implicit naming strategy makes for foreign keys, unique keys and indexes. */
	private ImplicitNamingStrategy recording(Set<String> madeUp) {
		ImplicitNamingStrategy delegate = this.implicitNaming;
		return (ImplicitNamingStrategy) Proxy.newProxyInstance(ImplicitNamingStrategy.class.getClassLoader(),
				new Class<?>[] { ImplicitNamingStrategy.class }, (proxy, method, arguments) -> {
					Object result;
					try {
						result = method.invoke(delegate, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
					// the strategy is asked for names the entities gave too, and hands those back
					if (result instanceof Identifier identifier && MADE_UP.contains(method.getName())
							&& arguments[0] instanceof ImplicitConstraintNameSource source
							&& source.getUserProvidedIdentifier() == null) {
						String text = identifier.getText();
						madeUp.add(identifier.isQuoted() ? text : text.toLowerCase(Locale.ROOT));
					}
					return result;
				});
	}

	/**
	 * The created schema.
	 *
	 * @param script the DDL Hibernate ran, one statement a line
	 * @param chosenNames the constraint and index names the entities chose, as PostgreSQL stores them
	 */
	public record CreatedSchema(String script, Set<String> chosenNames) {

		public CreatedSchema {
			chosenNames = Set.copyOf(chosenNames);
		}

	}

	/**
	 * Hibernate loads entity classes by name through the thread's context class loader, which a
	 * pool thread (or a fat jar's launcher) may not share with the entities: their own loaders are named.
	 */
	private BootstrapServiceRegistry bootstrap() {
		BootstrapServiceRegistryBuilder builder = new BootstrapServiceRegistryBuilder();
		this.entities.stream().map(Class::getClassLoader).filter(Objects::nonNull).distinct()
			.forEach(builder::applyClassLoader);
		return builder.build();
	}

	private Metadata metadata(StandardServiceRegistry registry, Set<String> madeUp) {
		MetadataSources sources = new MetadataSources(registry);
		this.entities.forEach(sources::addAnnotatedClass);
		return sources.getMetadataBuilder()
			.applyPhysicalNamingStrategy(this.physicalNaming)
			.applyImplicitNamingStrategy(recording(madeUp))
			.build();
	}

}
