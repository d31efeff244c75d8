package dev.migration.jpa;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
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
	 * @return the DDL Hibernate ran, one statement a line
	 */
	public String createIn(DataSource database) {
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
		try {
			SchemaManagementToolCoordinator.process(metadata(registry), registry, options, (action) -> {
			});
			return script.toString();
		}
		finally {
			StandardServiceRegistryBuilder.destroy(registry);
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

	private Metadata metadata(StandardServiceRegistry registry) {
		MetadataSources sources = new MetadataSources(registry);
		this.entities.forEach(sources::addAnnotatedClass);
		return sources.getMetadataBuilder()
			.applyPhysicalNamingStrategy(this.physicalNaming)
			.applyImplicitNamingStrategy(this.implicitNaming)
			.build();
	}

}
