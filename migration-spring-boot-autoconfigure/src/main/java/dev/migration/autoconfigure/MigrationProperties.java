package dev.migration.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

import dev.migration.core.MigrationException;
import dev.migration.core.execute.ExecutionSettings;
import dev.migration.core.history.HistoryTable;
import dev.migration.core.lint.LintPolicy;
import dev.migration.core.lint.NotCheckedPolicy;
import dev.migration.core.run.BackfillGuards;
import dev.migration.core.run.ChecksumPolicy;
import dev.migration.core.run.OwnedSchemas;
import dev.migration.core.run.RunSettings;
import dev.migration.core.run.UnknownRevisionPolicy;
import dev.migration.core.run.UnmergedHeadsPolicy;
import dev.migration.core.scaffold.ScaffoldFormat;
import dev.migration.core.scaffold.SqlLocations;
import dev.migration.core.schema.QualifiedName;
import dev.migration.core.sql.BuiltInPlaceholders;
import dev.migration.core.sql.Placeholders;
import dev.migration.core.sql.SqlScriptLocations;
import dev.migration.core.trace.TraceSeeder;

/**
 * Configuration properties of the migrations, under {@code migrations.*}.
 */
@ConfigurationProperties("migrations")
public class MigrationProperties {

	/**
	 * Whether to enable migrations.
	 */
	private boolean enabled = true;

	/**
	 * Whether to run pending migrations during start-up. When false, the application starts
	 * without running them; trigger the run with a POST to the migrations endpoint or with
	 * command mode.
	 */
	private boolean autoRun = true;

	/**
	 * Target of the start-up run and of commands: heads, head, base, a revision id or unique
	 * prefix, +N / -N, rev+N or label@head.
	 */
	private String target = "heads";

	/**
	 * Schema of the history tables. The first schema on the search path when not set.
	 */
	private String schema;

	/**
	 * Name of the history log table; the state table beside it adds "_state".
	 */
	private String table = HistoryTable.DEFAULT_TABLE;

	/**
	 * Longest time a migration statement may wait for a lock, and so the longest it can hold
	 * up application queries queued behind it.
	 */
	private Duration lockTimeout = ExecutionSettings.DEFAULT_LOCK_TIMEOUT;

	/**
	 * Longest lock wait of statements that do not hold up reads and writes while they wait,
	 * such as CREATE INDEX CONCURRENTLY and VALIDATE CONSTRAINT.
	 */
	private Duration nonBlockingLockTimeout = ExecutionSettings.DEFAULT_NON_BLOCKING_LOCK_TIMEOUT;

	/**
	 * Lock wait of every attempt of a step but the last (at most lock-timeout): an attempt
	 * stuck behind a long transaction holds up the reads and writes queued behind it only this
	 * long, then gives way and retries; the last attempt waits the full lock-timeout.
	 */
	private Duration lockProbeTimeout = ExecutionSettings.DEFAULT_LOCK_PROBE_TIMEOUT;

	/**
	 * How often a step that hit the lock timeout is retried, with exponential backoff.
	 */
	private int lockRetries = RunSettings.DEFAULT_LOCK_RETRIES;

	/**
	 * First pause before a retry after a lock timeout; it doubles with each retry, plus jitter.
	 */
	private Duration retryBackoff = RunSettings.DEFAULT_RETRY_BACKOFF;

	/**
	 * How long to wait for another instance's run to finish before giving up.
	 */
	private Duration lockWait = RunSettings.DEFAULT_LOCK_WAIT;

	/**
	 * What to do when the code of an applied revision changed: fail or warn.
	 */
	private ChecksumPolicy checksumPolicy = ChecksumPolicy.FAIL;

	/**
	 * What to do when the database holds revisions the code does not declare, as after an
	 * application rollback: fail or ignore.
	 */
	private UnknownRevisionPolicy unknownRevisionPolicy = UnknownRevisionPolicy.FAIL;

	/**
	 * What to do when revisions about to be applied have lint errors (unsafe DDL): fail (the
	 * default; nothing runs), warn, or off.
	 */
	private LintPolicy lint = LintPolicy.FAIL;

