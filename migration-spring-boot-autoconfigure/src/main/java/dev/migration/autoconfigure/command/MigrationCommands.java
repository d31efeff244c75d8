package dev.migration.autoconfigure.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.execute.Direction;
import dev.migration.core.history.Action;
import dev.migration.core.history.HistoryEntry;
import dev.migration.core.lint.DatabaseFacts;
import dev.migration.core.lint.LintReport;
import dev.migration.core.lint.LintReportRenderer;
import dev.migration.core.lint.NotCheckedPolicy;
import dev.migration.core.lint.Linter;
import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.ChecksumMismatchException.ChecksumMismatch;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunPlan;
import dev.migration.core.run.RunPlan.Waiting;
import dev.migration.core.run.RunResult;
import dev.migration.core.run.RunScope;
import dev.migration.core.run.UnfinishedStep;
import dev.migration.core.run.ValidationReport;
import dev.migration.core.scaffold.ProjectDirectory;
import dev.migration.core.scaffold.ProjectRevisions;
import dev.migration.core.scaffold.RevisionBody;
import dev.migration.core.scaffold.RevisionScaffold;
import dev.migration.core.scaffold.RevisionSource;
import dev.migration.core.scaffold.ScaffoldFormat;
import dev.migration.core.scaffold.SquashTemplate;
import dev.migration.core.scaffold.SqlLocations;
import dev.migration.core.snapshot.Drift;
import dev.migration.core.trace.HistoryTrace;

/**
 * What each {@link MigrationCommand} does with the engine and how it prints its result.
 * Upgrade, downgrade and stamp call the {@link Migrator} itself rather than the
 * application's single-flight runs: a second Job or init container then waits for the
 * migration lock ({@code migrations.lock-wait}) and finds nothing left to do, instead of
 * failing because another pod is running.
 */
public class MigrationCommands {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

	private final Migrator migrator;

	private final NotCheckedPolicy notChecked;

	private final MigrationProperties.Scaffold scaffold;

	private final MigrationProperties.Squash squash;

	private final MigrationProperties.Trace trace;

	private final SqlLocations sqlLocations;

	/**
	 * Creates the commands of one migrator, with new revisions going into the project found from the application.
	 * @param migrator the engine
	 */
	public MigrationCommands(Migrator migrator) {
		this(migrator, new MigrationProperties.Scaffold());
	}

	/**
	 * Creates the commands of one migrator.
	 * @param migrator the engine, with its upgrade checks (the lint gate)
	 * @param scaffold where {@code revision} and {@code merge} write new classes
	 */
	public MigrationCommands(Migrator migrator, MigrationProperties.Scaffold scaffold) {
		this(migrator, scaffold, NotCheckedPolicy.DEFAULT);
	}

	/**
	 * Creates the commands of one migrator.
	 * @param migrator the engine, with its upgrade checks (the lint gate)
	 * @param scaffold where {@code revision} and {@code merge} write new classes
	 * @param notChecked whether {@code lint} fails on a statement it could not read
	 */
	public MigrationCommands(Migrator migrator, MigrationProperties.Scaffold scaffold, NotCheckedPolicy notChecked) {
		this(migrator, scaffold, notChecked, new MigrationProperties.Trace());
	}

	/**
	 * Creates the commands of one migrator.
	 * @param migrator the engine, with its upgrade checks (the lint gate)
	 * @param scaffold where {@code revision} and {@code merge} write new classes
	 * @param notChecked whether {@code lint} fails on a statement it could not read
	 * @param trace where {@code trace} gets its scratch database, and how many rows it seeds
	 */
	public MigrationCommands(Migrator migrator, MigrationProperties.Scaffold scaffold, NotCheckedPolicy notChecked,
			MigrationProperties.Trace trace) {
		this(migrator, scaffold, notChecked, trace, SqlLocations.defaults());
	}

