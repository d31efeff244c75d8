package dev.migration.core.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.migration.core.Migration;
import dev.migration.core.MigrationException;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.Dialect;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.dialect.PostgresScanner;
import dev.migration.core.dialect.SqlStatement;
import dev.migration.core.execute.Direction;
import dev.migration.core.execute.PriorProgress;
import dev.migration.core.execute.StepExecutor;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.history.Action;
import dev.migration.core.history.AppliedRevision;
import dev.migration.core.history.BackfillProgress;
import dev.migration.core.history.HistoryEntry;
import dev.migration.core.history.HistoryReader;
import dev.migration.core.history.HistoryStatements;
import dev.migration.core.history.ProgressStatements;
import dev.migration.core.lint.SchemaScope;
import dev.migration.core.run.ChecksumMismatchException.ChecksumMismatch;
import dev.migration.core.scaffold.SquashTemplate;
import dev.migration.core.sink.JdbcStatementSink;
import dev.migration.core.sink.StatementSink;
import dev.migration.core.snapshot.Drift;
import dev.migration.core.snapshot.SchemaSnapshot;
import dev.migration.core.snapshot.SnapshotReader;
import dev.migration.core.snapshot.SnapshotStore;
import dev.migration.core.sql.SqlCallbacks;
import dev.migration.core.sql.SqlMigration;
import dev.migration.core.sql.SqlScript;
import dev.migration.core.trace.HistoryTrace;
import dev.migration.core.trace.HistoryTracer;

/**
 * The commands of the engine as a Java API: upgrade, downgrade and stamp under the
 * advisory lock, and the read-only current, heads, history, pending, validate and offline
 * SQL. Immutable; each call opens and closes its own connections.
 */
public final class Migrator {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	/** How often a running backfill's progress is logged. */
	private static final Duration BACKFILL_LOG_INTERVAL = Duration.ofSeconds(10);

	private final DataSource dataSource;

	private final MigrationCatalog catalog;

	private final Dialect dialect;

	private final RunSettings settings;

	private final HistoryStatements history;

	private final ProgressStatements progress;

	private final MigrationListener listener;

	private final SnapshotStore snapshots;

	private final UpgradeCheck upgradeCheck;

	private final Release release;

	private final Map<String, Optional<String>> checksums = new ConcurrentHashMap<>();

	/** The revision a first upgrade over tables no history accounts for marks as applied, or {@code null}. */
	private final String baseline;

	private final OwnedSchemas schemas;

	private final SqlCallbacks callbacks;

	public Migrator(DataSource dataSource, MigrationCatalog catalog, Dialect dialect, RunSettings settings) {
		this(dataSource, catalog, dialect, settings, MigrationListener.NONE);
	}

	public Migrator(DataSource dataSource, MigrationCatalog catalog, Dialect dialect, RunSettings settings,
			MigrationListener listener) {
		this(dataSource, catalog, dialect, settings, listener, UpgradeCheck.NONE, Release.none(), null,
				OwnedSchemas.NONE, SqlCallbacks.NONE);
	}

	private Migrator(DataSource dataSource, MigrationCatalog catalog, Dialect dialect, RunSettings settings,
			MigrationListener listener, UpgradeCheck upgradeCheck, Release release, String baseline,
			OwnedSchemas schemas, SqlCallbacks callbacks) {
		this.baseline = baseline;
		this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
		this.schemas = Objects.requireNonNull(schemas, "schemas");
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		this.catalog = Objects.requireNonNull(catalog, "catalog");
		this.dialect = Objects.requireNonNull(dialect, "dialect");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.listener = Objects.requireNonNull(listener, "listener");
		this.upgradeCheck = Objects.requireNonNull(upgradeCheck, "upgradeCheck");
		this.release = Objects.requireNonNull(release, "release");
		this.history = new HistoryStatements(dialect, settings.history());
		this.progress = new ProgressStatements(dialect, settings.history());
		// a history that owns schemas keeps their snapshot alone: another tenant's change is no drift of its own
		this.snapshots = new SnapshotStore(dialect, settings.history())
			.onlySchemas(schemas.isSet() ? schemas.all() : null);
	}

	/**
	 * Returns a migrator that runs {@code check} on every upgrade's plan before it changes
	 * anything, such as the linter's gate.
	 * @param check the check
	 * @return the migrator
	 */
	public Migrator withUpgradeCheck(UpgradeCheck check) {
		return new Migrator(this.dataSource, this.catalog, this.dialect, this.settings, this.listener, check,
				this.release, this.baseline, this.schemas, this.callbacks);
	}

	/**
	 * Returns a migrator whose upgrades may also apply the given contract revisions, on top
	 * of those this one releases.
	 * @param more the released contract revisions
	 * @return the migrator
	 * @throws InvalidReleaseException when a released id is no revision in code
	 */
	public Migrator withRelease(Release more) {
		Releases.check(this.catalog, more);
		return new Migrator(this.dataSource, this.catalog, this.dialect, this.settings, this.listener,
				this.upgradeCheck, this.release.and(more), this.baseline, this.schemas, this.callbacks);
	}

	/**
	 * Returns a migrator whose first upgrade of a database that holds tables but no history
	 * marks a revision and those before it as applied, then applies the rest, as Flyway's
	 * {@code baselineOnMigrate} does; without one such a database is refused.
	 * @param revision the revision whose schema the existing tables match, or {@code null}
	 * @return the migrator
	 * @throws UnknownRevisionException when no revision has that id
	 */
	public Migrator withBaselineOnMigrate(String revision) {
		if (revision != null) {
			this.catalog.graph().resolve(revision, Set.of());
		}
		return new Migrator(this.dataSource, this.catalog, this.dialect, this.settings, this.listener,
				this.upgradeCheck, this.release, revision, this.schemas, this.callbacks);
	}

