package dev.migration.autoconfigure.endpoint;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.util.StringUtils;

import dev.migration.autoconfigure.BackfillPaces;
import dev.migration.autoconfigure.MigrationRuns.LastRun;
import dev.migration.autoconfigure.MigrationRuns;
import dev.migration.autoconfigure.RunInProgressException;
import dev.migration.autoconfigure.tenant.MigrationTenants;
import dev.migration.core.SecretText;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.execute.Direction;
import dev.migration.core.graph.RevisionGraphException;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.history.AppliedRevision;
import dev.migration.core.history.BackfillProgress;
import dev.migration.core.history.HistoryEntry;
import dev.migration.core.history.Outcome;
import dev.migration.core.lint.Finding;
import dev.migration.core.lint.LintReport;
import dev.migration.core.lint.Linter;
import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.BackfillPace;
import dev.migration.core.run.DatabaseState;
import dev.migration.core.run.InvalidReleaseException;
import dev.migration.core.run.MigrationRunException;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.Release;
import dev.migration.core.run.RunPlan.Reason;
import dev.migration.core.run.RunPlan.Waiting;
import dev.migration.core.run.RunPlan;
import dev.migration.core.run.RunResult;
import dev.migration.core.run.RunScope;
import dev.migration.core.run.UnfinishedStep;
import dev.migration.core.sql.SqlCallbacks;

