package dev.migration.core.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a SQL migration's file name says: versioned ({@code V<version>__<description>.sql}),
 * its undo ({@code U<version>__<description>.sql}), repeatable ({@code R__<description>.sql})
 * or a baseline that squashes the versioned files up to it ({@code B<version>__<description>.sql}).
 *
 * @param kind versioned, undo, repeatable or baseline
 * @param version the version, or {@code null} for a repeatable file
 * @param description the description, underscores read as spaces
 */
public record SqlFileName(Kind kind, MigrationVersion version, String description) {

	/** Where the id of a repeatable script starts, followed by its description as the file names it. */
	public static final String REPEATABLE_PREFIX = "R__";

	// as in Flyway 11, asked of it: the suffix in any case (V2__x.SQL is a migration), the prefix as written
	private static final Pattern VERSIONED = Pattern.compile("([VUB])([0-9][0-9._]*)__(.+)\\.(?i:sql)");

	private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.(?i:sql)");

	/** Flyway's SQL callbacks, such as afterMigrate.sql or beforeEachMigrate__audit.sql. */
	private static final Pattern FLYWAY_CALLBACK = Pattern
		.compile("((?:before|after)[A-Z][A-Za-z]*|createSchema)(?:__.*)?\\.(?i:sql)");

	/**
	 * Reads a file name.
	 * @param fileName the name without its folder
	 * @return the parsed name
	 * @throws InvalidSqlMigrationException when the name follows none of the three forms
	 */
	public static SqlFileName parse(String fileName) {
		return parse(fileName, fileName);
	}

	/**
	 * Reads the name of a file found at a location.
	 * @param fileName the name without its folder
	 * @param location where the file is, for the message when its name does not parse
	 * @return the parsed name
	 * @throws InvalidSqlMigrationException naming the location when the name follows none of
	 * the three forms
	 */
	public static SqlFileName parse(String fileName, String location) {
		Matcher versioned = VERSIONED.matcher(fileName);
		if (versioned.matches()) {
			MigrationVersion version;
			try {
				version = MigrationVersion.parse(trimSeparators(versioned.group(2)));
			}
			catch (RuntimeException ex) {
				throw invalid(location);
			}
			Kind kind = switch (versioned.group(1)) {
				case "V" -> Kind.VERSIONED;
				case "B" -> Kind.BASELINE;
				default -> Kind.UNDO;
			};
			return new SqlFileName(kind, version, describe(versioned.group(3)));
		}
		Matcher repeatable = REPEATABLE.matcher(fileName);
		if (repeatable.matches()) {
			return new SqlFileName(Kind.REPEATABLE, null, describe(repeatable.group(1)));
		}
		String event = callbackEvent(fileName);
		if (event != null) {
			throw new InvalidSqlMigrationException(location, 0, "it is a Flyway callback script (" + event
					+ "), which runs at an event, not as a revision; the starter runs the callbacks of its "
					+ "migrations.locations (SqlCallbacks), or move it out of them");
		}
		throw invalid(location);
	}

	/**
	 * Returns the version of a versioned or undo file as its name writes it, zeros and
	 * separators kept, such as {@code 0007} for {@code V0007__x.sql} or {@code 1_2} for
	 * {@code V1_2__x.sql}: the id ({@code V7}) drops them, but the next file should keep them.
	 * @param fileName the name without its folder
	 * @return the version as written, or {@code null} when the name is no versioned or undo file's
	 */
	public static String writtenVersion(String fileName) {
		Matcher versioned = VERSIONED.matcher(fileName);
		return versioned.matches() ? trimSeparators(versioned.group(2)) : null;
	}

	/**
	 * Returns the Flyway event a callback file is named after, such as {@code afterMigrate} for
	 * {@code afterMigrate__grants.sql}.
	 * @param fileName the name without its folder
	 * @return the event, or {@code null} when the name is no callback's
	 */
	public static String callbackEvent(String fileName) {
		Matcher callback = FLYWAY_CALLBACK.matcher(fileName);
		return callback.matches() ? callback.group(1) : null;
	}

	/**
	 * Returns the revision id of this file: {@code V<version>} for a versioned or undo file,
	 * such as {@code V1.2}; the file name without {@code .sql} for a repeatable one, such as
	 * {@code R__customer_views}.
	 * @return the revision id
	 */
	public String revisionId() {
		return switch (this.kind) {
			case REPEATABLE -> REPEATABLE_PREFIX + this.description.replace(' ', '_');
			case BASELINE -> "B" + this.version;
			default -> "V" + this.version;
		};
	}

	private static String trimSeparators(String version) {
		// "V1__x" has the version "1"; a trailing separator belongs to the "__"
		int end = version.length();
		while (end > 0 && (version.charAt(end - 1) == '_' || version.charAt(end - 1) == '.')) {
			end--;
		}
		return version.substring(0, end);
	}

	private static String describe(String raw) {
		return raw.replace('_', ' ').trim();
	}

	private static InvalidSqlMigrationException invalid(String fileName) {
		return new InvalidSqlMigrationException(fileName, 0, "the name follows none of the forms "
				+ "V<version>__<description>.sql, U<version>__<description>.sql, R__<description>.sql or "
				+ "B<version>__<description>.sql "
				+ "(such as V1.2__add_customer_email.sql); rename it, move it out of migrations.locations, or, when it "
				+ "is no migration, list it in migrations.ignore-files (such as rollback/*.sql)");
	}

	/** The kinds of SQL migration files. */
	public enum Kind {

		/** Applied once, in version order. */
		VERSIONED,

		/** The downgrade of the versioned file of the same version. */
		UNDO,

		/** Applied again whenever its content changes. */
		REPEATABLE,

		/**
		 * A squash of every versioned file up to its version (as Flyway's baseline
		 * migrations): run on a new database in their place, counted as applied where they are.
		 */
		BASELINE

	}

}