	/**
	 * Returns a migrator whose steps run in the schemas a history owns, as Flyway's
	 * {@code defaultSchema} and {@code schemas}: created when missing, the default one the
	 * search path of every step and the home of the history (and of Flyway's history table)
	 * unless the settings place them elsewhere.
	 * @param owned the schemas
	 * @return the migrator
	 */
	public Migrator withSchemas(OwnedSchemas owned) {
		return new Migrator(this.dataSource, this.catalog, this.dialect, owned.place(this.settings), this.listener,
				this.upgradeCheck, this.release, this.baseline, owned, this.callbacks);
	}

	/**
	 * Returns a migrator of the same revisions and settings against another database, such as a
	 * tenant's own.
	 * @param other the database
	 * @return the migrator
	 */
	public Migrator withDataSource(DataSource other) {
		return new Migrator(other, this.catalog, this.dialect, this.settings, this.listener, this.upgradeCheck,
				this.release, this.baseline, this.schemas, this.callbacks);
	}

	/**
	 * Returns a migrator whose upgrades run Flyway's SQL callbacks at their events, each in a
	 * transaction of its own on the run's connection, under the migration lock.
	 * @param sql the callbacks, taken out of the files of the locations
	 * @return the migrator
	 */
	public Migrator withCallbacks(SqlCallbacks sql) {
		return new Migrator(this.dataSource, this.catalog, this.dialect, this.settings, this.listener,
				this.upgradeCheck, this.release, this.baseline, this.schemas, sql);
	}

	/**
	 * Returns the SQL callbacks upgrades run.
	 * @return the callbacks
	 */
	public SqlCallbacks callbacks() {
		return this.callbacks;
	}

	/**
	 * Returns the schemas the history owns.
	 * @return the schemas
	 */
	public OwnedSchemas schemas() {
		return this.schemas;
	}

	/**
	 * Returns the contract revisions this migrator's upgrades may apply.
	 * @return the release
	 */
	public Release release() {
		return this.release;
	}

	/**
	 * Creates a migrator for PostgreSQL with the given settings.
	 * @param dataSource the database
	 * @param migrations the migrations, each annotated with {@code @Revision}
	 * @param settings the settings
	 * @return the migrator
	 */
	public static Migrator create(DataSource dataSource, Collection<? extends Migration> migrations,
			RunSettings settings) {
		return new Migrator(dataSource, MigrationCatalog.of(migrations), new PostgresDialect(), settings);
	}

	/**
	 * Returns the database this migrator runs against.
	 * @return the data source
	 */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * Returns the settings this migrator runs with.
	 * @return the settings
	 */
	public RunSettings settings() {
		return this.settings;
	}

	/**
	 * Returns whether a run holds the migration lock right now, in this process or another.
	 * @return whether a run is in progress
	 */
	public boolean runInProgress() {
		return AdvisoryLock.isHeld(this.dataSource, this.settings.history());
	}

	/**
	 * Returns the SQL of one revision in one direction, without the history statements, for
	 * review; an upgrade that reads the database renders as far as it can go offline.
	 * @param revision the revision id or unique prefix
	 * @param direction upgrade or downgrade
	 * @return the script
	 */
	public String revisionSql(String revision, Direction direction) {
		DeclaredRevision declared = this.catalog.isRepeatable(revision) ? this.catalog.get(revision)
				: this.catalog.get(this.catalog.graph().resolve(revision, Set.of()).iterator().next());
		return offlineRun().stepScript(declared, direction);
	}

	/**
	 * Returns the revisions in code.
	 * @return the catalog
	 */
	public MigrationCatalog catalog() {
		return this.catalog;
	}

	/**
	 * Applies every revision needed to reach {@code target}, each in its own step, but for
	 * contract revisions not released and the revisions after them.
	 * @param target such as {@code heads}, a revision id or {@code +1}
	 * @return what was applied, and what waits for a release
	 */
	public RunResult upgrade(String target) {
		return upgrade(target, RunScope.RELEASED);
	}

	/**
	 * Applies the revisions needed to reach {@code target} that the scope lets run now.
	 * @param target such as {@code heads}, a revision id or {@code +1}
	 * @param scope {@link RunScope#STARTUP} for start-up revisions only
	 * @return what was applied, and what waits
	 */
	public RunResult upgrade(String target, RunScope scope) {
		return run(Action.UPGRADE, (state) -> plan(state, target, scope));
	}

	/**
	 * Returns what an upgrade to {@code target} in the given scope would apply now and what
	 * would wait.
	 * @param target the target
	 * @param scope the stages the run applies
	 * @return the plan
	 */
	public RunPlan plan(String target, RunScope scope) {
		return plan(state(), target, scope);
	}

	/**
	 * Returns what an upgrade of a database in the given state would apply now and what
	 * would wait.
	 * @param state the database's state
	 * @param target the target
	 * @param scope the stages the run applies
	 * @return the plan
	 */
	public RunPlan plan(DatabaseState state, String target, RunScope scope) {
		return RunPlan.of(pending(state, target), scope, this.release);
	}

	/**
	 * Reverts revisions down to {@code target}, newest first.
	 * @param target such as {@code base}, a revision id or {@code -1}
	 * @return what was reverted
	 */
	public RunResult downgrade(String target) {
		return run(Action.DOWNGRADE, (state) -> RunPlan.all(this.catalog.downgradePath(state.current(), target)));
	}

	/**
	 * Records the database as being at {@code target} without running any migration, for
	 * adopting a database whose schema is already there.
	 * @param target the revisions the database really has
	 * @return the revisions marked applied or reverted
	 */
	public RunResult stamp(String target) {
		long start = System.nanoTime();
		return withLockedConnection((connection, sink, lock) -> {
			createHistory(sink);
			DatabaseState state = readState(connection);
			if (!state.squashesToRecord().isEmpty()) {
				stamper(sink).recordSquashes(state, start);
				state = readState(connection);
			}
			RunResult result = stamper(sink).stamp(state, target, start);
			sink.flush();
			saveSnapshot(connection);
			return result;
		});
	}

