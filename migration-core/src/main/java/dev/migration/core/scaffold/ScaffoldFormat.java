package dev.migration.core.scaffold;

/** What {@code revision} and {@code merge} write: what the history ends with, a Java class or a SQL file. */
public enum ScaffoldFormat {

	/**
	 * A SQL file when a head it revises is a versioned SQL file, a Java class otherwise, so a
	 * history keeps to the form it has.
	 */
	AUTO,

	/** A Java class, in the package of the newest Java revision or {@code migrations.scaffold.package-name}. */
	JAVA,

	/** A versioned SQL file, {@code V<next version>__<message>.sql}. */
	SQL

}