	/**
	 * Creates the commands of one migrator.
	 * @param migrator the engine, with its upgrade checks (the lint gate)
	 * @param scaffold where {@code revision} and {@code merge} write new revisions
	 * @param notChecked whether {@code lint} fails on a statement it could not read
	 * @param trace where {@code trace} gets its scratch database, and how many rows it seeds
	 * @param sqlLocations where the application reads SQL files, which {@code revision} and
	 * {@code merge} read in the project's folders
	 */
	public MigrationCommands(Migrator migrator, MigrationProperties.Scaffold scaffold, NotCheckedPolicy notChecked,
			MigrationProperties.Trace trace, SqlLocations sqlLocations) {
		this(migrator, scaffold, notChecked, trace, sqlLocations, new MigrationProperties.Squash());
	}

	/**
	 * Creates the commands of one migrator.
	 * @param migrator the engine, with its upgrade checks (the lint gate)
	 * @param scaffold where {@code revision}, {@code merge} and {@code squash} write new revisions
	 * @param notChecked whether {@code lint} fails on a statement it could not read
	 * @param trace where {@code trace} and {@code squash} get their scratch database
	 * @param sqlLocations where the application reads SQL files, which the scaffolding reads in
	 * the project's folders
	 * @param squash what {@code squash} reads, and the id it gives
	 */
	public MigrationCommands(Migrator migrator, MigrationProperties.Scaffold scaffold, NotCheckedPolicy notChecked,
			MigrationProperties.Trace trace, SqlLocations sqlLocations, MigrationProperties.Squash squash) {
		this.squash = Objects.requireNonNull(squash, "squash");
		this.migrator = Objects.requireNonNull(migrator, "migrator");
		this.scaffold = Objects.requireNonNull(scaffold, "scaffold");
		this.notChecked = Objects.requireNonNull(notChecked, "notChecked");
		this.trace = Objects.requireNonNull(trace, "trace");
		this.sqlLocations = Objects.requireNonNull(sqlLocations, "sqlLocations");
	}

	/**
	 * Returns the same commands on another engine, such as one tenant's.
	 * @param other the engine
	 * @return the commands
	 */
	public MigrationCommands withMigrator(Migrator other) {
		return new MigrationCommands(other, this.scaffold, this.notChecked, this.trace, this.sqlLocations, this.squash);
	}

	/**
	 * Runs a command and prints its result.
	 * @param command the command
	 * @param target {@code migrations.target}
	 * @param out where the result goes
	 * @throws CommandException when the command cannot run as given or finds something wrong
	 * @throws RuntimeException whatever the engine throws
	 */
	public void run(MigrationCommand command, String target, PrintStream out) {
		switch (command) {
			case UPGRADE -> printRun(this.migrator.upgrade(target), out);
			case REVISION -> printWritten(scaffold().revision(this.scaffold.getMessage(), Clock.systemDefaultZone()),
					out);
			case MERGE -> printWritten(scaffold().merge(
					(this.scaffold.getMessage() != null) ? this.scaffold.getMessage() : "merge heads",
					Clock.systemDefaultZone()), out);
			case DOWNGRADE -> printRun(this.migrator.downgrade(explicitDowngradeTarget(target)), out);
			case STAMP -> printStamp(this.migrator.stamp(target), out);
			case ADOPT -> printAdopt(this.migrator.adopt(), out);
			case REPAIR -> printRepair(this.migrator.repair(target), out);
			case CURRENT -> printIds(this.migrator.current(), out);
			case HEADS -> printIds(this.migrator.heads(), out);
			case HISTORY -> printHistory(this.migrator.history(), out);
			case PENDING -> printPending(this.migrator.plan(target, RunScope.RELEASED), target, out);
			case SQL -> out.print(sql(SqlRange.parse(target)));
			case CHECK -> check(out);
			case LINT -> lint(out);
			case TRACE -> trace(target, out);
			case SQUASH -> squash(target, out);
		}
	}

	private static String explicitDowngradeTarget(String target) {
		if (target == null || target.isBlank() || target.strip().equals("heads")) {
			throw new CommandException(CommandExit.USAGE, "downgrade needs an explicit target: set "
					+ "--migrations.target to a revision id, -1 or base (the default, heads, reverts nothing).");
		}
		return target;
	}

	private String sql(SqlRange range) {
		return range.isDowngrade(this.migrator.catalog().graph())
				? this.migrator.downgradeSql(range.from(), range.to())
				: this.migrator.upgradeSql(range.from(), range.to());
	}

