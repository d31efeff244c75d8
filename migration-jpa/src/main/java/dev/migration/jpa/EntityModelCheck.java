package dev.migration.jpa;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.opentest4j.AssertionFailedError;

import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.OwnedSchemas;
import dev.migration.core.run.Release;
import dev.migration.core.run.RunSettings;
import dev.migration.core.snapshot.SchemaSnapshot;
import dev.migration.core.snapshot.SnapshotReader;
import dev.migration.core.sql.SqlCallbacks;

/**
 * The model check: Hibernate builds the entities' schema in one scratch database, the revisions
 * upgrade another to heads, and PostgreSQL's catalog of each is compared as a {@link ModelDiff}.
 * Both scratch databases live on the shared test server ({@code migration-test-database}), or
 * where {@link #withScratch} says, and are dropped afterwards. Immutable.
 *
 * <pre class="code">
 * EntityModelCheck.of(MigrationCatalog.of(revisions)).assertEntitiesMatchRevisions(Order.class, Customer.class);
 * </pre>
 */
public final class EntityModelCheck {

	private final MigrationCatalog catalog;

	private final RunSettings settings;

	private final OwnedSchemas schemas;

	private final SqlCallbacks callbacks;

	private final Predicate<ModelDifference> ignored;

	private final ScratchDatabases scratch;

	private EntityModelCheck(MigrationCatalog catalog, RunSettings settings, OwnedSchemas schemas,
			SqlCallbacks callbacks, Predicate<ModelDifference> ignored, ScratchDatabases scratch) {
		this.catalog = Objects.requireNonNull(catalog, "catalog");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.schemas = Objects.requireNonNull(schemas, "schemas");
		this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
		this.ignored = Objects.requireNonNull(ignored, "ignored");
		this.scratch = Objects.requireNonNull(scratch, "scratch");
	}

	/**
	 * Creates a check of the given revisions, run with the default settings.
	 * @param catalog the revisions
	 * @return the check
	 */
	public static EntityModelCheck of(MigrationCatalog catalog) {
		return new EntityModelCheck(catalog, RunSettings.defaults(), OwnedSchemas.NONE, SqlCallbacks.NONE,
				(difference) -> false, ScratchDatabases.testServer());
	}

	/**
	 * Creates a check of a migrator's revisions, run as it runs them (its history table, schemas
	 * and SQL callbacks), but in scratch databases, never in the migrator's own.
	 * @param migrator the application's migrator
	 * @return the check
	 */
	public static EntityModelCheck of(Migrator migrator) {
		return of(migrator.catalog()).withSettings(migrator.settings())
			.withSchemas(migrator.schemas())
			.withCallbacks(migrator.callbacks());
	}

	/**
	 * Returns a check that runs the revisions with the given settings, such as another history table.
	 * @param settings the settings
	 * @return a new check
	 */
	public EntityModelCheck withSettings(RunSettings settings) {
		return new EntityModelCheck(this.catalog, settings, this.schemas, this.callbacks, this.ignored, this.scratch);
	}

	/**
	 * Returns a check that runs the revisions in the given schemas ({@code migrations.default-schema}).
	 * @param schemas the schemas the revisions own
	 * @return a new check
	 */
	public EntityModelCheck withSchemas(OwnedSchemas schemas) {
		return new EntityModelCheck(this.catalog, this.settings, schemas, this.callbacks, this.ignored, this.scratch);
	}

	/**
	 * Returns a check that runs the revisions with the given SQL callbacks.
	 * @param callbacks the callbacks
	 * @return a new check
	 */
	public EntityModelCheck withCallbacks(SqlCallbacks callbacks) {
		return new EntityModelCheck(this.catalog, this.settings, this.schemas, callbacks, this.ignored, this.scratch);
	}

	/**
	 * Returns a check that leaves out the differences the given test accepts, such as indexes
	 * the revisions add for queries that no entity declares:
	 * {@code ignoring((d) -> d.aspect() == Aspect.INDEX && d.expected() == null)}.
	 * @param accepted which differences to leave out, on top of those already left out
	 * @return a new check
	 */
	public EntityModelCheck ignoring(Predicate<ModelDifference> accepted) {
		return new EntityModelCheck(this.catalog, this.settings, this.schemas, this.callbacks,
				this.ignored.or(accepted), this.scratch);
	}

