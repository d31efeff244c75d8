package dev.migration.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import org.opentest4j.AssertionFailedError;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

import dev.migration.core.Migration;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.OwnedSchemas;
import dev.migration.core.run.Release;
import dev.migration.core.run.RunSettings;
import dev.migration.core.schema.QualifiedName;
import dev.migration.core.snapshot.ObjectKind;
import dev.migration.core.snapshot.SchemaDiff;
import dev.migration.core.snapshot.SchemaSnapshot;
import dev.migration.core.snapshot.SnapshotReader;
import dev.migration.core.sql.SqlCallbacks;
import dev.migration.core.trace.HistoryTrace;
import dev.migration.core.trace.TraceSeeder;
import dev.migration.jpa.EntityModelCheck;

/**
 * Proves a set of migrations on a real PostgreSQL before they reach production: one head,
 * an upgrade from an empty database, the stairway (each revision up, down and up again),
 * downgrades that leave no trace, a schema that matches a given database, and what
 * PostgreSQL really does for each statement against what the linter says. Each check
 * throws an {@link AssertionFailedError} whose message names the revision and what is wrong.
 *
 * <pre class="code">
 * MigrationTester tester = MigrationTester.of(List.of(new CreateOrders(), new IndexOrders()))
 *     .withSeed("0002", (jdbc) -&gt; jdbc.update("INSERT INTO orders (total) VALUES (1)"));
 * tester.assertSingleHead();
 * tester.assertStairway();
 * tester.assertDowngradesLeaveNoTrace();
 * </pre>
 *
 * <p>By default each check gets a fresh database on the shared test server
 * ({@code migration-test-database}) and drops it afterwards; a tester made with
 * {@link #of(DataSource, Collection)} empties the given database instead. Repeatable SQL
 * scripts run in the upgrade checks; the stairway leaves them out, since they are never
 * reverted. Immutable.
 */
public final class MigrationTester {

	private final MigrationCatalog catalog;

	private final Workspace.Provider workspaces;

	private final RunSettings settings;

	private final Map<String, Seed> seeds;

	private final OwnedSchemas schemas;

	private final SqlCallbacks callbacks;

	private MigrationTester(MigrationCatalog catalog, Workspace.Provider workspaces, RunSettings settings,
			Map<String, Seed> seeds, OwnedSchemas schemas, SqlCallbacks callbacks) {
		this.catalog = Objects.requireNonNull(catalog, "catalog");
		this.workspaces = workspaces;
		this.settings = settings;
		this.seeds = Map.copyOf(seeds);
		this.schemas = Objects.requireNonNull(schemas, "schemas");
		this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
	}

	/**
	 * Creates a tester that runs each check in a fresh database of its own.
	 * @param migrations the migrations, each annotated with {@code @Revision}
	 * @return the tester
	 */
	public static MigrationTester of(Collection<? extends Migration> migrations) {
		return of(MigrationCatalog.of(migrations));
	}

	/**
	 * Creates a tester of every revision of a catalog, such as one made of SQL files
	 * ({@code SqlRevisions.declare}) beside Java revisions; each check runs in a fresh
	 * database of its own.
	 * @param catalog the revisions
	 * @return the tester
	 */
	public static MigrationTester of(MigrationCatalog catalog) {
		return new MigrationTester(catalog, Workspace.fresh(), RunSettings.defaults(), Map.of(), OwnedSchemas.NONE,
				SqlCallbacks.NONE);
	}

	/**
	 * Creates a tester that runs each check in the given database, after dropping every
	 * schema in it (and creating {@code public} again): only hand it a database for tests.
	 * @param dataSource the database to use, emptied before each check
	 * @param migrations the migrations, each annotated with {@code @Revision}
	 * @return the tester
	 */
	public static MigrationTester of(DataSource dataSource, Collection<? extends Migration> migrations) {
		return new MigrationTester(MigrationCatalog.of(migrations), Workspace.given(Objects.requireNonNull(dataSource)),
				RunSettings.defaults(), Map.of(), OwnedSchemas.NONE, SqlCallbacks.NONE);
	}

	/**
	 * Creates a tester of the revisions of an application context, such as the one of a
	 * {@code @SpringBootTest}: those of the starter's {@link Migrator} (the {@link Migration}
	 * beans and the SQL files of {@code migrations.locations}) when there is one, else the
	 * {@link Migration} beans; with the starter's schemas ({@code migrations.default-schema}) and SQL
	 * callbacks. Checks run in fresh databases, never in the application's own; compare that one
	 * with {@link #assertSchemaMatches(DataSource)}.
	 * @param beans the context
	 * @return the tester
	 */
	public static MigrationTester of(ListableBeanFactory beans) {
		Migrator migrator = beans.getBeanProvider(Migrator.class).getIfAvailable();
		if (migrator == null) {
			return of(beans.getBeansOfType(Migration.class).values());
		}
		// the revisions run as the application runs them: in its schemas, with its callbacks
		return new MigrationTester(migrator.catalog(), Workspace.fresh(), migrator.settings(), Map.of(),
				migrator.schemas(), migrator.callbacks());
	}