/**
 * {@link Endpoint @Endpoint} that shows the revision history and what is pending, the SQL of
 * each revision, and, when access is unrestricted, runs the upgrade. Free text it returns
 * (failure messages, recorded errors) has credentials masked; it never shows a URL or user of
 * the migration connection.
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class MigrationsEndpoint {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsEndpoint.class);

	private final MigrationRuns runs;

	/** The longest target a POST may name; revision ids and labels are far shorter. */
	static final int LONGEST_TARGET = 200;

	/** The longest list of contract revisions a POST may release. */
	static final int LONGEST_RELEASE = 10_000;

	private static final int SHOWN_TARGET = 40;

	private final String target;

	private final BackfillPaces paces;

	/** The further databases of {@code migrations.databases}, by name, each shown and run as this one. */
	private final Map<String, MigrationsEndpoint> databases;

	/** The tenants the revisions run on instead of the application's database, or {@code null}. */
	private final @Nullable TenantsView tenants;

	/**
	 * Creates the endpoint of an application whose revisions run on tenants.
	 * @param runs the runs of this application
	 * @param target the target
	 * @param paces the pace of the backfills running in this application
	 * @param databases the further databases, by name
	 * @param tenants the tenants, or {@code null} when the revisions run on the application's database
	 */
	public MigrationsEndpoint(MigrationRuns runs, String target, BackfillPaces paces,
			Map<String, MigrationsEndpoint> databases, @Nullable MigrationTenants tenants) {
		this.runs = Objects.requireNonNull(runs, "runs");
		this.target = Objects.requireNonNull(target, "target");
		this.paces = Objects.requireNonNull(paces, "paces");
		this.databases = Collections.unmodifiableMap(new LinkedHashMap<>(databases));
		this.tenants = (tenants != null) ? new TenantsView(tenants) : null;
	}

	/**
	 * Creates the endpoint.
	 * @param runs the runs of this application
	 * @param target the target that pending revisions are counted against and that a POST
	 * without one runs to
	 * @param paces the pace of the backfills running in this application
	 * @param databases the further databases, by name, each with an endpoint of its own
	 */
	public MigrationsEndpoint(MigrationRuns runs, String target, BackfillPaces paces,
			Map<String, MigrationsEndpoint> databases) {
		this(runs, target, paces, databases, null);
	}

	/**
	 * Creates the endpoint of one database.
	 * @param runs the runs of this application
	 * @param target the target that pending revisions are counted against and that a POST
	 * without one runs to
	 * @param paces the pace of the backfills running in this application
	 */
	public MigrationsEndpoint(MigrationRuns runs, String target, BackfillPaces paces) {
		this(runs, target, paces, Map.of());
	}

	/**
	 * Creates the endpoint without backfill paces.
	 * @param runs the runs of this application
	 * @param target the target
	 */
	public MigrationsEndpoint(MigrationRuns runs, String target) {
		this(runs, target, new BackfillPaces());
	}

	/**
	 * Returns the status, the current and head revisions, the history and what is pending.
	 * @return the description
	 */
	@ReadOperation
	public MigrationsDescriptor migrations() {
		Migrator migrator = this.runs.migrator();
		if (this.tenants != null) {
			return tenantsDescriptor(migrator);
		}
		boolean running = this.runs.isRunning();
		DatabaseState state = migrator.state();
		List<HistoryEntry> history = migrator.history();
		List<DeclaredRevision> pending = migrator.pending(state, this.target);
		Optional<LastRun> lastRun = this.runs.lastRun();
		MigrationStatus status = MigrationStatus.of(running, !pending.isEmpty(), failed(lastRun, history));
		LintReport lint = pending.isEmpty() ? null : Linter.lint(migrator.catalog());
		Map<String, Waiting> waiting = RunPlan.of(pending, RunScope.RELEASED, migrator.release())
			.waiting()
			.stream()
			.collect(Collectors.toMap((wait) -> wait.revision().id(), Function.identity(), (a, b) -> a,
					LinkedHashMap::new));
		return new MigrationsDescriptor(status, this.target, sorted(state.current()), sorted(migrator.heads()),
				pending.stream()
					.map((revision) -> PendingDescriptor.of(revision, waiting.get(revision.id()), lint))
					.toList(),
				awaitingRelease(waiting), history.stream().map(HistoryDescriptor::of).toList(),
				lastRun.map(LastRunDescriptor::of).orElse(null), backfills(migrator),
				migrator.unfinished().stream().map(UnfinishedDescriptor::of).toList(), callbacks(migrator),
				furtherDatabases(), null);
	}

	/** With tenants, the application's own schema holds no history: each tenant's is shown instead. */
	private MigrationsDescriptor tenantsDescriptor(Migrator migrator) {
		TenantsView.Described described = this.tenants.describe(migrator);
		LastRunDescriptor lastRun = this.tenants.lastRun();
		return new MigrationsDescriptor(described.status(), this.target, List.of(), sorted(migrator.heads()),
				described.pending(), List.of(), List.of(), lastRun, List.of(), List.of(), callbacks(migrator),
				furtherDatabases(), described.tenants());
	}

	private Map<String, MigrationsDescriptor> furtherDatabases() {
		Map<String, MigrationsDescriptor> shown = new LinkedHashMap<>();
		this.databases.forEach((name, endpoint) -> shown.put(name, endpoint.migrations()));
		return shown;
	}

	/**
	 * Returns one revision of one of the further databases with the SQL of its upgrade and downgrade.
	 * @param database the name of the database, as in {@code migrations.databases}
	 * @param revision the revision id or a unique prefix of it
	 * @return the revision, or {@code null} (404) when no database or revision matches
	 */
	@ReadOperation
	public @Nullable RevisionDescriptor databaseRevision(@Selector String database, @Selector String revision) {
		MigrationsEndpoint endpoint = this.databases.get(database);
		return (endpoint != null) ? endpoint.revision(revision) : null;
	}

	/**
	 * Returns one revision with the SQL of its upgrade and downgrade.
	 * @param revision the revision id or a unique prefix of it
	 * @return the revision, or {@code null} (404) when no revision matches
	 */
	@ReadOperation
	public @Nullable RevisionDescriptor revision(@Selector String revision) {
		Migrator migrator = this.runs.migrator();
		DeclaredRevision declared = find(migrator.catalog(), revision);
		if (declared == null) {
			return null;
		}
		AppliedRevision applied = migrator.state()
			.applied()
			.stream()
			.filter((row) -> row.revision().equals(declared.id()))
			.findFirst()
			.orElse(null);
		Rendered upgrade = render(migrator, declared.id(), Direction.UPGRADE);
		Rendered downgrade = render(migrator, declared.id(), Direction.DOWNGRADE);
		RevisionNode node = declared.node();
		return new RevisionDescriptor(node.id(), node.message(), node.downRevisions(), List.copyOf(node.dependsOn()),
				List.copyOf(node.branchLabels()), declared.transactional(), applied != null,
				(applied != null) ? instant(applied.appliedAt()) : null, upgrade.sql(), upgrade.error(),
				downgrade.sql(), downgrade.error());
	}

	/**
	 * Applies pending revisions up to {@code target}, unless a run is already in progress.
	 * Contract revisions run only when released, by {@code migrations.release} or here.
	 * @param target the target, such as {@code heads} or a revision id; the configured
	 * target when not given
	 * @param release contract revision ids to release for this run, separated by commas, or
	 * {@code all} (a string: Actuator reads a POST body as one string per field)
	 * @return what the run applied, or why it did not run or stopped
	 */
	@WriteOperation
	public RunDescriptor upgrade(@Nullable String target, @Nullable String release, @Nullable String database,
			@Nullable String tenants) {
		return attempt(target, release, database, tenants).descriptor();
	}

	/**
	 * Applies pending revisions of the application's database up to {@code target}.
	 * @param target the target, or {@code null} for the configured one
	 * @param release contract revision ids to release, separated by commas, or {@code null}
	 * @return what the run applied, or why it did not run or stopped
	 */
	public RunDescriptor upgrade(@Nullable String target, @Nullable String release) {
		return upgrade(target, release, null, null);
	}

	/**
	 * Runs the upgrade of the named database, or of the application's own when none is named.
	 * @param target the target, or {@code null} for the configured one
	 * @param release contract revision ids to release, separated by commas, or {@code null}
	 * @param database one of {@code migrations.databases}, or {@code null}
	 * @return the outcome
	 */
	Attempt attempt(@Nullable String target, @Nullable String release, @Nullable String database,
			@Nullable String tenants) {
		if (tenants != null && (this.tenants == null || database != null)) {
			return new Attempt(RunDescriptor.failed((target != null) ? shown(target) : this.target, "Nothing ran: the "
					+ "request names tenants, but " + ((database != null) ? "also a database, whose revisions run on "
							+ "no tenants" : "this application's revisions run on no tenants (migrations.tenants)")
					+ "; leave tenants out.", null, null, List.of()), true);
		}
		if (database == null) {
			return attemptHere(target, release, tenants);
		}
		MigrationsEndpoint endpoint = this.databases.get(database);
		if (endpoint != null) {
			return endpoint.attempt(target, release);
		}
		String shown = (database.length() <= SHOWN_TARGET) ? database : shown(database);
		String known = this.databases.isEmpty() ? "this application has no further database (migrations.databases)"
				: "its databases are " + String.join(", ", this.databases.keySet());
		return new Attempt(RunDescriptor.failed((target != null) ? shown(target) : this.target, "Nothing ran: no "
				+ "database is named '" + shown + "'; " + known + ", and a request without database runs the "
				+ "application's own.", null, null, List.of()), true);
	}

	/**
	 * Runs the upgrade, telling a rejected request (a target that does not resolve or a
	 * release of unknown revisions, so nothing ran) from a run that failed.
	 * @param target the target, or {@code null} for the configured one
	 * @param release contract revision ids to release, separated by commas, or {@code null}
	 * @return the outcome
	 */
	Attempt attempt(@Nullable String target, @Nullable String release) {
		return attemptHere(target, release, null);
	}

	/** The same, on this endpoint's database or, with tenants, on those named (all when none is). */
	private Attempt attemptHere(@Nullable String target, @Nullable String release, @Nullable String tenants) {
		String refused = oversized("target", target, LONGEST_TARGET, "a revision id or prefix, a label, heads, base or "
				+ "a relative step such as +1");
		if (refused == null) {
			refused = oversized("release", release, LONGEST_RELEASE, "contract revision ids separated by commas, or all");
		}
		if (refused == null) {
			refused = oversized("tenants", tenants, TenantsView.LONGEST_TENANTS, "tenant names separated by commas");
		}
		if (refused != null) {
			String shown = (target != null) ? shown(target) : this.target;
			return new Attempt(RunDescriptor.failed(shown, "Nothing ran: " + refused, null, null, List.of()), true);
		}
		String resolved = StringUtils.hasText(target) ? target.trim() : this.target;
		Release released = Release.of(List.of(StringUtils.commaDelimitedListToStringArray(release)));
		Migrator migrator = this.runs.migrator();
		Set<String> before;
		try {
			// with tenants the application's own schema holds no history: each tenant resolves the target from its own
			before = (this.tenants != null) ? Set.of() : migrator.current();
			// a target that does not resolve is the caller's mistake, not a failed run
			migrator.catalog().upgradePath(before, resolved);
			migrator.withRelease(released);
		}
		catch (RevisionGraphException | InvalidReleaseException ex) {
			return new Attempt(RunDescriptor.failed(resolved, "Nothing ran: " + ex.getMessage(), null, null, List.of()),
					true);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the migration state before a run", ex);
			return new Attempt(RunDescriptor.failed(resolved, ex.getMessage(), null, null, List.of()), false);
		}
		if (this.tenants != null) {
			return this.tenants.upgrade(resolved, released, tenants);
		}
		return new Attempt(run(migrator, resolved, released, before), false);
	}

	/** A request's text is bounded before anything reads it: what is echoed back or matched stays small. */
	private static @Nullable String oversized(String field, @Nullable String value, int longest, String what) {
		return (value != null && value.length() > longest) ? "the " + field + " is " + value.length()
				+ " characters long; it is " + what + ", at most " + longest + " characters." : null;
	}

	private static String shown(String target) {
		return (target.length() <= SHOWN_TARGET) ? target
				: target.substring(0, SHOWN_TARGET) + "... (" + target.length() + " characters)";
	}

	private RunDescriptor run(Migrator migrator, String target, Release release, Set<String> before) {
		try {
			RunResult result = this.runs.upgrade(target, release);
			boolean pending = !migrator.pending(this.target).isEmpty();
			return new RunDescriptor(pending ? MigrationStatus.PENDING : MigrationStatus.UP_TO_DATE, target,
					summary(result), sorted(result.before()), sorted(result.after()),
					result.steps().stream().map(StepDescriptor::of).toList(), result.durationMs(),
					result.waiting().stream().map(WaitingDescriptor::of).toList(), null);
		}
		catch (RunInProgressException ex) {
			return new RunDescriptor(MigrationStatus.RUNNING, target, ex.getMessage(), sorted(before), null, List.of(),
					null, List.of(), null);
		}
		catch (RuntimeException ex) {
			logger.error("The migration run triggered through the endpoint failed", ex);
			List<AppliedStep> completed = (ex instanceof MigrationRunException run) ? run.completed() : List.of();
			return RunDescriptor.failed(target, ex.getMessage(), sorted(before), currentOrNull(migrator),
					completed.stream().map(StepDescriptor::of).toList());
		}
	}

	private List<BackfillDescriptor> backfills(Migrator migrator) {
		Instant now = Instant.now();
		return migrator.backfills()
			.stream()
			.map((progress) -> BackfillDescriptor.of(progress,
					progress.done() ? null : this.paces.current(progress.name(), now).orElse(null)))
			.toList();
	}

	private static List<String> awaitingRelease(Map<String, Waiting> waiting) {
		return waiting.values()
			.stream()
			.filter((wait) -> wait.reason() == Reason.RELEASE)
			.map((wait) -> wait.revision().id())
			.toList();
	}

	private static boolean failed(Optional<LastRun> lastRun, List<HistoryEntry> history) {
		if (lastRun.isPresent()) {
			return lastRun.get().failed();
		}
		// no run here yet: another instance may have tried and failed
		return !history.isEmpty() && history.get(history.size() - 1).outcome() == Outcome.FAILED;
	}

	private static @Nullable DeclaredRevision find(MigrationCatalog catalog, String revision) {
		if (catalog.isRepeatable(revision)) {
			return catalog.get(revision);
		}
		Optional<RevisionNode> exact = catalog.graph().find(revision);
		if (exact.isPresent()) {
			return catalog.get(exact.get().id());
		}
		List<String> matches = catalog.graph()
			.topologicalOrder()
			.stream()
			.map(RevisionNode::id)
			.filter((id) -> id.startsWith(revision))
			.toList();
		if (matches.size() > 1) {
			throw new InvalidEndpointRequestException(
					"Revision prefix '" + revision + "' is ambiguous: it matches " + matches + "; give more of the id",
					"Ambiguous revision prefix");
		}
		return matches.isEmpty() ? null : catalog.get(matches.get(0));
	}

	private static Rendered render(Migrator migrator, String revision, Direction direction) {
		try {
			// the SQL of a revision that creates a role shows everything but the password
			return new Rendered(SecretText.mask(migrator.revisionSql(revision, direction)), null);
		}
		catch (RuntimeException ex) {
			// an irreversible revision has no downgrade SQL; the reason is the answer
			return new Rendered(null, SecretText.mask(ex.getMessage()));
		}
	}

	private static @Nullable List<String> currentOrNull(Migrator migrator) {
		try {
			return sorted(migrator.current());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String summary(RunResult result) {
		String waiting = result.waiting().isEmpty() ? ""
				: " " + result.waiting().size() + " revision(s) wait: " + String.join(", ",
						result.waiting().stream().map((wait) -> wait.revision().id() + " " + wait.describe()).toList())
						+ ".";
		if (result.isEmpty()) {
			return "Nothing to upgrade; the database is at " + describe(result.after()) + "." + waiting;
		}
		return "Upgraded " + describe(result.before()) + " -> " + describe(result.after()) + ": "
				+ result.steps().size() + " revision(s) in " + result.durationMs() + " ms." + waiting;
	}

	private static String describe(Set<String> revisions) {
		return revisions.isEmpty() ? "<base>" : String.join(", ", sorted(revisions));
	}

	private static List<String> sorted(Collection<String> ids) {
		return ids.stream().sorted().toList();
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	/**
	 * The outcome of a POST.
	 *
	 * @param descriptor what to answer
	 * @param rejected whether the request was refused before anything ran
	 */
	record Attempt(RunDescriptor descriptor, boolean rejected) {

	}

	private record Rendered(@Nullable String sql, @Nullable String error) {

	}

	/**
	 * The migrations of the application.
	 *
	 * @param status where the database stands against the target
	 * @param target the configured target
	 * @param current the current revisions of the database, the applied ones nothing applied
	 * revises
	 * @param heads the head revisions in code
	 * @param pending the revisions the target needs that are not applied, in the order a run
	 * applies them
	 * @param awaitingRelease the pending contract revisions that wait for an operator's
	 * release, in order
	 * @param history every recorded step, oldest first
	 * @param lastRun how the last run of this application ended, or {@code null}
	 * @param backfills where each backfill that has run stands, most recently active first,
	 * with its rate and time left while it runs in this application
	 * @param unfinished the steps that committed part of their work and stopped; the next run in
	 * their direction finishes them
	 * @param callbacks the SQL callbacks upgrades run, in the order of their events
	 * @param databases the same of each further database ({@code migrations.databases}), by name
	 * @param tenants where each tenant stands when the revisions run on tenants, else {@code null};
	 * then the top-level status sums theirs up, pending lists what any tenant lacks, and current
	 * and history (the application's own schema) are empty
	 */
	public record MigrationsDescriptor(MigrationStatus status, String target, List<String> current, List<String> heads,
			List<PendingDescriptor> pending, List<String> awaitingRelease, List<HistoryDescriptor> history,
			@Nullable LastRunDescriptor lastRun, List<BackfillDescriptor> backfills,
			List<UnfinishedDescriptor> unfinished, List<CallbackDescriptor> callbacks,
			Map<String, MigrationsDescriptor> databases, TenantsView.@Nullable TenantsDescriptor tenants)
			implements OperationResponseBody {

	}

	/**
	 * A Flyway SQL callback an upgrade runs.
	 *
	 * @param event the event, as Flyway names it, such as {@code afterMigrate}
	 * @param location the file
	 */
	public record CallbackDescriptor(String event, String location) {

	}

	private static List<CallbackDescriptor> callbacks(Migrator migrator) {
		List<CallbackDescriptor> callbacks = new ArrayList<>();
		for (SqlCallbacks.Event event : SqlCallbacks.Event.values()) {
			migrator.callbacks()
				.of(event)
				.forEach((script) -> callbacks.add(new CallbackDescriptor(event.flywayName(), script.location())));
		}
		return callbacks;
	}

	/**
	 * A step that committed part of its work and stopped.
	 *
	 * @param revision the revision
	 * @param direction {@code upgrade} or {@code downgrade}
	 * @param statementsDone how many of its statements are committed
	 */
	public record UnfinishedDescriptor(String revision, String direction, int statementsDone) {

		static UnfinishedDescriptor of(UnfinishedStep step) {
			return new UnfinishedDescriptor(step.revision(), step.direction().word(), step.statementsDone());
		}

	}

	/**
	 * Where a backfill stands.
	 *
	 * @param name the backfill's name (table, key, assignment and condition)
	 * @param rowsDone rows filled so far
	 * @param lastKey the last key done, or {@code null} before the first batch
	 * @param endKey the largest key when it started, where it stops
	 * @param done whether it finished
	 * @param updatedAt when its last batch committed
	 * @param rowsPerSecond its recent rate, or {@code null} unless it runs in this application
	 * @param secondsLeft the estimated seconds left, or {@code null} when unknown
	 * @param paused why it waits before its next batch (a standby's replay lag, autovacuum on its
	 * table), or {@code null} while it runs on
	 */
	public record BackfillDescriptor(String name, long rowsDone, @Nullable String lastKey, @Nullable String endKey,
			boolean done, @Nullable OffsetDateTime updatedAt, @Nullable Double rowsPerSecond,
			@Nullable Double secondsLeft, @Nullable String paused) {

		static BackfillDescriptor of(BackfillProgress progress, @Nullable BackfillPace pace) {
			return new BackfillDescriptor(progress.name(), progress.rowsDone(), progress.lastKey(), progress.endKey(),
					progress.done(), progress.updatedAt(), (pace != null) ? (double) Math.round(pace.rowsPerSecond()) : null,
					(pace != null && pace.secondsLeft() != null) ? Math.ceil(pace.secondsLeft()) : null,
					progress.paused());
		}

	}

	/**
	 * A revision the target needs that is not applied, with its stage, what it waits for and
	 * what the linter says of it.
	 *
	 * @param revision the revision id
	 * @param message the revision message
	 * @param stage {@code startup}, {@code background} or {@code contract}
	 * @param waiting what it waits for, such as {@code awaits release}, or {@code null} when
	 * the next triggered run applies it
	 * @param lint the linter's errors and warnings for this revision (suppressed ones excluded)
	 */
	public record PendingDescriptor(String revision, String message, String stage, @Nullable String waiting,
			List<LintDescriptor> lint) {

		static PendingDescriptor of(DeclaredRevision revision, @Nullable Waiting waiting, LintReport report) {
			List<LintDescriptor> findings = (report != null) ? report.findings()
				.stream()
				.filter((finding) -> finding.revision().equals(revision.id()))
				.map(LintDescriptor::of)
				.toList() : List.of();
			return new PendingDescriptor(revision.id(), revision.message(), revision.stage().value(),
					(waiting != null) ? waiting.describe() : null, findings);
		}

	}

	/**
	 * A pending revision a run left waiting.
	 *
	 * @param revision the revision id
	 * @param stage {@code startup}, {@code background} or {@code contract}
	 * @param waiting what it waits for, such as {@code awaits release}
	 */
	public record WaitingDescriptor(String revision, String stage, String waiting) {

		static WaitingDescriptor of(Waiting waiting) {
			return new WaitingDescriptor(waiting.revision().id(), waiting.revision().stage().value(),
					waiting.describe());
		}

	}

	/**
	 * One lint finding of a pending revision.
	 *
	 * @param rule the rule id
	 * @param severity ERROR or WARNING
	 * @param statement the statement or operation it is about
	 */
	public record LintDescriptor(String rule, String severity, String statement) {

		static LintDescriptor of(Finding finding) {
			return new LintDescriptor(finding.ruleId(), finding.rule().severity().name(), finding.statement());
		}

	}

	/**
	 * One recorded step.
	 *
	 * @param revision the revision id
	 * @param message the revision message at the time
	 * @param action {@code upgrade}, {@code downgrade} or {@code stamp}
	 * @param direction {@code upgrade} when the step marked the revision applied, {@code downgrade}
	 * when it marked it reverted; {@code null} for rows older than this field
	 * @param outcome {@code success} or {@code failed}
	 * @param appliedAt when the step finished
	 * @param durationMs how long it took
	 * @param retries how often it was retried after a lock timeout
	 * @param appliedBy the database user that ran it
	 * @param error why it failed, or {@code null}
	 */
	public record HistoryDescriptor(String revision, String message, String action, @Nullable String direction,
			String outcome, @Nullable Instant appliedAt, long durationMs, int retries, String appliedBy,
			@Nullable String error) {

		static HistoryDescriptor of(HistoryEntry entry) {
			return new HistoryDescriptor(entry.revision(), entry.message(), entry.action().value(),
					(entry.direction() != null) ? entry.direction().value() : null, entry.outcome().value(), instant(entry.appliedAt()), entry.durationMs(), entry.retries(),
					entry.appliedBy(), SecretText.mask(entry.error()));
		}

	}

	/**
	 * How the last run of this application ended.
	 *
	 * @param action {@code upgrade}, {@code downgrade} or {@code stamp}
	 * @param finishedAt when it ended
	 * @param outcome {@code success} or {@code failed}
	 * @param failure why it failed, or {@code null}
	 */
	public record LastRunDescriptor(String action, Instant finishedAt, String outcome, @Nullable String failure) {

		static LastRunDescriptor of(LastRun run) {
			return new LastRunDescriptor(run.action().value(), run.finishedAt(),
					(run.failed() ? Outcome.FAILED : Outcome.SUCCESS).value(), SecretText.mask(run.failure()));
		}

	}

	/**
	 * One revision and its SQL.
	 *
	 * @param revision the revision id
	 * @param message the revision message
	 * @param revises the revisions it revises
	 * @param dependsOn the revisions it depends on
	 * @param branchLabels its branch labels
	 * @param transactional whether it runs in one transaction
	 * @param applied whether the database has it
	 * @param appliedAt when it was applied, or {@code null}
	 * @param upgradeSql the SQL of its upgrade, or {@code null} when it cannot be rendered
	 * @param upgradeSqlError why the upgrade SQL cannot be rendered, or {@code null}
	 * @param downgradeSql the SQL of its downgrade, or {@code null} when it cannot be
	 * rendered
	 * @param downgradeSqlError why the downgrade SQL cannot be rendered, such as an
	 * irreversible operation, or {@code null}
	 */
	public record RevisionDescriptor(String revision, String message, List<String> revises, List<String> dependsOn,
			List<String> branchLabels, boolean transactional, boolean applied, @Nullable Instant appliedAt,
			@Nullable String upgradeSql, @Nullable String upgradeSqlError, @Nullable String downgradeSql,
			@Nullable String downgradeSqlError) implements OperationResponseBody {

	}

	/**
	 * What a triggered run did.
	 *
	 * @param status {@code UP_TO_DATE} or {@code PENDING} after a run that completed,
	 * {@code RUNNING} when another run was in progress so none started, {@code FAILED}
	 * when it did not run or stopped
	 * @param target the target of the run
	 * @param message a one-line summary, or why it failed
	 * @param before the current revisions before the run, or {@code null} when unknown
	 * @param current the current revisions after the run, or {@code null} when unknown
	 * @param applied the steps it completed, in order
	 * @param durationMs how long the run took, or {@code null} when it did not complete
	 * @param waiting the pending revisions the run left for a release, in order
	 * @param tenants what the run did for each tenant, when the revisions run on tenants, else {@code null}
	 */
	public record RunDescriptor(MigrationStatus status, String target, @Nullable String message,
			@Nullable List<String> before, @Nullable List<String> current, List<StepDescriptor> applied,
			@Nullable Long durationMs, List<WaitingDescriptor> waiting,
			@Nullable List<TenantsView.TenantRunDescriptor> tenants) implements OperationResponseBody {

		public RunDescriptor {
			message = SecretText.mask(message);
		}

		static RunDescriptor failed(String target, @Nullable String message, @Nullable List<String> before,
				@Nullable List<String> current, List<StepDescriptor> applied) {
			return new RunDescriptor(MigrationStatus.FAILED, target, message, before, current, applied, null,
					List.of(), null);
		}

	}

	/**
	 * One step a run completed.
	 *
	 * @param revision the revision id
	 * @param message the revision message
	 * @param direction {@code upgrade} or {@code downgrade}
	 * @param durationMs how long it took
	 * @param retries how often it was retried after a lock timeout
	 * @param statements how many statements it ran
	 */
	public record StepDescriptor(String revision, String message, String direction, long durationMs, int retries,
			int statements) {

		static StepDescriptor of(AppliedStep step) {
			return new StepDescriptor(step.revision(), step.message(), step.direction().word(), step.durationMs(),
					step.retries(), step.statements());
		}

	}

}