	/**
	 * Returns a check that makes its scratch databases elsewhere than on the shared test server.
	 * @param scratch where to make them
	 * @return a new check
	 */
	public EntityModelCheck withScratch(ScratchDatabases scratch) {
		return new EntityModelCheck(this.catalog, this.settings, this.schemas, this.callbacks, this.ignored, scratch);
	}

	/**
	 * Compares the schema Hibernate makes for the given entities, named as Spring Boot names
	 * them, with the one the revisions make.
	 * @param entities the entity classes
	 * @return the differences
	 */
	public ModelDiff diff(Class<?>... entities) {
		return diff(EntitySchema.of(entities));
	}

	/**
	 * Compares the schema Hibernate makes for some entities with the one the revisions make.
	 * @param entities the entities, with their Hibernate settings and naming
	 * @return the differences
	 */
	public ModelDiff diff(EntitySchema entities) {
		return compare(entities).diff();
	}

	/**
	 * Compares the schema Hibernate makes for some entities with the one the revisions make,
	 * keeping both sides, as a revision written from the difference needs them.
	 * @param entities the entities, with their Hibernate settings and naming
	 * @return both sides and what differs
	 */
	public ModelComparison compare(EntitySchema entities) {
		// the two databases are built at once: each is mostly waiting on the server
		Set<String> chosenNames = ConcurrentHashMap.newKeySet();
		CompletableFuture<SchemaSnapshot> expected = CompletableFuture.supplyAsync(() -> inScratch("entities",
				"Hibernate could not create the entities' schema",
				(database) -> chosenNames.addAll(entities.createIn(database).chosenNames())));
		SchemaSnapshot actual = inScratch("revisions", "The upgrade of an empty database to heads failed",
				(database) -> migrator(database).upgrade("heads"));
		SchemaSnapshot wanted;
		try {
			wanted = expected.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
		List<String> heads = this.catalog.graph().heads().stream().sorted().toList();
		return new ModelComparison(entities.entities().stream().map(Class::getName).toList(), heads, wanted, actual,
				ModelDiff.between(wanted, actual, chosenNames).without(this.ignored));
	}

	/**
	 * Checks that the entities and the revisions agree.
	 * @param entities the entity classes
	 * @throws AssertionFailedError listing each difference
	 */
	public void assertEntitiesMatchRevisions(Class<?>... entities) {
		assertEntitiesMatchRevisions(EntitySchema.of(entities));
	}

	/**
	 * Checks that the entities and the revisions agree.
	 * @param entities the entities, with their Hibernate settings and naming
	 * @throws AssertionFailedError listing each difference
	 */
	public void assertEntitiesMatchRevisions(EntitySchema entities) {
		ModelDiff diff;
		try {
			diff = diff(entities);
		}
		catch (ModelCheckException ex) {
			throw new AssertionFailedError(ex.getMessage(), ex);
		}
		if (!diff.isEmpty()) {
			throw new AssertionFailedError("The entities and the revisions disagree in " + diff.differences().size()
					+ " place(s):\n" + diff.describe() + "Write a revision that makes what the entities expect, "
					+ "or change the entities to match the revisions.");
		}
	}

	private Migrator migrator(DataSource database) {
		// every revision counts, contract revisions too, whatever their release in production
		return new Migrator(database, this.catalog, new PostgresDialect(), this.settings)
			.withRelease(Release.everything())
			.withSchemas(this.schemas)
			.withCallbacks(this.callbacks);
	}

	private SchemaSnapshot inScratch(String hint, String failure, Build build) {
		try (ScratchDatabases.Scratch database = this.scratch.open(hint)) {
			try {
				build.into(database.dataSource());
			}
			catch (RuntimeException ex) {
				throw new ModelCheckException(failure + ": " + ex.getMessage(), ex);
			}
			SettledChecks.settle(database.dataSource());
			return SnapshotReader.allSchemas(this.settings.history()).read(database.dataSource());
		}
	}

	/** What fills one scratch database. */
	@FunctionalInterface
	private interface Build {

		void into(DataSource database);

	}

}
