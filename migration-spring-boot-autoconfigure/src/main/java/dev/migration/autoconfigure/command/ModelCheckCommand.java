package dev.migration.autoconfigure.command;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Entity;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.persistence.autoconfigure.EntityScanner;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.core.run.Migrator;
import dev.migration.jpa.EntityModelCheck;
import dev.migration.jpa.EntitySchema;
import dev.migration.jpa.ModelCheckException;
import dev.migration.jpa.ModelDiff;
import dev.migration.jpa.ScratchDatabases;
import dev.migration.jpa.generate.DeclaredRenames;
import dev.migration.jpa.generate.GeneratedRevision;
import dev.migration.jpa.generate.RevisionWriter;

/**
 * The {@code check-model} command: the application's entities (found as Boot finds them) against
 * its revisions, each side built on a scratch database of {@code migrations.trace.*}, with the
 * naming and Hibernate properties the application sets ({@code spring.jpa.*}).
 */
public class ModelCheckCommand {

	private final Migrator migrator;

	private final ApplicationContext context;

	private final MigrationProperties.Trace trace;

	/**
	 * Creates the command.
	 * @param migrator the application's engine, whose revisions are checked
	 * @param context the application, whose entities are checked
	 * @param trace where the scratch databases are made
	 */
	public ModelCheckCommand(Migrator migrator, ApplicationContext context, MigrationProperties.Trace trace) {
		this.migrator = migrator;
		this.context = context;
		this.trace = trace;
	}

	/**
	 * Runs the check and prints its result.
	 * @param out where the result goes
	 * @throws CommandException with exit code 1 when the entities and revisions disagree
	 */
	public void run(PrintStream out) {
		List<Class<?>> entities = entities();
		ModelDiff diff;
		try {
			diff = check().diff(schema(entities));
		}
		catch (ModelCheckException ex) {
			throw new CommandException(CommandExit.FAILURE, "check-model failed: " + ex.getMessage());
		}
		if (!diff.isEmpty()) {
			out.print(diff.describe());
			out.flush();
			throw new CommandException(CommandExit.FAILURE, "check-model failed: the entities and the revisions "
					+ "disagree in " + diff.differences().size() + " place(s), listed above. Write a revision that makes "
					+ "what the entities expect, or change the entities to match the revisions.");
		}
		out.println("The entities and the revisions agree: " + entities.size() + " entities, "
				+ this.migrator.catalog().graph().topologicalOrder().size() + " revision(s).");
	}

	/**
	 * Autogenerate: writes a revision, on top of the head, with the operations that make what the
	 * entities expect, and prints what it leaves to the developer.
	 * @param commands where the new revision is written
	 * @param renames the declared column renames, as {@code migrations.scaffold.renames} holds them
	 * @param out where the result goes
	 * @throws CommandException with exit code 2 for a declared rename that matches nothing, 1 when the check fails
	 */
	public void autogenerate(MigrationCommands commands, List<String> renames, PrintStream out) {
		DeclaredRenames declared;
		try {
			declared = DeclaredRenames.parse(renames, "migrations.scaffold.renames");
		}
		catch (IllegalArgumentException ex) {
			throw new CommandException(CommandExit.USAGE, "revision cannot run as given: " + ex.getMessage());
		}
		List<Class<?>> entities = entities();
		GeneratedRevision generated;
		try {
			generated = RevisionWriter.write(check().compare(schema(entities)), declared);
		}
		catch (ModelCheckException ex) {
			throw new CommandException(CommandExit.FAILURE, "revision --autogenerate failed: " + ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			throw new CommandException(CommandExit.USAGE, "revision cannot run as given: " + ex.getMessage());
		}
		if (generated.isEmpty()) {
			out.println("Nothing to write: the entities and the revisions agree (" + entities.size() + " entities).");
			return;
		}
		commands.writeRevision(generated.body(), out);
		out.println("It resolves " + generated.written() + " difference(s)"
				+ (generated.attention().isEmpty() ? "." : "; before applying it:"));
		generated.attention().forEach((line) -> out.println("  - " + line));
		out.flush();
	}

	private EntityModelCheck check() {
		return EntityModelCheck.of(this.migrator).withScratch((hint) -> {
			TraceScratch scratch = TraceScratch.open(this.trace);
			return new ScratchDatabases.Scratch(scratch.dataSource(), scratch::close);
		});
	}

	private List<Class<?>> entities() {
		try {
			List<Class<?>> found = new EntityScanner(this.context).scan(Entity.class)
				.stream()
				.sorted(Comparator.comparing(Class::getName))
				.toList();
			if (found.isEmpty()) {
				throw new CommandException(CommandExit.USAGE, "No @Entity class is in the application's packages "
						+ "(those of @SpringBootApplication, or of @EntityScan): there is no model to compare.");
			}
			return found;
		}
		catch (ClassNotFoundException ex) {
			throw new CommandException(CommandExit.FAILURE, "check-model could not load an entity class: "
					+ ex.getMessage());
		}
	}

	/** The entities with the naming and the Hibernate properties the application gives JPA. */
	private EntitySchema schema(List<Class<?>> entities) {
		EntitySchema schema = EntitySchema.of(entities.toArray(Class<?>[]::new));
		Binder binder = Binder.get(this.context.getEnvironment());
		String physical = binder.bind("spring.jpa.hibernate.naming.physical-strategy", String.class).orElse(null);
		String implicit = binder.bind("spring.jpa.hibernate.naming.implicit-strategy", String.class).orElse(null);
		if (physical != null || implicit != null) {
			schema = schema.withNaming(
					(physical != null) ? instance(physical, PhysicalNamingStrategy.class) : schema.physicalNaming(),
					(implicit != null) ? instance(implicit, ImplicitNamingStrategy.class) : schema.implicitNaming());
		}
		Map<String, String> properties = binder.bind("spring.jpa.properties", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		for (Map.Entry<String, String> property : properties.entrySet()) {
			schema = schema.withSetting(property.getKey(), property.getValue());
		}
		return schema;
	}

	private <T> T instance(String className, Class<T> type) {
		Class<?> found = ClassUtils.resolveClassName(className, this.context.getClassLoader());
		return type.cast(BeanUtils.instantiateClass(found));
	}

}