	/**
	 * Returns a tester that runs the migrations with the given settings, such as another
	 * history table.
	 * @param settings the settings
	 * @return a new tester
	 */
	public MigrationTester withSettings(RunSettings settings) {
		return new MigrationTester(this.catalog, this.workspaces, Objects.requireNonNull(settings), this.seeds,
				this.schemas, this.callbacks);
	}

	/**
	 * Returns a tester that writes data before upgrading to the given revision, in the
	 * stairway and in the upgrade check.
	 * @param revision the revision id
	 * @param seed what to write, at the revision's parents
	 * @return a new tester
	 */
	public MigrationTester withSeed(String revision, Seed seed) {
		String id = this.catalog.graph().get(revision).id();
		Map<String, Seed> seeds = new LinkedHashMap<>(this.seeds);
		seeds.put(id, Objects.requireNonNull(seed, "seed"));
		return new MigrationTester(this.catalog, this.workspaces, this.settings, seeds, this.schemas, this.callbacks);
	}

	/**
	 * Checks that the revisions have exactly one head.
	 */
	public void assertSingleHead() {
		Set<String> heads = this.catalog.graph().heads();
		if (heads.isEmpty()) {
			throw new AssertionFailedError("There are no revisions to test.");
		}
		if (heads.size() > 1) {
			throw new AssertionFailedError("Expected one head but the revisions have " + heads.size() + ": "
					+ String.join(", ", heads) + ". Write a merge revision that revises all of them, such as "
					+ "@Revision(id = \"...\", revises = {\"" + String.join("\", \"", heads) + "\"}).");
		}
	}

	/**
	 * Checks that an empty database upgrades to heads, seeding where asked.
	 */
	public void assertUpgradesToHeads() {
		try (Workspace workspace = this.workspaces.open()) {
			Migrator migrator = migrator(workspace);
			if (this.seeds.isEmpty()) {
				step(null, "upgrade from an empty database to heads", () -> migrator.upgrade("heads"));
			}
			else {
				for (RevisionNode revision : this.catalog.graph().topologicalOrder()) {
					seed(revision, workspace);
					step(revision, "upgrade from an empty database", () -> migrator.upgrade(revision.id()));
				}
			}
			Set<String> current = migrator.current();
			if (!current.equals(this.catalog.graph().heads())) {
				throw new AssertionFailedError("After upgrading to heads the database is at " + current
						+ " instead of the heads " + this.catalog.graph().heads() + ".");
			}
		}
	}

	/**
	 * Checks the stairway: from an empty database, each revision in order is upgraded,
	 * downgraded and upgraded again, with data seeded where asked.
	 */
	public void assertStairway() {
		walk(false);
	}

	/**
	 * Checks that each revision's downgrade leaves no trace: the schema after its upgrade
	 * and downgrade equals the schema before its upgrade. Walks the stairway, and lists
	 * every revision that leaves a trace, with what differs.
	 */
	public void assertDowngradesLeaveNoTrace() {
		walk(true);
	}

	/**
	 * Replays every revision from an empty database to heads through the executor that
	 * applies it, with rows seeded into the empty tables each one touches, and returns what
	 * PostgreSQL did for each statement (locks, rewrites, scans, time under each lock) beside
	 * the linter's findings: for checks of one's own, such as that a revision never keeps
	 * writes to a table waiting. Seeds given with {@link #withSeed} are not used: the trace
	 * seeds every table it needs.
	 * @return the trace
	 */
	public HistoryTrace trace() {
		try (Workspace workspace = this.workspaces.open()) {
			Migrator migrator = migrator(workspace);
			return migrator.trace(workspace.dataSource(), "heads", TraceSeeder.DEFAULT_ROWS);
		}
	}

	/**
	 * Checks what PostgreSQL really does against what the linter says: every revision runs on
	 * tables that hold rows, and no statement rewrites an existing table, or scans one under a
	 * lock that keeps writes waiting, unless a lint finding (reported or accepted) names it.
	 * The message lists each problem, then the whole trace.
	 */
	public void assertTraceMatchesLint() {
		HistoryTrace trace = trace();
		List<String> problems = trace.problems();
		if (!problems.isEmpty()) {
			throw new AssertionFailedError("The trace found " + problems.size() + " problem(s):\n  - "
					+ String.join("\n  - ", problems) + "\nA revision that fails here fails in production too; for "
					+ "what PostgreSQL did that no lint finding names, make the change the safe way, or accept a "
					+ "statement the linter could not read, once reviewed, with @AllowUnsafe(rule = \"not-checked\", "
					+ "reason = \"...\").\n\n" + trace.render());
		}
	}

