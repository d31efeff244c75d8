package dev.migration.autoconfigure.command;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The commands {@code migrations.command} accepts. */
public enum MigrationCommand {

	/** Applies pending revisions up to the target. */
	UPGRADE,

	/** Reverts revisions down to an explicit target. */
	DOWNGRADE,

	/** Prints the database's current revisions. */
	CURRENT,

	/** Prints the history log. */
	HISTORY,

	/** Prints the heads of the revisions in code. */
	HEADS,

	/** Prints the revisions an upgrade to the target would apply. */
	PENDING,

	/** Prints the offline SQL script of a range, touching nothing. */
	SQL,

	/** Checks the revisions for unsafe operations. */
	LINT,

	/**
	 * Replays the revisions on a scratch database with rows in their tables and prints what
	 * PostgreSQL did (locks, rewrites, scans, time under each lock) beside the lint findings.
	 */
	TRACE,

	/** Marks the database as being at the target without running migrations. */
	STAMP,

	/** Takes over a database that Flyway or Liquibase migrated: marks what it applied, runs nothing. */
	ADOPT,

	/** Records the code's checksum of applied revisions whose code changed, runs nothing. */
	REPAIR,

	/** Fails unless the database is at heads and matches the code. */
	CHECK,

	/**
	 * Fails, listing each difference, unless the schema Hibernate makes from the application's
	 * entities matches the one the revisions make, both built on scratch databases.
	 */
	CHECK_MODEL,

	/** Writes the skeleton of a new revision that revises the head, into the source folder. */
	REVISION,

	/** Writes a merge revision that revises every head. */
	MERGE,

	/**
	 * Writes one revision that rebuilds the history up to the target (or what Liquibase built),
	 * read from the catalog of a database that history built.
	 */
	SQUASH;

	/**
	 * Returns the command as written in {@code migrations.command}.
	 * @return the lower-case name
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Returns whether the command changes the database, so its log is part of the record of
	 * a deployment; the others only print.
	 * @return whether this is upgrade, downgrade, stamp, adopt or repair
	 */
	public boolean changesTheDatabase() {
		return this == UPGRADE || this == DOWNGRADE || this == STAMP || this == ADOPT || this == REPAIR;
	}

	/**
	 * Returns whether the command can do without the application's database: it reads the
	 * code and the project (and {@code trace} a scratch database of its own), so it runs with
	 * no connection configured, as in a CI job.
	 * @return whether this is lint, sql, heads, trace, revision, merge or check-model
	 */
	public boolean worksWithoutTheDatabase() {
		return this == LINT || this == SQL || this == HEADS || this == TRACE || this == REVISION || this == MERGE
				|| this == CHECK_MODEL;
	}

	/**
	 * Returns the command a {@code migrations.command} value names.
	 * @param value the value, case and surrounding whitespace ignored
	 * @return the command
	 * @throws CommandException when no command has that name
	 */
	public static MigrationCommand of(String value) {
		String name = (value != null) ? value.strip() : "";
		return Arrays.stream(values())
			.filter((command) -> command.value().equalsIgnoreCase(name))
			.findFirst()
			.orElseThrow(() -> new CommandException(CommandExit.USAGE, "Unknown migrations.command '" + name
					+ "'; use one of: " + names() + "."));
	}

	private static String names() {
		return Arrays.stream(values()).map(MigrationCommand::value).collect(Collectors.joining(", "));
	}

}