	/**
	 * Accepts intended changes to applied revisions, as Flyway's {@code repair} does: records
	 * the code's checksum for each applied revision whose code changed since it ran (or for
	 * the one named), running and marking nothing else.
	 * @param target {@code heads} (or {@code null}) for every changed revision, or one revision id
	 * @return a step per revision whose checksum was recorded; empty when none changed
	 * @throws MigrationException when the named revision is not applied or did not change
	 */
	public RunResult repair(String target) {
		long start = System.nanoTime();
		return withLockedConnection((connection, sink, lock) -> {
			DatabaseState state = readState(connection);
			List<ChecksumMismatch> changed = validate(state).changed();
			if (target != null && !target.isBlank() && !target.strip().equals("heads")) {
				String id = this.catalog.graph().get(target.strip()).id();
				changed = changed.stream().filter((mismatch) -> mismatch.revision().equals(id)).toList();
				if (changed.isEmpty()) {
					throw new MigrationException("Revision " + id + (state.known().contains(id)
							? "'s code has the checksum it ran with: there is nothing to repair."
							: " is not applied, so it has no checksum to repair; upgrade runs it."));
				}
			}
			return stamper(sink).acceptChecksums(state, changed, start);
		});
	}

	/**
	 * Takes over a database that Flyway migrated: marks the SQL revisions Flyway applied (its
	 * {@code flyway_schema_history}, or {@link RunSettings#flywayTable()}) as applied, without
	 * running anything, so the next upgrade continues after them; a repeatable script that
	 * changed since Flyway last ran it stays pending. Does nothing when this database already has a history
	 * of ours or none of Flyway's. An upgrade does this by itself on its first run.
	 * @return the revisions marked applied
	 * @throws FlywayAdoptionException when Flyway recorded a failed migration or one that no
	 * file declares, or a versioned file changed since Flyway applied it and the checksum
	 * policy is to fail; nothing is changed then
	 */
	public RunResult adoptFlyway() {
		long start = System.nanoTime();
		return withLockedConnection((connection, sink, lock) -> {
				JdbcTemplate jdbc = jdbc(connection);
				boolean ours = reader(jdbc).exists();
				DatabaseState state = ours ? readState(connection) : DatabaseState.of(this.catalog, List.of());
				if (ours || !FlywayHistory.exists(jdbc, this.settings.flywayTable(), this.dialect)) {
					return new RunResult(Action.STAMP, state.current(), state.current(), List.of(), millisSince(start));
				}
				Set<String> applied = FlywayHistory.read(jdbc, this.settings.flywayTable(), this.dialect)
					.appliedRevisions(this.catalog, this.settings.checksumPolicy());
				createHistory(sink);
				RunResult result = stamper(sink).markApplied(state, applied, start);
				sink.flush();
				logger.info("Adopted the database from {}: {} revision(s) marked applied, nothing run; at {}",
						this.settings.flywayTable(), result.steps().size(), describe(result.after()));
				return result;
		});
	}

	/** A squash whose replaced revisions are all applied takes their place before a run plans anything. */
	private void recordSquashes() {
		long start = System.nanoTime();
		withLockedConnection((connection, sink, lock) -> {
			DatabaseState state = readState(connection);
			return state.squashesToRecord().isEmpty() ? null : stamper(sink).recordSquashes(state, start);
		});
	}

	/**
	 * Takes over a database that Liquibase updated: marks the baseline revision that stands for
	 * the changesets its {@code DATABASECHANGELOG} (or {@link RunSettings#liquibaseTable()})
	 * records as applied, without running anything, so the next upgrade continues after it.
	 * Does nothing when this database already has a history of ours or none of Liquibase's.
	 * An upgrade does this by itself on its first run.
	 * @return the revisions marked applied
	 * @throws LiquibaseAdoptionException when a changeset did not run to the end, no baseline
	 * names one, or the database lacks one a baseline names; nothing is changed then
	 */
	public RunResult adoptLiquibase() {
		long start = System.nanoTime();
		return withLockedConnection((connection, sink, lock) -> {
			JdbcTemplate jdbc = jdbc(connection);
			if (reader(jdbc).exists() || !LiquibaseHistory.exists(jdbc, this.settings.liquibaseTable(), this.dialect)) {
				DatabaseState state = reader(jdbc).exists() ? readState(connection) : DatabaseState.of(this.catalog,
						List.of());
				return new RunResult(Action.STAMP, state.current(), state.current(), List.of(), millisSince(start));
			}
			Set<String> baselines = LiquibaseHistory.read(jdbc, this.settings.liquibaseTable(), this.dialect)
				.baselines(this.catalog);
			createHistory(sink);
			RunResult result = stamper(sink).markApplied(DatabaseState.of(this.catalog, List.of()), baselines, start);
			sink.flush();
			logger.info("Adopted the database from {}: {} marked applied, nothing run; at {}",
					this.settings.liquibaseTable(), baselines, describe(result.after()));
			return result;
		});
	}

	/**
	 * Takes over a database that Flyway or Liquibase migrated, whichever history it holds
	 * (Flyway's first), as {@link #adoptFlyway()} and {@link #adoptLiquibase()} do.
	 * @return the revisions marked applied; empty when there was nothing to take over
	 */
	public RunResult adopt() {
		RunResult flyway = adoptFlyway();
		return flyway.steps().isEmpty() ? adoptLiquibase() : flyway;
	}

	private Stamper stamper(StatementSink sink) {
		return new Stamper(this.catalog, this.history, this.progress, sink, this::checksum);
	}

	/**
	 * Returns the current revisions of the database: the applied ones nothing applied revises.
	 * @return the current revision ids
	 */
	public Set<String> current() {
		return state().current();
	}

	/**
	 * Returns the applied revisions, split into known and unknown.
	 * @return the state
	 */
	public DatabaseState state() {
		return DatabaseState.of(this.catalog, reader(new JdbcTemplate(this.dataSource)).applied());
	}

	/**
	 * Returns the heads of the revisions in code.
	 * @return the head ids
	 */
	public Set<String> heads() {
		return this.catalog.graph().heads();
	}

	/**
	 * Returns the history log, oldest first.
	 * @return every recorded step
	 */
	public List<HistoryEntry> history() {
		return reader(new JdbcTemplate(this.dataSource)).log();
	}