	/**
	 * Checks that a fresh database upgraded to heads has the same schema as the given one,
	 * such as a production copy or the application's database: anything else there was
	 * made by hand (or by a migration since changed).
	 * @param database the database to compare with
	 */
	public void assertSchemaMatches(DataSource database) {
		SchemaSnapshot expected;
		try (Workspace workspace = this.workspaces.open()) {
			step(null, "upgrade from an empty database to heads", () -> migrator(workspace).upgrade("heads"));
			expected = snapshot(workspace.dataSource());
		}
		SchemaDiff diff = expected.diff(snapshot(database));
		if (!diff.isEmpty()) {
			throw new AssertionFailedError("The database differs from a fresh upgrade to heads in "
					+ diff.differences().size() + " place(s):\n" + diff.describe("in the database"));
		}
	}

	/**
	 * Checks that the schema Hibernate makes for the given JPA entities (named as Spring Boot
	 * names them) is the one the revisions make, and lists each difference: a table, column,
	 * type, nullability, default, constraint or index that one side has and the other lacks.
	 * Needs {@code dev.migration:migration-jpa} on the test class path; both schemas are built in
	 * fresh databases on the shared test server, whichever database the tester was given.
	 * @param entities the entity classes
	 */
	public void assertEntitiesMatchRevisions(Class<?>... entities) {
		if (!ClassUtils.isPresent("dev.migration.jpa.EntityModelCheck", MigrationTester.class.getClassLoader())) {
			throw new AssertionFailedError("The model check needs dev.migration:migration-jpa on the test class "
					+ "path: add it as a test dependency.");
		}
		EntityCheck.assertMatch(this, entities);
	}

	/** Keeps the model check's classes (and Hibernate's) unloaded until a test asks for them. */
	private static final class EntityCheck {

		static void assertMatch(MigrationTester tester, Class<?>... entities) {
			EntityModelCheck.of(tester.catalog)
				.withSettings(tester.settings)
				.withSchemas(tester.schemas)
				.withCallbacks(tester.callbacks)
				.assertEntitiesMatchRevisions(entities);
		}

	}

	/**
	 * Checks that a squash revision builds what the history it replaces builds: a fresh
	 * database upgraded through the replaced revisions and another upgraded to the squash have
	 * the same schema and the same rows in every table. Run it while the replaced revisions are
	 * still in code, before they are deleted.
	 * @param squash the id of the squash revision ({@code @Revision(replaces = ...)} or a
	 * {@code B<version>} file)
	 */
	public void assertSquashMatchesHistory(String squash) {
		MigrationCatalog history;
		try {
			history = this.catalog.replacedBy(squash);
		}
		catch (RuntimeException ex) {
			throw new AssertionFailedError(ex.getMessage(), ex);
		}
		Built longWay = build(history, "heads", "upgrade through the revisions " + squash + " replaces");
		Built squashed = build(this.catalog.withoutRepeatables(), squash, "upgrade to " + squash);
		SchemaDiff diff = longWay.schema().diff(squashed.schema());
		List<String> rows = longWay.rowsDifferingFrom(squashed);
		if (!diff.isEmpty() || !rows.isEmpty()) {
			throw new AssertionFailedError("Squash " + squash + " does not build what the history it replaces builds:"
					+ (diff.isEmpty() ? "" : "\n" + diff.describe("after " + squash))
					+ (rows.isEmpty() ? "" : "\nrows differ in: " + String.join(", ", rows))
					+ "\nWrite the squash again from that history (--migrations.command=squash).");
		}
	}

	private Built build(MigrationCatalog revisions, String target, String what) {
		try (Workspace workspace = this.workspaces.open()) {
			Migrator migrator = new Migrator(workspace.dataSource(), revisions, new PostgresDialect(), this.settings)
				.withRelease(Release.everything())
				.withSchemas(this.schemas);
			step(null, what, () -> migrator.upgrade(target));
			SchemaSnapshot schema = snapshot(workspace.dataSource());
			return new Built(schema, Built.rows(schema, new JdbcTemplate(workspace.dataSource())));
		}
	}

	/**
	 * A database built by some revisions: its schema and a digest of the rows of each table.
	 *
	 * @param schema the schema
	 * @param rows each table's row count and digest of its rows as text, in a stable order
	 */
	private record Built(SchemaSnapshot schema, Map<String, String> rows) {