	/**
	 * Tables the database estimates below this many rows count as small: the gate does not
	 * stop a run for a lock rule on them (the lock is over before anyone waits), and lists
	 * such findings as suppressed instead.
	 */
	private long lintSmallTableRows = 10_000;

	/**
	 * What a statement the linter could not read counts as, in {@code lint} and in the gate
	 * before a run: fail (the default: nothing judged it, so nothing passes it as judged) or warn.
	 */
	private NotCheckedPolicy lintNotChecked = NotCheckedPolicy.DEFAULT;

	/**
	 * What an upgrade does while the revisions have several heads that no merge revision
	 * joins: 'warn' (apply them, log a warning naming them), 'fail' (apply nothing) or
	 * 'allow' (branches kept apart on purpose).
	 */
	private UnmergedHeadsPolicy unmergedHeads = UnmergedHeadsPolicy.WARN;

	/**
	 * JDBC URL of a separate, privileged connection for migrations. The application's
	 * DataSource when not set.
	 */
	private String url;

	/**
	 * Login user of the migration connection; with no url, the application's DataSource is
	 * used with this user instead.
	 */
	private String user;

	/**
	 * Login password of the migration connection.
	 */
	private String password;

	/**
	 * Command to run instead of starting the application: upgrade, downgrade, current,
	 * history, heads, pending, sql, lint, trace, stamp, adopt, repair, check, revision or merge. The application exits when it is done.
	 */
	private String command;

	/**
	 * Where SQL migration files are (classpath: or filesystem: folders, subfolders included),
	 * named as Flyway names them: V<version>__<description>.sql becomes revision V<version>,
	 * beside the Java revisions; U<version>__<description>.sql is its downgrade;
	 * R__<description>.sql is repeatable revision R__<description>, applied again after the
	 * others whenever it changes.
	 */
	private List<String> locations = new ArrayList<>(List.of(SqlScriptLocations.DEFAULT_LOCATION));

	/**
	 * SQL files below migrations.locations that are no migrations, left out (each is logged),
	 * as patterns of their path below their location, such as rollback/*.sql. A pattern that
	 * matches no file is an error.
	 */
	private List<String> ignoreFiles = new ArrayList<>();

	/**
	 * Whether a migrations.locations entry that does not exist stops the start. The default
	 * location may always be missing (an application with Java revisions only).
	 */
	private boolean failOnMissingLocations = true;

	/**
	 * Revision whose schema the tables of a database without a migration history match: the
	 * first upgrade marks it and the revisions before it as applied, then applies the rest
	 * (Flyway's baselineOnMigrate); "base" when the tables predate every revision. Without it,
	 * such a database is refused, naming its tables.
	 */
	private String baselineOnMigrate;

	/**
	 * Schema the steps run in (the search path of every step) and the history lives in,
	 * created when missing: Flyway's defaultSchema. When not set, the connection's search path.
	 */
	private String defaultSchema;

	/**
	 * Further schemas the history owns, created with the default schema when missing
	 * (Flyway's schemas).
	 */
	private List<String> schemas = new ArrayList<>();

	/**
	 * Whether missing schemas of migrations.default-schema and migrations.schemas are created.
	 */
	private boolean createSchemas = true;

	/**
	 * Values of Flyway placeholders (${name}) in SQL files, by name; names match without
	 * regard to case. Flyway's built-ins flyway:defaultSchema, flyway:user,
	 * flyway:database, flyway:timestamp, flyway:filename and flyway:table need no value.
	 */
	private Map<String, String> placeholders = new LinkedHashMap<>();

	/**
	 * Whether placeholders in SQL files are replaced. When on, a placeholder without a value
	 * is an error naming the file and line.
	 */
	private boolean placeholderReplacement = true;

	/**
	 * What opens a placeholder.
	 */
	private String placeholderPrefix = "${";

	/**
	 * What closes a placeholder.
	 */
	private String placeholderSuffix = "}";

	/**
	 * Flyway's history table, "schema.table" or a table on the search path, read once to take
	 * over a database Flyway migrated (spring.flyway.table and spring.flyway.default-schema).
	 */
	private String flywayTable = RunSettings.DEFAULT_FLYWAY_TABLE.name();