	/**
	 * Returns the progress of every backfill that has run on this database, for monitoring
	 * while one runs; empty when none has.
	 * @return the progress, most recently updated first
	 */
	public List<BackfillProgress> backfills() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		if (jdbc.queryForObject("SELECT to_regclass('migration_backfill_progress') IS NULL", Boolean.class)) {
			return List.of();
		}
		// a table an earlier version made has no paused column until a backfill of this one runs
		return jdbc.query("SELECT name, rows_done, last_key, end_key, done, updated_at, to_jsonb(p) ->> 'paused' AS paused "
				+ "FROM migration_backfill_progress p ORDER BY updated_at DESC", (row, index) -> new BackfillProgress(
						row.getString("name"), row.getLong("rows_done"), row.getString("last_key"),
						row.getString("end_key"), row.getBoolean("done"),
						row.getObject("updated_at", java.time.OffsetDateTime.class), row.getString("paused")));
	}

	/**
	 * Returns the steps that committed part of their work and stopped, as the progress table
	 * records them.
	 * @return the unfinished steps; empty when there are none or no run has created the table
	 */
	public List<UnfinishedStep> unfinished() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		if (jdbc.queryForObject("SELECT to_regclass(?) IS NULL", Boolean.class,
				this.dialect.quote(this.settings.history().progress()))) {
			return List.of();
		}
		return jdbc.query("SELECT revision, direction, count(*) FILTER (WHERE done) FROM ("
				+ this.progress.selectAll() + ") p GROUP BY revision, direction ORDER BY revision",
				(row, index) -> new UnfinishedStep(row.getString(1),
						"upgrade".equals(row.getString(2)) ? Direction.UPGRADE : Direction.DOWNGRADE, row.getInt(3)));
	}

	/**
	 * Returns the revisions an upgrade to {@code target} would apply, in order.
	 * @param target the target
	 * @return the pending revisions
	 */
	public List<DeclaredRevision> pending(String target) {
		return pending(state(), target);
	}

	/**
	 * Returns the revisions an upgrade of a database in the given state to {@code target}
	 * would apply, in order: the revisions of the graph, then, for an upgrade to the heads,
	 * each repeatable revision whose checksum differs from the one it last ran with.
	 * @param state the database's state
	 * @param target the target
	 * @return the pending revisions
	 */
	public List<DeclaredRevision> pending(DatabaseState state, String target) {
		List<DeclaredRevision> path = this.catalog.upgradePath(state.current(), target);
		if (this.catalog.repeatables().isEmpty() || !reachesHeads(state.current(), target)) {
			return path;
		}
		Map<String, AppliedRevision> rows = state.byRevision();
		List<DeclaredRevision> pending = new ArrayList<>(path);
		for (DeclaredRevision repeatable : this.catalog.repeatables()) {
			AppliedRevision row = rows.get(repeatable.id());
			if (row == null || !Objects.equals(row.checksum(), checksum(repeatable))) {
				pending.add(repeatable);
			}
		}
		return pending;
	}

	/** Repeatable revisions follow an upgrade to the heads only, as Flyway runs them after all versioned ones. */
	private boolean reachesHeads(Set<String> current, String target) {
		return this.catalog.graph().resolve(target, current).equals(this.catalog.graph().heads());
	}

	/**
	 * Compares the database with the code: unknown revisions and changed checksums.
	 * @return the report, whatever the policies say
	 */
	public ValidationReport validate() {
		return validate(state());
	}

	/**
	 * Returns the SQL script that upgrades a database at {@code from} to {@code to}, history
	 * table statements included, without connecting to any database.
	 * @param from where the database stands, such as {@code base} or a revision id
	 * @param to the target
	 * @return the script for psql
	 */
	public String upgradeSql(String from, String to) {
		Set<String> current = this.catalog.graph().resolve(from, Set.of());
		List<DeclaredRevision> path = new ArrayList<>(this.catalog.upgradePath(current, to));
		// offline, what last ran is unknown: every repeatable script follows an upgrade to the heads
		if (reachesHeads(current, to)) {
			path.addAll(this.catalog.repeatables());
		}
		return offlineRun().script(path,
				Direction.UPGRADE);
	}

	/**
	 * Upgrades a scratch database from empty to {@code target} revision by revision, seeding
	 * the tables each revision touches, and records what PostgreSQL did for each statement,
	 * held against the linter's findings on it. Never touches this migrator's own database.
	 * @param scratch an empty database the trace may change; each connection it gives must be
	 * a new session
	 * @param target the target, such as {@code heads}
	 * @param rows the rows each empty table gets before a revision that touches it
	 * @return the trace of each revision, up to the first that failed
	 */
	public HistoryTrace trace(DataSource scratch, String target, int rows) {
		List<DeclaredRevision> path = new ArrayList<>(this.catalog.upgradePath(Set.of(), target));
		if (reachesHeads(Set.of(), target)) {
			path.addAll(this.catalog.repeatables());
		}
		List<String> setup = new ArrayList<>();
		this.schemas.createStatements(this.dialect).forEach((statement) -> setup.add(statement.sql()));
		this.schemas.searchPath(this.dialect).forEach((statement) -> setup.add(statement.sql()));
		return new HistoryTracer(this.dialect, this.settings.execution(), this.catalog.recordings(), rows)
			.trace(scratch, path, setup);
	}

	/**
	 * Returns the squash of the history up to {@code target}: upgrades a scratch database
	 * there (repeatable scripts and callbacks left out: they stay as they are) and reads back
	 * the statements that rebuild its schema and rows, with the revisions they replace.
	 * Never touches this migrator's own database.
	 * @param scratch an empty database the squash may change
	 * @param target one revision, such as {@code heads} in a history with one head
	 * @param id the id of the squash revision
	 * @param date today, for its comment
	 * @return the squash, for {@link SquashTemplate} to write
	 * @throws MigrationException when the target is not one revision
	 */
	public SquashTemplate.Squash squash(DataSource scratch, String target, String id, LocalDate date) {
		Set<String> resolved = this.catalog.graph().resolve(target, Set.of());
		if (resolved.size() != 1) {
			throw new MigrationException("A squash stands for the history up to one revision, but " + target + " is "
					+ resolved + ": merge them first (--migrations.command=merge), or set --migrations.target to one.");
		}
		String to = resolved.iterator().next();
		Squasher squasher = new Squasher(this.catalog, this.settings, this.dialect);
		scratchMigrator(scratch, this.catalog.withoutRepeatables()).upgrade(to);
		SquashTemplate.Squash squash = squasher.ofHistory(scratch, to, id, date);
		if (this.catalog.repeatables().isEmpty() || !reachesHeads(Set.of(), to)) {
			return squash;
		}
		// what the repeatable scripts make on what the squash builds, its downgrade takes away first, as the
		// revisions it replaces did (a view on a table they drop, say)
		SnapshotReader reader = SnapshotReader.allSchemas(this.settings.history());
		SchemaSnapshot without = reader.read(scratch);
		scratchMigrator(scratch, this.catalog).upgrade(to);
		return squash.withDowngradeFirst(squasher.drops(without, reader.read(scratch)));
	}

	private Migrator scratchMigrator(DataSource scratch, MigrationCatalog revisions) {
		// a scratch run is no run of the application's: its steps reach none of its listeners (metrics, endpoint)
		return new Migrator(scratch, revisions, this.dialect, this.settings, MigrationListener.NONE, UpgradeCheck.NONE,
				Release.everything(), null, this.schemas, SqlCallbacks.NONE);
	}

	/**
	 * Returns the baseline of what Liquibase built, read from this migrator's database (one
	 * Liquibase updated from empty, such as in CI): the statements that rebuild its schema and
	 * rows, and every changeset its {@code DATABASECHANGELOG} records, for the baseline's
	 * {@code replaces}. Changes nothing.
	 * @param id the id of the baseline revision
	 * @param date today, for its comment
	 * @param maxRows the most rows it may carry: more are a sign of a database in use
	 * @return the squash, for {@link SquashTemplate} to write
	 */
	public SquashTemplate.Squash squashLiquibase(String id, LocalDate date, int maxRows) {
		return new Squasher(this.catalog, this.settings, this.dialect).ofLiquibase(this.dataSource, id, date, maxRows);
	}

	/**
	 * Returns whether a squash stands only for SQL files, so that it is written as a SQL
	 * baseline file ({@code B<version>__*.sql}) beside them.
	 * @param squash the squash
	 * @return whether every revision it replaces is a SQL file
	 */
	public boolean isSqlHistory(SquashTemplate.Squash squash) {
		return new Squasher(this.catalog, this.settings, this.dialect).isSqlHistory(squash);
	}

	/**
	 * Returns the SQL script that downgrades a database at {@code from} to {@code to}.
	 * @param from where the database stands, such as {@code heads}
	 * @param to the target, such as {@code base}
	 * @return the script for psql
	 */
	public String downgradeSql(String from, String to) {
		Set<String> current = this.catalog.graph().resolve(from, Set.of());
		return offlineRun()
			.script(this.catalog.downgradePath(current, to), Direction.DOWNGRADE);
	}

	/**
	 * Compares the live schema with the snapshot the last successful upgrade, downgrade or
	 * stamp stored, to find changes made by hand since.
	 * @return what changed, or empty when no run has stored a snapshot yet
	 */
	public Optional<Drift> drift() {
		try (Connection connection = this.dataSource.getConnection()) {
			return drift(connection);
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not compare the schema with its stored snapshot: " + ex.getMessage(),
					ex);
		}
	}

	private RunResult run(Action action, Function<DatabaseState, RunPlan> planner) {
		long start = System.nanoTime();
		// every start-up asks this: one round trip; a never-migrated database answers with an error, once
		DatabaseState state = DatabaseState.of(this.catalog,
				reader(new JdbcTemplate(this.dataSource)).appliedInOneRoundTrip());
		ForeignHistory foreign = (action == Action.UPGRADE && state.applied().isEmpty()) ? foreignHistory()
				: ForeignHistory.NONE;
		if (foreign != ForeignHistory.NONE) {
			if (foreign == ForeignHistory.FLYWAY) {
				adoptFlyway();
			}
			else {
				adoptLiquibase();
			}
			state = state();
		}
		else if (action == Action.UPGRADE && state.applied().isEmpty() && unmanagedTables()) {
			stamp(this.baseline);
			state = state();
		}
		if (!state.squashesToRecord().isEmpty()) {
			recordSquashes();
			state = state();
		}
		enforce(validate(state));
		RunPlan plan = planner.apply(state);
		List<DeclaredRevision> path = plan.now();
		// a database with nothing applied has no snapshot to keep up, and may have no tables to ask
		boolean callbacksDue = action == Action.UPGRADE && this.callbacks.runOnEveryUpgrade();
		if (path.isEmpty() && !callbacksDue && (state.applied().isEmpty() || !snapshotStale())) {
			logger.info("Database is at {}; nothing to {}{}", describe(state.current()), action.value(),
					describeWaiting(plan));
			return new RunResult(action, state.current(), state.current(), List.of(), millisSince(start),
					plan.waiting());
		}
		if (action == Action.UPGRADE && (!path.isEmpty() || callbacksDue)) {
			// what a callback runs is judged as what a revision runs
			List<DeclaredRevision> checked = new ArrayList<>(path);
			checked.addAll(this.callbacks.asRevisions(!path.isEmpty()));
			// a tenant's tables are judged by its schemas alone: another's table of the same name is not its own
			this.upgradeCheck.check(this.catalog, checked, this.dataSource, this.schemas.isSet()
					? new SchemaScope(this.schemas.all(), this.settings.history().state().name()) : SchemaScope.ALL);
		}
		Direction direction = (action == Action.UPGRADE) ? Direction.UPGRADE : Direction.DOWNGRADE;
		offlineRun().rehearse(path,
				direction);
		return withLockedConnection((connection, sink, lock) -> runLocked(connection, sink, lock, action, planner, start));
	}

	private RunResult runLocked(Connection connection, StatementSink sink, AdvisoryLock lock, Action action,
			Function<DatabaseState, RunPlan> planner, long start) throws SQLException {
		createHistory(sink);
		// another instance may have done the work while this one waited for the lock
		DatabaseState state = readState(connection);
		enforce(validate(state));
		RunPlan plan = planner.apply(state);
		List<DeclaredRevision> path = plan.now();
		boolean upgrade = action == Action.UPGRADE;
		if (upgrade) {
			runCallbacks(SqlCallbacks.Event.BEFORE_MIGRATE, sink);
		}
		if (path.isEmpty()) {
			if (this.snapshots.isStale(connection, this.history.logTableName())) {
				logger.info("Storing the schema snapshot that the last run ended without storing");
				saveSnapshot(connection);
			}
			if (upgrade) {
				runCallbacks(SqlCallbacks.Event.AFTER_MIGRATE, sink);
			}
			logger.info("Database is at {}; nothing to {}{}", describe(state.current()), action.value(),
					describeWaiting(plan));
			return new RunResult(action, state.current(), state.current(), List.of(), millisSince(start),
					plan.waiting());
		}
		Direction direction = (action == Action.UPGRADE) ? Direction.UPGRADE : Direction.DOWNGRADE;
		Map<String, PriorProgress> resume = ProgressJournal.readAll(sink, this.progress, direction);
		List<String> resumed = path.stream().map(DeclaredRevision::id).filter(resume::containsKey).toList();
		SnapshotBaseline baseline = snapshotBaseline(connection, resumed);
		int pid = connection.unwrap(PGConnection.class).getBackendPID();
		StepRunner runner = new StepRunner(
				new StepExecutor(this.dialect, sink, this.settings.execution(), this.catalog.recordings()), sink,
				this.history, this.progress, this.settings, Hosts.name(), this.listener,
				(timeout) -> BlockerWatch.start(this.dataSource, pid, timeout));
		List<AppliedStep> steps = new ArrayList<>();
		// one disk flush per run instead of one per step: the last step's commit flushes them all
		this.dialect.deferCommitFlush().forEach(sink::execute);
		try (BackfillMonitor monitor = BackfillMonitor.start(this::backfills, BACKFILL_LOG_INTERVAL,
				this.listener)) {
			for (int i = 0; i < path.size(); i++) {
				if (i == path.size() - 1) {
					this.dialect.restoreCommitFlush().forEach(sink::execute);
				}
				DeclaredRevision revision = path.get(i);
				if (Thread.currentThread().isInterrupted()) {
					throw new RunStoppedException(revision.id());
				}
				lock.verify();
				if (upgrade) {
					runCallbacks(SqlCallbacks.Event.BEFORE_EACH_MIGRATE, sink);
				}
				steps.add(runner.run(revision, direction, checksum(revision),
						resume.getOrDefault(revision.id(), PriorProgress.NONE)));
				if (upgrade) {
					runCallbacks(SqlCallbacks.Event.AFTER_EACH_MIGRATE, sink);
				}
			}
		}
		catch (MigrationException ex) {
			MigrationRunException failure = new MigrationRunException(action, steps, path.size(), ex);
			if (upgrade) {
				afterError(sink, failure);
			}
			throw failure;
		}
		finally {
			restoreQuietly(sink);
		}
		if (upgrade) {
			runCallbacks(SqlCallbacks.Event.AFTER_MIGRATE_APPLIED, sink);
			runCallbacks(SqlCallbacks.Event.AFTER_MIGRATE, sink);
		}
		saveSnapshot(connection, baseline);
		Set<String> after = readState(connection).current();
		RunResult result = new RunResult(action, state.current(), after, steps, millisSince(start), plan.waiting());
		logger.info("{} {} -> {}: {} revision(s) in {} ms{}", (action == Action.UPGRADE) ? "Upgraded" : "Downgraded",
				describe(state.current()), describe(after), steps.size(), result.durationMs(), describeWaiting(plan));
		return result;
	}

	/** Runs the callbacks of an event, each file in a transaction of its own, or statement by statement when it must. */
	private void runCallbacks(SqlCallbacks.Event event, StatementSink sink) {
		for (SqlScript script : this.callbacks.of(event)) {
			List<String> statements = script.statements();
			boolean transactional = statements.stream().noneMatch(PostgresScanner::requiresNoTransaction);
			try {
				if (transactional) {
					sink.begin();
				}
				for (String statement : statements) {
					sink.execute(new SqlStatement(List.of(statement), List.of(),
							!PostgresScanner.requiresNoTransaction(statement)));
				}
				if (transactional) {
					sink.commit();
				}
			}
			catch (RuntimeException ex) {
				if (transactional) {
					rollbackQuietly(sink);
				}
				throw new MigrationException("The " + event.flywayName() + " callback " + script.location() + " failed: "
						+ ex.getMessage() + (transactional ? " Its transaction was rolled back." : ""), ex);
			}
			logger.info("Ran the {} callback {}", event.flywayName(), script.location());
		}
	}

	/** The afterMigrateError callbacks run after a failed upgrade; their own failure goes with the first. */
	private void afterError(StatementSink sink, MigrationRunException failure) {
		try {
			runCallbacks(SqlCallbacks.Event.AFTER_MIGRATE_ERROR, sink);
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	private static void rollbackQuietly(StatementSink sink) {
		try {
			sink.rollback();
		}
		catch (RuntimeException ex) {
			// the connection is broken; the pool discards it
		}
	}

	private static String describeWaiting(RunPlan plan) {
		if (plan.waiting().isEmpty()) {
			return "";
		}
		return "; waiting: " + String.join(", ",
				plan.waiting().stream().map((wait) -> wait.revision().id() + " (" + wait.describe() + ")").toList());
	}

	/** A pooled connection must not keep the run's session settings. */
	/**
	 * Hands the guards to the backfill's block, which runs in the server, as settings of the session;
	 * an empty value is no guard, as the block reads it, and what the run set it clears again.
	 */
	private static void setGuards(StatementSink sink, BackfillGuards guards) {
		try {
			sink.query("SELECT pg_catalog.set_config(?, ?, false), pg_catalog.set_config(?, ?, false), "
					+ "pg_catalog.set_config(?, ?, false)", (row, n) -> null,
					List.<Object>of(BackfillGuards.MAX_REPLICA_LAG_SETTING,
							(guards.maxReplicaLag() != null) ? Long.toString(guards.maxReplicaLag().toMillis()) : "",
							BackfillGuards.MAX_WAL_RATE_SETTING,
							(guards.maxWalBytesPerSecond() != null) ? guards.maxWalBytesPerSecond().toString() : "",
							BackfillGuards.YIELD_TO_AUTOVACUUM_SETTING, Boolean.toString(guards.yieldToAutovacuum())));
		}
		catch (MigrationException ex) {
			if (guards.any()) {
				throw ex;
			}
			// clearing on a broken connection: the pool discards it, its settings with it
		}
	}

	private void resetQuietly(StatementSink sink, int version, String searchPath) {
		try {
			this.dialect.resetSession(version).forEach(sink::execute);
			sink.flush();
			if (searchPath != null) {
				sink.query("SELECT pg_catalog.set_config('search_path', ?, false)", (row, n) -> null, List.of(searchPath));
			}
		}
		catch (MigrationException ex) {
			// the connection is broken; the pool discards it
		}
	}

	private void restoreQuietly(StatementSink sink) {
		try {
			this.dialect.restoreCommitFlush().forEach(sink::execute);
			// the connection may go back to a pool: no setting of the run may stay behind
			sink.flush();
		}
		catch (MigrationException ex) {
			// the connection is gone, and its session settings with it
		}
	}

	/**
	 * Reads the stored snapshot and the live schema before a run changes anything, warning of
	 * changes made by hand since; the snapshot the run stores keeps them, so check tells them
	 * until a stamp accepts the live schema.
	 */
	private SnapshotBaseline snapshotBaseline(Connection connection, List<String> resumed) {
		try {
			Optional<SnapshotStore.Stored> stored = this.snapshots.load(connection);
			if (stored.isEmpty()) {
				return new SnapshotBaseline(null, null);
			}
			SchemaSnapshot live = this.snapshots.read(connection);
			Drift drift = new Drift(stored.get().takenAt(), stored.get().snapshot().diff(live));
			boolean unsaved = jdbc(connection).queryForObject(this.history.selectLoggedSince(), Boolean.class,
					stored.get().takenAt());
			if (unsaved || !resumed.isEmpty()) {
				// the work of a run that ended before storing its snapshot cannot be told from work by hand
				if (!drift.isEmpty()) {
					logger.warn("The schema differs from the snapshot of the run of {}, partly or wholly by the work of "
							+ "a later run that failed or was interrupted{}; the snapshot this run stores takes the "
							+ "schema as it will be:\n{}", drift.since(),
							resumed.isEmpty() ? "" : " (this run finishes " + String.join(", ", resumed) + ")",
							drift.describe());
				}
				return new SnapshotBaseline(null, null);
			}
			if (!drift.isEmpty()) {
				logger.warn("The schema was changed outside migrations since the run of {}:\n{}", drift.since(),
						drift.describe());
			}
			return new SnapshotBaseline(stored.get().snapshot(), live);
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Could not compare the schema with its stored snapshot: {}", ex.getMessage());
			return new SnapshotBaseline(null, null);
		}
	}

	private Optional<Drift> drift(Connection connection) throws SQLException {
		Optional<SnapshotStore.Stored> stored = this.snapshots.load(connection);
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		SchemaSnapshot live = this.snapshots.read(connection);
		return Optional.of(new Drift(stored.get().takenAt(), stored.get().snapshot().diff(live)));
	}

	/** The run succeeded whatever happens here: a snapshot that cannot be stored only costs drift detection. */
	private void saveSnapshot(Connection connection, SnapshotBaseline baseline) {
		try {
			SchemaSnapshot live = this.snapshots.read(connection);
			this.snapshots.save(connection, (baseline.stored() != null)
					? baseline.stored().withChanges(baseline.live(), live) : live);
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Could not store the schema snapshot in {}_snapshot, so check cannot tell hand-made changes "
					+ "until a run stores one: {}", this.settings.history(), ex.getMessage());
		}
	}

	/** A stamp declares the live schema the intended one: what was made by hand is accepted. */
	private void saveSnapshot(Connection connection) {
		try {
			this.snapshots.takeAndSave(connection);
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Could not store the schema snapshot in {}_snapshot, so check cannot tell hand-made changes "
					+ "until a run stores one: {}", this.settings.history(), ex.getMessage());
		}
	}

	private void createHistory(StatementSink sink) {
		sink.begin();
		try {
			this.schemas.createStatements(this.dialect).forEach(sink::execute);
			this.history.create().forEach(sink::execute);
			sink.execute(this.history.addDirectionToOlderLog());
			sink.execute(this.progress.create());
			sink.commit();
		}
		catch (RuntimeException ex) {
			sink.rollback();
			throw ex;
		}
	}

	private ValidationReport validate(DatabaseState state) {
		Map<String, AppliedRevision> rows = state.byRevision();
		List<ChecksumMismatch> changed = new ArrayList<>();
		for (RevisionNode node : this.catalog.graph().topologicalOrder()) {
			String id = node.id();
			AppliedRevision row = rows.get(id);
			if (row != null && row.checksum() != null) {
				String code = checksum(this.catalog.get(id));
				if (code != null && !code.equals(row.checksum())) {
					changed.add(new ChecksumMismatch(id, row.checksum(), code, fileOf(this.catalog.get(id))));
				}
			}
		}
		return new ValidationReport(state.unknown(), changed);
	}

	private static String fileOf(DeclaredRevision revision) {
		return (revision.migration() instanceof SqlMigration sql) ? sql.upgrade().location() : null;
	}

	private void enforce(ValidationReport report) {
		if (!report.unknown().isEmpty()) {
			if (this.settings.unknownRevisionPolicy() == UnknownRevisionPolicy.FAIL) {
				throw new UnknownAppliedRevisionException(report.unknown(), this.history.stateTableName());
			}
			logger.warn("The database has revision(s) {} applied that this code does not declare; going on as "
					+ "migrations.unknown-revision-policy=ignore says", report.unknown());
		}
		if (!report.changed().isEmpty()) {
			if (this.settings.checksumPolicy() == ChecksumPolicy.FAIL) {
				throw new ChecksumMismatchException(report.changed());
			}
			logger.warn(ChecksumMismatchException.describe(report.changed()));
		}
	}

	private OfflineRun offlineRun() {
		return new OfflineRun(this.dialect, this.settings, this.history, this::checksum, this.catalog.recordings(),
				this.schemas);
	}

	private String checksum(DeclaredRevision revision) {
		// rendering is pure, so each revision's checksum is computed once per migrator
		return this.checksums
			.computeIfAbsent(revision.id(), (id) -> Optional.ofNullable(Checksums.of(revision, this.dialect, this.catalog.recordings())))
			.orElse(null);
	}

	/** Asked when there is nothing to do: a run that ended before storing its snapshot left it to this one. */
	private boolean snapshotStale() {
		try (Connection connection = this.dataSource.getConnection()) {
			return this.snapshots.isStale(connection, this.history.logTableName());
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the schema snapshot's age: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether a database without a history of ours holds tables none accounts for; refused
	 * unless a baseline is set. Only asked when nothing is applied.
	 */
	private boolean unmanagedTables() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		if (reader(jdbc).exists()) {
			return false;
		}
		UnmanagedTables tables = UnmanagedTables.read(jdbc, this.settings.history(), this.settings.flywayTable(),
				this.schemas);
		if (tables.isEmpty() || reader(jdbc).exists()) {
			// a history there now was made by a runner that started meanwhile: its tables are no stranger's, and
			// the run, once it holds the lock, finds what that runner did
			return false;
		}
		if (this.baseline == null) {
			throw new UnmanagedDatabaseException(tables.describe(this.settings.history()));
		}
		logger.info("The database holds {} table(s) but no history; marking {} and the revisions before it as "
				+ "applied, as migrations.baseline-on-migrate says", tables.count(), this.baseline);
		return true;
	}

	/**
	 * Only asked when nothing of ours is applied, so an up-to-date start pays no query for it;
	 * Flyway's history is taken over first, as {@link #adopt()} does.
	 */
	private ForeignHistory foreignHistory() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		if (reader(jdbc).exists()) {
			return ForeignHistory.NONE;
		}
		if (FlywayHistory.exists(jdbc, this.settings.flywayTable(), this.dialect)) {
			return ForeignHistory.FLYWAY;
		}
		return LiquibaseHistory.exists(jdbc, this.settings.liquibaseTable(), this.dialect) ? ForeignHistory.LIQUIBASE
				: ForeignHistory.NONE;
	}

	/** Whose history a database without one of ours holds. */
	private enum ForeignHistory {

		NONE, FLYWAY, LIQUIBASE

	}

	/** The state on a connection that created the history tables first, as every locked run does. */
	private DatabaseState readState(Connection connection) {
		return DatabaseState.of(this.catalog, createdReader(connection).applied());
	}

	private HistoryReader createdReader(Connection connection) {
		return HistoryReader.afterCreate(jdbc(connection), this.history);
	}

	private HistoryReader reader(JdbcTemplate jdbc) {
		return new HistoryReader(jdbc, this.history);
	}

	private static JdbcTemplate jdbc(Connection connection) {
		return new JdbcTemplate(new SingleConnectionDataSource(connection, true));
	}

	/** The lock lives on the run's own connection: a run whose session is gone cannot go on unlocked. */
	private <T> T withLockedConnection(LockedWork<T> work) {
		return withConnection(true, (connection, sink) -> {
			sink.flush();
			try (AdvisoryLock lock = AdvisoryLock.acquire(connection, this.settings.history(),
					this.settings.lockWait())) {
				return work.run(connection, sink, lock);
			}
		});
	}

	private <T> T withConnection(ConnectionWork<T> work) {
		return withConnection(false, work);
	}

	/** A run that will take the lock first checks that its session is its own, before it sets anything there. */
	private <T> T withConnection(boolean forLockedWork, ConnectionWork<T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			if (forLockedWork) {
				SessionSharing.requireOwnSession(connection, this.dataSource);
			}
			JdbcStatementSink sink = new JdbcStatementSink(connection, this.dialect);
			int version = connection.getMetaData().getDatabaseMajorVersion();
			this.dialect.prepareSession(version).forEach(sink::execute);
			// a pool's connection may carry a search path of its own (connectionInitSql): it gets it back
			String searchPath = this.schemas.isSet() ? sink
				.query("SELECT pg_catalog.current_setting('search_path')", (row, n) -> row.getString(1), List.of())
				.get(0) : null;
			this.schemas.searchPath(this.dialect).forEach(sink::execute);
			BackfillGuards guards = this.settings.backfillGuards();
			if (guards.any()) {
				setGuards(sink, guards);
			}
			try {
				return work.run(connection, sink);
			}
			finally {
				if (guards.any()) {
					setGuards(sink, BackfillGuards.NONE);
				}
				resetQuietly(sink, version, searchPath);
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not use a connection for the migration run: " + ex.getMessage(), ex);
		}
	}

	static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	static String describe(Set<String> current) {
		return current.isEmpty() ? "<base>" : String.join(", ", current);
	}

	/**
	 * The schema before a run: the stored snapshot and the live one, or neither when no snapshot
	 * was stored yet.
	 */
	private record SnapshotBaseline(SchemaSnapshot stored, SchemaSnapshot live) {

	}

	/** Work done on the run's connection while it holds the migration lock. */
	@FunctionalInterface
	private interface LockedWork<T> {

		T run(Connection connection, StatementSink sink, AdvisoryLock lock) throws SQLException;

	}

	/** Work done on the run's connection. */
	@FunctionalInterface
	private interface ConnectionWork<T> {

		T run(Connection connection, StatementSink sink) throws SQLException;

	}

}