	private void lint(PrintStream out) {
		List<DeclaredRevision> revisions = new ArrayList<>(Linter.inOrder(this.migrator.catalog()));
		// what a callback runs is judged as what a revision runs
		revisions.addAll(this.migrator.callbacks().asRevisions(true));
		LintReport report = Linter.lint(revisions, this.migrator.catalog().recordings(), DatabaseFacts.NONE);
		out.print(LintReportRenderer.render(report, this.notChecked));
		int failures = report.failures(this.notChecked).size();
		if (failures > 0) {
			int unread = failures - report.errors().size();
			throw new CommandException(CommandExit.FAILURE, "lint failed: " + failures + " error(s)"
					+ ((unread > 0) ? ", " + unread + " of them statement(s) the linter could not judge" : "")
					+ ". Make each change the safe way shown, or accept it with @AllowUnsafe(rule, reason) on the "
					+ "revision (in a SQL file: a line '-- allow-unsafe: <rule> <reason>' at the top)"
					+ ((unread > 0) ? "; migrations.lint-not-checked=warn lets those through as warnings"
							: "")
					+ ".");
		}
	}

	private void trace(String target, PrintStream out) {
		HistoryTrace trace;
		try (TraceScratch scratch = TraceScratch.open(this.trace)) {
			out.println("Tracing on " + scratch.description() + ", dropped after; " + this.trace.getRows()
					+ " rows seeded into each empty table a revision touches.");
			trace = this.migrator.trace(scratch.dataSource(), (target != null) ? target : "heads", this.trace.getRows());
		}
		out.print(trace.render());
		List<String> problems = trace.problems();
		if (!problems.isEmpty()) {
			throw new CommandException(CommandExit.FAILURE, "trace found " + problems.size() + " problem(s): "
					+ String.join("; ", problems) + ". A revision that fails on the scratch database fails in "
					+ "production too: fix it. What PostgreSQL did that no lint finding names is shown on standard "
					+ "output: make the change the safe way, or, for a statement the linter could not read, accept "
					+ "it once reviewed with @AllowUnsafe(rule = \"not-checked\", reason = \"...\") (in a SQL file: "
					+ "'-- allow-unsafe: not-checked <reason>'); any other is a gap of the linter to report.");
		}
	}

	private void squash(String target, PrintStream out) {
		String from = String.valueOf(this.squash.getFrom()).strip();
		SquashTemplate.Squash squash;
		boolean sql;
		if (from.equalsIgnoreCase("liquibase")) {
			squash = this.migrator.squashLiquibase(newId(), LocalDate.now(), this.squash.getMaxRows());
			sql = this.scaffold.getFormat() == ScaffoldFormat.SQL;
		}
		else if (from.equalsIgnoreCase("history")) {
			try (TraceScratch scratch = TraceScratch.open(this.trace)) {
				out.println("Squashing on " + scratch.description() + ", dropped after.");
				squash = this.migrator.squash(scratch.dataSource(), (target != null) ? target : "heads", newId(),
						LocalDate.now());
			}
			sql = (this.scaffold.getFormat() == ScaffoldFormat.AUTO) ? this.migrator.isSqlHistory(squash)
					: this.scaffold.getFormat() == ScaffoldFormat.SQL;
		}
		else {
			throw new CommandException(CommandExit.USAGE, "migrations.squash.from '" + from + "' names nothing to "
					+ "squash: use history (the revisions, up to migrations.target) or liquibase (the database "
					+ "Liquibase updated).");
		}
		RevisionSource source = scaffold().squash(squash, sql);
		Path file = source.write();
		out.println("Wrote squash " + source.id() + ", replacing " + squash.replaces().size() + " revision(s) "
				+ "up to " + squash.replaces().get(squash.replaces().size() - 1) + ", to " + file);
		out.println("Prove it with MigrationTester.assertSquashMatchesHistory(\"" + source.id() + "\") while the "
				+ "revisions it replaces are in code; delete them once every database is past them.");
	}