	/**
	 * Liquibase's history table (DATABASECHANGELOG), "schema.table" or a table on the search
	 * path, read once to take over a database Liquibase updated
	 * (spring.liquibase.database-change-log-table and spring.liquibase.liquibase-schema).
	 */
	private String liquibaseTable = RunSettings.DEFAULT_LIQUIBASE_TABLE.name();

	/**
	 * Contract revisions released to run: their ids, or "all". Contract revisions (drop an
	 * old column, a sync trigger) wait until released, once every instance runs code that no
	 * longer needs what they remove.
	 */
	private List<String> release = new ArrayList<>();

	private final Health health = new Health();

	private final Background background = new Background();

	private final Scaffold scaffold = new Scaffold();

	private final Trace trace = new Trace();

	private final Backfill backfill = new Backfill();

	private final Squash squash = new Squash();

	private final Revisions revisions = new Revisions();

	private final Tenants tenants = new Tenants();

	/**
	 * Further databases, by name, each with its own connection, revisions (Java revisions of
	 * its revision-packages, SQL files of its locations) and history; every other setting is
	 * the one above.
	 */
	private Map<String, Database> databases = new LinkedHashMap<>();

	/**
	 * Turns these properties into the engine's settings.
	 * @return the run settings
	 */
	public RunSettings toRunSettings() {
		return new RunSettings(new HistoryTable(this.schema, this.table),
				new ExecutionSettings(this.lockTimeout, this.nonBlockingLockTimeout, this.lockProbeTimeout),
				this.lockRetries,
				this.retryBackoff, this.lockWait, this.checksumPolicy, this.unknownRevisionPolicy,
				table("flyway-table", this.flywayTable, "Flyway"), table("liquibase-table", this.liquibaseTable, "Liquibase"),
				this.backfill.toGuards());
	}

	private static QualifiedName table(String property, String value, String tool) {
		try {
			return QualifiedName.parse(value.strip());
		}
		catch (RuntimeException ex) {
			throw new MigrationException("migrations." + property + " '" + value + "' is not a table name: "
					+ ex.getMessage() + " Name " + tool + "'s history table as table or schema.table.", ex);
		}
	}

	public UnmergedHeadsPolicy getUnmergedHeads() {
		return this.unmergedHeads;
	}