		static Map<String, String> rows(SchemaSnapshot schema, JdbcTemplate jdbc) {
			Map<String, String> rows = new LinkedHashMap<>();
			PostgresDialect dialect = new PostgresDialect();
			schema.objects().stream().filter((object) -> object.kind() == ObjectKind.TABLE).forEach((table) -> {
				String quoted = dialect.quote(QualifiedName.parse(table.name()));
				rows.put(table.name(), jdbc.queryForObject("SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, "
						+ "E'\\n' ORDER BY t::text), '')) FROM " + quoted + " AS t", String.class));
			});
			return rows;
		}

		List<String> rowsDifferingFrom(Built other) {
			return this.rows.keySet().stream().filter((table) -> !Objects.equals(this.rows.get(table),
					other.rows().get(table))).toList();
		}

	}

	private void walk(boolean compareSchemas) {
		List<String> traces = new ArrayList<>();
		try (Workspace workspace = this.workspaces.open()) {
			// repeatable scripts are never reverted, by design: the stairway walks the revisions of the graph
			Migrator migrator = migrator(workspace, this.catalog.withoutRepeatables());
			for (RevisionNode revision : this.catalog.graph().topologicalOrder()) {
				seed(revision, workspace);
				SchemaSnapshot before = compareSchemas ? snapshot(workspace.dataSource()) : null;
				step(revision, "upgrade", () -> migrator.upgrade(revision.id()));
				step(revision, "downgrade", () -> migrator.downgrade(revision.id() + "-1"));
				SchemaDiff diff = compareSchemas ? before.diff(snapshot(workspace.dataSource())) : null;
				if (diff != null && !diff.isEmpty()) {
					traces.add("Revision " + describe(revision) + " leaves a trace after upgrade and downgrade:\n"
							+ diff.describe("after downgrade"));
					try {
						step(revision, "upgrade after its downgrade", () -> migrator.upgrade(revision.id()));
					}
					catch (AssertionFailedError ex) {
						// the trace is the cause; the upgrade failing on it again says nothing new
						traces.add("  (the walk stopped here: the upgrade cannot run again over the trace)\n");
						break;
					}
				}
				else {
					step(revision, "upgrade after its downgrade", () -> migrator.upgrade(revision.id()));
				}
			}
			if (traces.isEmpty()) {
				walkWithRepeatables(workspace);
			}
		}
		if (!traces.isEmpty()) {
			throw new AssertionFailedError(traces.size() + " downgrade(s) do not restore the schema they started "
					+ "from; make each downgrade undo all of its upgrade.\n" + String.join("", traces));
		}
	}

	/**
	 * With what the repeatable scripts made in place (a view on a column, say), every
	 * downgrade must still run, as it will in production: down to base and up again.
	 */
	private void walkWithRepeatables(Workspace workspace) {
		if (this.catalog.repeatables().isEmpty()) {
			return;
		}
		Migrator migrator = migrator(workspace);
		step(null, "upgrade to heads with the repeatable scripts", () -> migrator.upgrade("heads"));
		step(null, "downgrade to base over what the repeatable scripts made (drop or replace it in the downgrade "
				+ "that needs it gone)", () -> migrator.downgrade("base"));
		step(null, "upgrade to heads again, repeatable scripts included", () -> migrator.upgrade("heads"));
	}

	private void seed(RevisionNode revision, Workspace workspace) {
		Seed seed = this.seeds.get(revision.id());
		if (seed != null) {
			step(revision, "seed before upgrade", () -> seed.seed(new JdbcTemplate(workspace.dataSource())));
		}
	}

	private static void step(RevisionNode revision, String what, Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			String where = (revision != null) ? "Revision " + describe(revision) + " failed on " + what
					: "The " + what + " failed";
			throw new AssertionFailedError(where + ": " + ex.getMessage(), ex);
		}
	}

	private static String describe(RevisionNode revision) {
		return (revision.message() == null || revision.message().isBlank()) ? revision.id()
				: revision.id() + " (" + revision.message() + ")";
	}

	private Migrator migrator(Workspace workspace) {
		return migrator(workspace, this.catalog);
	}

	private Migrator migrator(Workspace workspace, MigrationCatalog revisions) {
		// every revision is proven, contract revisions too, whatever their release in production
		return new Migrator(workspace.dataSource(), revisions, new PostgresDialect(), this.settings)
			.withRelease(Release.everything())
			.withSchemas(this.schemas)
			.withCallbacks(this.callbacks);
	}

	private SchemaSnapshot snapshot(DataSource dataSource) {
		return SnapshotReader.allSchemas(this.settings.history()).read(dataSource);
	}

}