	private String newId() {
		String id = this.squash.getId();
		return (id != null && !id.isBlank()) ? id.strip() : UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	private void check(PrintStream out) {
		Set<String> current = this.migrator.current();
		List<String> problems = new ArrayList<>();
		List<DeclaredRevision> pending = this.migrator.pending("heads");
		if (!pending.isEmpty()) {
			problems.add(pending.size() + " revision(s) pending: "
					+ String.join(", ", pending.stream().map(DeclaredRevision::id).toList()));
		}
		ValidationReport report = this.migrator.validate();
		if (!report.unknown().isEmpty()) {
			problems.add("applied revision(s) the code does not declare: " + String.join(", ", report.unknown()));
		}
		if (!report.changed().isEmpty()) {
			problems.add("applied revision(s) whose code changed since they ran: "
					+ String.join(", ", report.changed().stream().map(ChecksumMismatch::revision).toList()));
		}
		List<UnfinishedStep> unfinished = this.migrator.unfinished();
		unfinished.forEach((step) -> problems.add(step.describe()));
		Optional<Drift> drift = this.migrator.drift();
		if (drift.isPresent() && !drift.get().isEmpty()) {
			// the list goes with the results; the one-line failure on standard error points to it
			out.println("Changes made outside migrations, found by the run of " + timestamp(drift.get().since())
					+ " or since:");
			out.print(drift.get().describe());
			out.println(unfinished.isEmpty() ? "Undo them, or accept them as intended with --migrations.command=stamp "
					+ "--migrations.target=" + String.join(",", current) + ", which stores the live schema."
					: "A step that stopped halfway may have made some of them: finish it first.");
			problems.add(drift.get().diff().differences().size()
					+ " change(s) made outside migrations (listed on standard output)");
		}
		if (!problems.isEmpty()) {
			throw new CommandException(CommandExit.FAILURE, "check failed: " + String.join("; ", problems) + ".");
		}
		out.println("OK: the database is at heads (" + describe(current) + ") and matches the code.");
		if (drift.isEmpty()) {
			out.println("No schema snapshot is stored yet, so changes made by hand cannot be told; the next upgrade, "
					+ "downgrade or stamp stores one.");
		}
	}

	private static void printRun(RunResult result, PrintStream out) {
		String verb = result.action().value();
		if (result.isEmpty()) {
			out.println("Nothing to " + verb + ": the database is at " + describe(result.after()) + ".");
			printWaiting(result.waiting(), out);
			return;
		}
		out.println(capitalized(verb) + "d " + describe(result.before()) + " -> " + describe(result.after()) + ": "
				+ result.steps().size() + " revision(s) in " + result.durationMs() + " ms");
		TextTable table = TextTable.withHeader("REVISION", "MESSAGE", "DURATION", "RETRIES");
		for (AppliedStep step : result.steps()) {
			table.row(step.revision(), step.message(), step.durationMs() + " ms", step.retries());
		}
		out.print(table.render());
		printWaiting(result.waiting(), out);
	}

	private static void printStamp(RunResult result, PrintStream out) {
		if (result.isEmpty()) {
			out.println("Nothing to stamp: the database is at " + describe(result.after()) + ".");
			return;
		}
		out.println("Stamped " + describe(result.before()) + " -> " + describe(result.after()) + ": "
				+ result.steps().size() + " revision(s) marked without running them");
		TextTable table = TextTable.withHeader("REVISION", "MESSAGE", "MARKED");
		for (AppliedStep step : result.steps()) {
			table.row(step.revision(), step.message(),
					(step.direction() == Direction.UPGRADE) ? "applied" : "reverted");
		}
		out.print(table.render());
	}

	private void printAdopt(RunResult result, PrintStream out) {
		if (result.isEmpty()) {
			out.println("Nothing to adopt: the database has no " + this.migrator.settings().flywayTable() + " or "
					+ this.migrator.settings().liquibaseTable() + ", or already a history of this project; it is at "
					+ describe(result.after()) + ".");
			return;
		}
		printStamp(result, out);
	}

	private static void printRepair(RunResult result, PrintStream out) {
		if (result.isEmpty()) {
			out.println("Nothing to repair: every applied revision's code has the checksum it ran with.");
			return;
		}
		out.println("Recorded the code's checksum of " + result.steps().size() + " revision(s), nothing run:");
		result.steps().forEach((step) -> out.println(step.revision() + "  " + step.message()));
	}

	private static void printIds(Collection<String> ids, PrintStream out) {
		if (ids.isEmpty()) {
			out.println("<base>");
			return;
		}
		ids.forEach(out::println);
	}

	private static void printHistory(List<HistoryEntry> history, PrintStream out) {
		if (history.isEmpty()) {
			out.println("No history: nothing was applied, reverted or stamped yet.");
			return;
		}
		TextTable table = TextTable.withHeader("REVISION", "MESSAGE", "APPLIED AT", "DURATION", "ACTION", "OUTCOME");
		for (HistoryEntry entry : history) {
			table.row(entry.revision(), entry.message(), timestamp(entry.appliedAt()), entry.durationMs() + " ms",
					action(entry), entry.outcome().value());
		}
		out.print(table.render());
	}

	/** A stamp says which way it moved the revision, as an upgrade or a downgrade does by its name. */
	private static String action(HistoryEntry entry) {
		if (entry.action() != Action.STAMP || entry.direction() == null) {
			return entry.action().value();
		}
		return entry.action().value() + ((entry.direction() == Action.UPGRADE) ? " (applied)" : " (reverted)");
	}

	private static void printPending(RunPlan plan, String target, PrintStream out) {
		if (plan.now().isEmpty() && plan.waiting().isEmpty()) {
			out.println("Nothing pending up to " + target.strip() + ".");
			return;
		}
		TextTable table = TextTable.withHeader("REVISION", "MESSAGE", "STAGE", "WAITING");
		plan.now().forEach((revision) -> table.row(revision.id(), revision.message(), revision.stage().value(), ""));
		out.print(withWaiting(table, plan.waiting()).render());
	}

	private static void printWaiting(List<Waiting> waiting, PrintStream out) {
		if (waiting.isEmpty()) {
			return;
		}
		out.println(waiting.size() + " revision(s) wait; release contract revisions with --migrations.release=<id>:");
		out.print(withWaiting(TextTable.withHeader("REVISION", "MESSAGE", "STAGE", "WAITING"), waiting).render());
	}

	private static TextTable withWaiting(TextTable table, List<Waiting> waiting) {
		waiting.forEach((wait) -> table.row(wait.revision().id(), wait.revision().message(),
				wait.revision().stage().value(), wait.describe()));
		return table;
	}

	private static String timestamp(OffsetDateTime time) {
		return (time != null) ? TIMESTAMP.format(time) : "";
	}

	private static String describe(Set<String> current) {
		return current.isEmpty() ? "<base>" : String.join(", ", current);
	}

	private static String capitalized(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	/** The revisions as the project's sources have them, not only as the application was last built. */
	private RevisionScaffold scaffold() {
		ProjectRevisions revisions = ProjectRevisions.read(project(), this.sqlLocations, this.migrator.catalog());
		return new RevisionScaffold(revisions, this.scaffold.getPackageName(), this.scaffold.getFormat());
	}

	private ProjectDirectory project() {
		String directory = this.scaffold.getDirectory();
		return (directory != null && !directory.isBlank()) ? ProjectDirectory.of(Path.of(directory.strip()))
				: ProjectDirectory.find(ApplicationLocations.of(this.migrator.catalog()));
	}

	/**
	 * Writes a new Java revision holding operations a tool wrote, on top of the single head,
	 * where {@code revision} writes its classes.
	 * @param body the operations and what the class says of them
	 * @param out where the file written is told
	 */
	public void writeRevision(RevisionBody body, PrintStream out) {
		printWritten(scaffold().revision(this.scaffold.getMessage(), Clock.systemDefaultZone(), body), out);
	}

	private static void printWritten(RevisionSource source, PrintStream out) {
		Path file = source.write();
		String revises = source.revises().isEmpty() ? "the first" : "revising " + String.join(", ", source.revises());
		out.println("Wrote revision " + source.id() + ", " + revises + ", to " + file);
	}

}