	public void setUnmergedHeads(UnmergedHeadsPolicy unmergedHeads) {
		this.unmergedHeads = unmergedHeads;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isAutoRun() {
		return this.autoRun;
	}

	public void setAutoRun(boolean autoRun) {
		this.autoRun = autoRun;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public String getSchema() {
		return this.schema;
	}

	public void setSchema(String schema) {
		this.schema = schema;
	}

	public String getTable() {
		return this.table;
	}

	public void setTable(String table) {
		this.table = table;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		Bounds.positive("migrations.lock-timeout", lockTimeout);
		this.lockTimeout = lockTimeout;
	}

	public Duration getNonBlockingLockTimeout() {
		return this.nonBlockingLockTimeout;
	}

	public void setNonBlockingLockTimeout(Duration nonBlockingLockTimeout) {
		Bounds.positive("migrations.non-blocking-lock-timeout", nonBlockingLockTimeout);
		this.nonBlockingLockTimeout = nonBlockingLockTimeout;
	}

	public Duration getLockProbeTimeout() {
		return this.lockProbeTimeout;
	}

	public void setLockProbeTimeout(Duration lockProbeTimeout) {
		Bounds.positive("migrations.lock-probe-timeout", lockProbeTimeout);
		this.lockProbeTimeout = lockProbeTimeout;
	}

	public int getLockRetries() {
		return this.lockRetries;
	}

	public void setLockRetries(int lockRetries) {
		Bounds.atLeast("migrations.lock-retries", lockRetries, 0);
		this.lockRetries = lockRetries;
	}

	public Duration getRetryBackoff() {
		return this.retryBackoff;
	}

	public void setRetryBackoff(Duration retryBackoff) {
		Bounds.notNegative("migrations.retry-backoff", retryBackoff);
		this.retryBackoff = retryBackoff;
	}

	public Duration getLockWait() {
		return this.lockWait;
	}

	public void setLockWait(Duration lockWait) {
		Bounds.notNegative("migrations.lock-wait", lockWait);
		this.lockWait = lockWait;
	}

	public ChecksumPolicy getChecksumPolicy() {
		return this.checksumPolicy;
	}

	public void setChecksumPolicy(ChecksumPolicy checksumPolicy) {
		this.checksumPolicy = checksumPolicy;
	}

	public UnknownRevisionPolicy getUnknownRevisionPolicy() {
		return this.unknownRevisionPolicy;
	}

	public void setUnknownRevisionPolicy(UnknownRevisionPolicy unknownRevisionPolicy) {
		this.unknownRevisionPolicy = unknownRevisionPolicy;
	}

	public LintPolicy getLint() {
		return this.lint;
	}

	public void setLint(LintPolicy lint) {
		this.lint = lint;
	}

	public NotCheckedPolicy getLintNotChecked() {
		return this.lintNotChecked;
	}

	public void setLintNotChecked(NotCheckedPolicy lintNotChecked) {
		this.lintNotChecked = lintNotChecked;
	}

	public long getLintSmallTableRows() {
		return this.lintSmallTableRows;
	}

	public void setLintSmallTableRows(long lintSmallTableRows) {
		if (lintSmallTableRows < 0) {
			throw new IllegalArgumentException("migrations.lint-small-table-rows must be 0 or more, not "
					+ lintSmallTableRows + "; set 0 to judge every table as large");
		}
		this.lintSmallTableRows = lintSmallTableRows;
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public String getUser() {
		return this.user;
	}

	public void setUser(String user) {
		this.user = user;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getCommand() {
		return this.command;
	}

	public void setCommand(String command) {
		this.command = command;
	}

	public String getFlywayTable() {
		return this.flywayTable;
	}

	public void setFlywayTable(String flywayTable) {
		this.flywayTable = flywayTable;
	}

	public String getLiquibaseTable() {
		return this.liquibaseTable;
	}

	public void setLiquibaseTable(String liquibaseTable) {
		this.liquibaseTable = liquibaseTable;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public List<String> getIgnoreFiles() {
		return this.ignoreFiles;
	}

	public void setIgnoreFiles(List<String> ignoreFiles) {
		this.ignoreFiles = ignoreFiles;
	}

	public String getDefaultSchema() {
		return this.defaultSchema;
	}

	public void setDefaultSchema(String defaultSchema) {
		this.defaultSchema = defaultSchema;
	}

	public List<String> getSchemas() {
		return this.schemas;
	}

	public void setSchemas(List<String> schemas) {
		this.schemas = schemas;
	}

	public boolean isCreateSchemas() {
		return this.createSchemas;
	}

	public void setCreateSchemas(boolean createSchemas) {
		this.createSchemas = createSchemas;
	}

	/**
	 * Turns the schema settings into the schemas the history owns.
	 * @return the schemas
	 */
	public OwnedSchemas toOwnedSchemas() {
		String schema = (this.defaultSchema == null || this.defaultSchema.isBlank()) ? null : this.defaultSchema.strip();
		return new OwnedSchemas(schema, this.schemas.stream().map(String::strip).toList(), this.createSchemas);
	}

	/**
	 * Turns the SQL settings into where {@code revision} and {@code merge} find the project's SQL files.
	 * @return the locations and the files they leave out
	 */
	public SqlLocations toSqlLocations() {
		return new SqlLocations(this.locations, this.ignoreFiles);
	}

	public String getBaselineOnMigrate() {
		return this.baselineOnMigrate;
	}

	public void setBaselineOnMigrate(String baselineOnMigrate) {
		this.baselineOnMigrate = baselineOnMigrate;
	}

	public boolean isFailOnMissingLocations() {
		return this.failOnMissingLocations;
	}

	public void setFailOnMissingLocations(boolean failOnMissingLocations) {
		this.failOnMissingLocations = failOnMissingLocations;
	}

	public Map<String, String> getPlaceholders() {
		return this.placeholders;
	}

	public void setPlaceholders(Map<String, String> placeholders) {
		this.placeholders = placeholders;
	}

	public boolean isPlaceholderReplacement() {
		return this.placeholderReplacement;
	}

	public void setPlaceholderReplacement(boolean placeholderReplacement) {
		this.placeholderReplacement = placeholderReplacement;
	}

	public String getPlaceholderPrefix() {
		return this.placeholderPrefix;
	}

	public void setPlaceholderPrefix(String placeholderPrefix) {
		this.placeholderPrefix = placeholderPrefix;
	}

	public String getPlaceholderSuffix() {
		return this.placeholderSuffix;
	}

	public void setPlaceholderSuffix(String placeholderSuffix) {
		this.placeholderSuffix = placeholderSuffix;
	}

	/**
	 * Turns the placeholder settings into the engine's placeholders.
	 * @param builtIns the values of Flyway's built-ins that depend on the database
	 * @return the placeholders
	 */
	public Placeholders toPlaceholders(BuiltInPlaceholders builtIns) {
		return new Placeholders(this.placeholderReplacement, this.placeholderPrefix, this.placeholderSuffix,
				this.placeholders, builtIns);
	}

	public List<String> getRelease() {
		return this.release;
	}

	public void setRelease(List<String> release) {
		this.release = release;
	}

	public Health getHealth() {
		return this.health;
	}

	public Background getBackground() {
		return this.background;
	}

	public Scaffold getScaffold() {
		return this.scaffold;
	}

	public Trace getTrace() {
		return this.trace;
	}

	public Backfill getBackfill() {
		return this.backfill;
	}

	/**
	 * Reads {@code migrations.databases} before the properties are bound, for conditions and
	 * post-processors that run that early.
	 * @param environment the application's environment
	 * @return the further databases by name, empty when none is configured
	 */
	public static Map<String, Database> databasesOf(Environment environment) {
		return Binder.get(environment)
			.bind("migrations.databases", Bindable.mapOf(String.class, Database.class))
			.orElse(Map.of());
	}

	public Map<String, Database> getDatabases() {
		return this.databases;
	}

	public void setDatabases(Map<String, Database> databases) {
		this.databases = databases;
	}

	public Revisions getRevisions() {
		return this.revisions;
	}

	public Squash getSquash() {
		return this.squash;
	}

	public Tenants getTenants() {
		return this.tenants;
	}

	/**
	 * Binds {@code migrations.tenants} alone, for the conditions that run before the properties bean exists.
	 * @param environment the application's environment
	 * @return the tenant settings, defaults when none is set
	 */
	public static Tenants tenantsOf(Environment environment) {
		return Binder.get(environment).bind("migrations.tenants", Tenants.class).orElseGet(Tenants::new);
	}

	/**
	 * The tenants the application's revisions run on, instead of its own schema: a schema each,
	 * a database each, or both; listed here, by a query or by a {@code MigrationTenantSource} bean.
	 */
	public static class Tenants {

		/** The tenants, by name. */
		private List<String> names = new ArrayList<>();

		/**
		 * A query on the application's database whose first column lists the tenants, run at every
		 * fan-out, such as "SELECT slug FROM customer WHERE active".
		 */
		private String query;

		/**
		 * The schema of each tenant, with "{tenant}" for its name; by default the name itself, or,
		 * with a url, the search path of the tenant's database.
		 */
		private String schema;

		/**
		 * The JDBC URL of each tenant's own database, with "{tenant}" for its name, such as
		 * "jdbc:postgresql://db:5432/{tenant}"; not set: the tenants are schemas of the
		 * application's database.
		 */
		private String url;

		/** The login of the tenants' databases; with url only. */
		private String user;

		/** The password of the tenants' databases; with url only. */
		private String password;

		/** How many tenants are migrated at once, each on a connection of its own. */
		private int parallelism = 4;

		/** The tenants migrated first, alone; the rest wait for them to succeed. */
		private List<String> canaries = new ArrayList<>();

		/** In how many waves of about equal size the tenants after the canaries run. */
		private int stages = 1;

		/** Whether the next wave starts although a tenant of the last one failed. */
		private boolean continueAfterFailure;

		/**
		 * Runs touch these tenants alone, listed or not (a tenant created since, brought to head
		 * by command); the commands that work on one history (downgrade, stamp, history...) need
		 * exactly one.
		 */
		private List<String> only = new ArrayList<>();

		public List<String> getNames() {
			return this.names;
		}

		public void setNames(List<String> names) {
			this.names = names;
		}

		public String getQuery() {
			return this.query;
		}

		public void setQuery(String query) {
			this.query = query;
		}

		public String getSchema() {
			return this.schema;
		}

		public void setSchema(String schema) {
			this.schema = schema;
		}

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public String getUser() {
			return this.user;
		}

		public void setUser(String user) {
			this.user = user;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public int getParallelism() {
			return this.parallelism;
		}

		public void setParallelism(int parallelism) {
			this.parallelism = parallelism;
		}

		public List<String> getCanaries() {
			return this.canaries;
		}

		public void setCanaries(List<String> canaries) {
			this.canaries = canaries;
		}

		public int getStages() {
			return this.stages;
		}

		public void setStages(int stages) {
			this.stages = stages;
		}

		public boolean isContinueAfterFailure() {
			return this.continueAfterFailure;
		}

		public void setContinueAfterFailure(boolean continueAfterFailure) {
			this.continueAfterFailure = continueAfterFailure;
		}

		public List<String> getOnly() {
			return this.only;
		}

		public void setOnly(List<String> only) {
			this.only = only;
		}

		/**
		 * Returns whether the properties list the tenants, by name or by query.
		 * @return whether a property source of tenants is set
		 */
		public boolean isListed() {
			return !this.names.isEmpty() || (this.query != null && !this.query.isBlank());
		}

	}

	/** What backfills wait for between batches, to spare standbys, autovacuum and the WAL. */
	public static class Backfill {

		/**
		 * Largest replay lag of any streaming standby (pg_stat_replication) before a backfill
		 * runs its next batch; it waits while a standby is further behind. Needs a migration
		 * user that may read the lag (pg_monitor). Not set: no bound.
		 */
		private Duration maxReplicaLag;

		/**
		 * Largest rate of WAL a backfill writes; after each batch it rests until the batch's
		 * WAL over its time is within it. Not set: no bound.
		 */
		private DataSize maxWalRate;

		/**
		 * Whether a backfill waits while autovacuum works on its table, which its batches
		 * would otherwise compete with. Needs a migration user that may see other sessions
		 * (pg_monitor).
		 */
		private boolean yieldToAutovacuum;

		public Duration getMaxReplicaLag() {
			return this.maxReplicaLag;
		}

		public void setMaxReplicaLag(Duration maxReplicaLag) {
			this.maxReplicaLag = maxReplicaLag;
		}

		public DataSize getMaxWalRate() {
			return this.maxWalRate;
		}

		public void setMaxWalRate(DataSize maxWalRate) {
			this.maxWalRate = maxWalRate;
		}

		public boolean isYieldToAutovacuum() {
			return this.yieldToAutovacuum;
		}

		public void setYieldToAutovacuum(boolean yieldToAutovacuum) {
			this.yieldToAutovacuum = yieldToAutovacuum;
		}

		BackfillGuards toGuards() {
			return new BackfillGuards(this.maxReplicaLag,
					(this.maxWalRate != null) ? this.maxWalRate.toBytes() : null, this.yieldToAutovacuum);
		}

	}

	/** Where the trace command replays the revisions: never the application's database. */
	public static class Trace {

		/**
		 * JDBC URL of any database on a PostgreSQL server where the trace may create a scratch
		 * database of its own (dropped after). When not set, an embedded PostgreSQL from
		 * migration-test-database, if on the classpath.
		 */
		private String url;

		/**
		 * User for migrations.trace.url; it needs the CREATEDB privilege.
		 */
		private String username;

		/**
		 * Password for migrations.trace.url.
		 */
		private String password;

		/**
		 * Rows each empty table gets before a revision that touches it is traced.
		 */
		private int rows = TraceSeeder.DEFAULT_ROWS;

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public int getRows() {
			return this.rows;
		}

		public void setRows(int rows) {
			if (rows < 1) {
				throw new IllegalArgumentException("migrations.trace.rows must be at least 1, not " + rows);
			}
			this.rows = rows;
		}

	}

	/** How background and released contract revisions run once the application is ready. */
	public static class Background {

		/**
		 * Whether auto-run applies background revisions (and released contract revisions)
		 * once the application is ready. When false, they wait for a POST to the migrations
		 * endpoint or command mode.
		 */
		private boolean enabled = true;

		/**
		 * How long to wait before trying again while another instance holds the migration
		 * lock.
		 */
		private Duration retryInterval = Duration.ofSeconds(30);

		/**
		 * How long a shutdown waits for the running background step to finish (the run takes no
		 * further step once the shutdown begins); a step still running after it is cut short, and
		 * the next start resumes it after what it committed, a backfill from its last batch.
		 */
		private Duration stopTimeout = Duration.ofSeconds(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getRetryInterval() {
			return this.retryInterval;
		}

		public void setRetryInterval(Duration retryInterval) {
			Bounds.positive("migrations.background.retry-interval", retryInterval);
			this.retryInterval = retryInterval;
		}

		public Duration getStopTimeout() {
			return this.stopTimeout;
		}

		public void setStopTimeout(Duration stopTimeout) {
			Bounds.notNegative("migrations.background.stop-timeout", stopTimeout);
			this.stopTimeout = stopTimeout;
		}

	}

	/** A further database: its connection, its revisions and its history. */
	public static class Database {

		/**
		 * Name of the DataSource bean to migrate. When not set, url (with user and password)
		 * names the database.
		 */
		private String dataSource;

		/**
		 * JDBC URL of the database, when no data-source bean is named.
		 */
		private String url;

		/**
		 * Login user for url.
		 */
		private String user;

		/**
		 * Login password for url.
		 */
		private String password;

		/**
		 * Packages whose @Revision classes belong to this database (and to no other).
		 */
		private List<String> revisionPackages = new ArrayList<>();

		/**
		 * Locations of this database's SQL migration files. None when not set.
		 */
		private List<String> locations = new ArrayList<>();

		/**
		 * Schema of this database's history table. The connection's current schema when not set.
		 */
		private String schema;

		/**
		 * Name of this database's history table.
		 */
		private String table = HistoryTable.DEFAULT_TABLE;

		/**
		 * Revision this database is migrated to.
		 */
		private String target = "heads";

		public String getDataSource() {
			return this.dataSource;
		}

		public void setDataSource(String dataSource) {
			this.dataSource = dataSource;
		}

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public String getUser() {
			return this.user;
		}

		public void setUser(String user) {
			this.user = user;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public List<String> getRevisionPackages() {
			return this.revisionPackages;
		}

		public void setRevisionPackages(List<String> revisionPackages) {
			this.revisionPackages = revisionPackages;
		}

		public List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(List<String> locations) {
			this.locations = locations;
		}

		public String getSchema() {
			return this.schema;
		}

		public void setSchema(String schema) {
			this.schema = schema;
		}

		public String getTable() {
			return this.table;
		}

		public void setTable(String table) {
			this.table = table;
		}

		public String getTarget() {
			return this.target;
		}

		public void setTarget(String target) {
			this.target = target;
		}

	}

	/** Where the starter finds {@code @Revision} classes that are not beans already. */
	public static class Revisions {

		/**
		 * Whether @Revision classes in the application's packages (those of
		 * @SpringBootApplication, as for JPA entities) and in 'packages' are registered as
		 * beans even when component scanning does not find them, as in test slices such as
		 * @JdbcTest and @DataJpaTest.
		 */
		private boolean scan = true;

		/**
		 * More packages to look for @Revision classes in, besides the application's.
		 */
		private List<String> packages = new ArrayList<>();

		public boolean isScan() {
			return this.scan;
		}

		public void setScan(boolean scan) {
			this.scan = scan;
		}

		public List<String> getPackages() {
			return this.packages;
		}

		public void setPackages(List<String> packages) {
			this.packages = packages;
		}

	}

	/** Where and how the {@code revision} and {@code merge} commands write new revisions. */
	public static class Scaffold {

		/**
		 * Project folder new revisions are written into (Java classes into its
		 * src/main/java, SQL files into the folder of migrations.locations), relative to the
		 * working directory. When not set, the first folder holding pom.xml, build.gradle or
		 * build.gradle.kts and src/main above the application's classes or the working
		 * directory.
		 */
		private String directory;

		/**
		 * Package of a new Java class. The package of the newest Java revision when not set.
		 */
		private String packageName;

		/**
		 * What to write: 'auto' (a SQL file when a head it revises is a SQL file, a Java
		 * class otherwise), 'java' or 'sql'.
		 */
		private ScaffoldFormat format = ScaffoldFormat.AUTO;

		/**
		 * Message of the new revision, also the base of its class or file name.
		 */
		private String message;

		/**
		 * Whether 'revision' writes the operations that turn the schema the revisions make
		 * into the one the application's JPA entities expect (needs migration-jpa), instead
		 * of an empty revision.
		 */
		private boolean autogenerate;

		/**
		 * Column renames autogenerate writes as renames instead of a column retired and
		 * another added, each as table.old_column=new_column.
		 */
		private List<String> renames = new ArrayList<>();

		public boolean isAutogenerate() {
			return this.autogenerate;
		}

		public void setAutogenerate(boolean autogenerate) {
			this.autogenerate = autogenerate;
		}

		public List<String> getRenames() {
			return this.renames;
		}

		public void setRenames(List<String> renames) {
			this.renames = renames;
		}

		public String getDirectory() {
			return this.directory;
		}

		public void setDirectory(String directory) {
			this.directory = directory;
		}

		public String getPackageName() {
			return this.packageName;
		}

		public void setPackageName(String packageName) {
			this.packageName = packageName;
		}

		public ScaffoldFormat getFormat() {
			return this.format;
		}

		public void setFormat(ScaffoldFormat format) {
			this.format = format;
		}

		public String getMessage() {
			return this.message;
		}

		public void setMessage(String message) {
			this.message = message;
		}

	}

	/** How pending migrations show in health and readiness. */
	public static class Health {

		/**
		 * Health status reported while revisions are pending because auto-run is off.
		 */
		private String pendingStatus = "OUT_OF_SERVICE";

		/**
		 * Whether pending revisions take the application out of readiness (never liveness),
		 * so no traffic reaches it until the run is triggered.
		 */
		private boolean refuseTrafficWhilePending = true;

		public String getPendingStatus() {
			return this.pendingStatus;
		}

		public void setPendingStatus(String pendingStatus) {
			this.pendingStatus = pendingStatus;
		}

		public boolean isRefuseTrafficWhilePending() {
			return this.refuseTrafficWhilePending;
		}

		public void setRefuseTrafficWhilePending(boolean refuseTrafficWhilePending) {
			this.refuseTrafficWhilePending = refuseTrafficWhilePending;
		}

	}


	/** What {@code --migrations.command=squash} reads and writes. */
	public static class Squash {

		/**
		 * What the squash is read from: "history" (a scratch database upgraded to
		 * migrations.target, on the server of migrations.trace.url or the embedded one) or
		 * "liquibase" (the application's database, one Liquibase updated from empty).
		 */
		private String from = "history";

		/**
		 * Id of the squash revision; a new one when not set (B<version> for a SQL baseline file).
		 */
		private String id;

		/**
		 * The most rows a baseline read from the application's database may carry: more are a
		 * sign of a database in use.
		 */
		private int maxRows = 1000;

		public String getFrom() {
			return this.from;
		}

		public void setFrom(String from) {
			this.from = from;
		}

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public int getMaxRows() {
			return this.maxRows;
		}

		public void setMaxRows(int maxRows) {
			Bounds.atLeast("migrations.squash.max-rows", maxRows, 0);
			this.maxRows = maxRows;
		}

	}

}
