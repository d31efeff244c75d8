package dev.migration.core.lint;

/**
 * The linter's rules, each with its id (what {@code @AllowUnsafe} names), its severity, why it
 * is unsafe and the safe way.
 */
public enum Rule {

	INDEX_NOT_CONCURRENT("index-not-concurrent", Severity.ERROR,
			"CREATE INDEX without CONCURRENTLY blocks every write to the table until the index is built.",
			"Create it CONCURRENTLY in a revision of its own with transactional = false."),

	DROP_INDEX_NOT_CONCURRENT("drop-index-not-concurrent", Severity.ERROR,
			"DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock, so reads and writes queue behind it.",
			"Drop it CONCURRENTLY in a revision of its own with transactional = false."),

	CONSTRAINT_NOT_VALID("constraint-not-valid", Severity.ERROR,
			"Adding a foreign key or check constraint scans the whole table while holding a lock that blocks writes.",
			"Add it NOT VALID, then VALIDATE CONSTRAINT in a later revision (validation blocks no writes); "
					+ "op.addForeignKeyOnline does both in one call."),

	VALIDATE_SAME_TRANSACTION("validate-same-transaction", Severity.ERROR,
			"VALIDATE in the transaction that added the constraint keeps the adding lock for the whole scan, "
					+ "so NOT VALID gains nothing.",
			"Validate in a later revision, or in a revision with transactional = false."),

	SET_NOT_NULL("set-not-null", Severity.ERROR,
			"SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes.",
			"Add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in a later revision, then SET NOT NULL "
					+ "(PostgreSQL 12+ skips the scan) and drop the check: op.setNotNullOnline in one call."),

	REQUIRED_COLUMN_WITHOUT_DEFAULT("required-column-without-default", Severity.ERROR,
			"A NOT NULL column without a default fails on a table with rows, and running code that inserts "
					+ "without it breaks.",
			"Add it nullable (or with a constant default), backfill, then add NOT NULL the safe way."),

	VOLATILE_DEFAULT("volatile-default", Severity.ERROR,
			"A new column with a volatile default (random(), clock_timestamp(), gen_random_uuid(), nextval()...) "
					+ "rewrites the whole table under an ACCESS EXCLUSIVE lock.",
			"Add the column without a default, set the default afterwards (applies to new rows only) and "
					+ "backfill existing rows in batches."),

	TYPE_CHANGE_REWRITE("type-change-rewrite", Severity.ERROR,
			"Changing a column's type rewrites the table (and its indexes) under an ACCESS EXCLUSIVE lock, and "
					+ "running code may not understand the new type.",
			"Expand/contract with op.changeColumnTypeOnline (a column of the new type, a converting trigger, a "
					+ "backfill), switch the code, then op.finishChangeColumnTypeOnline. Binary-compatible changes (varchar widening, varchar to "
					+ "text, numeric precision increase) need none of this."),

	RENAME_COLUMN("rename-column", Severity.ERROR,
			"Renaming a column breaks every running instance that still uses the old name.",
			"Expand/contract with op.renameColumnOnline (new column, sync trigger, backfill), switch the code, "
					+ "then op.finishRenameColumnOnline in a later contract revision."),

	RENAME_TABLE("rename-table", Severity.ERROR,
			"Renaming a table breaks every running instance that still uses the old name.",
			"Create the new table (or a view under the old name), switch the code, then drop the old one later."),

	UNIQUE_WITHOUT_INDEX("unique-without-index", Severity.ERROR,
			"Adding a unique or primary key constraint builds its index while blocking every write.",
			"CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... USING INDEX: op.addUniqueOnline."),

	DROP_COLUMN("drop-column", Severity.ERROR,
			"Dropping a column loses its data and breaks running code that still reads or writes it.",
			"Stop using the column in the code first, release that, then drop it in a later contract step "
					+ "(or retire it by renaming to a backup name)."),

	DROP_TABLE("drop-table", Severity.ERROR,
			"Dropping a table loses its data and breaks running code that still uses it.",
			"Stop using the table in the code first, release that, then drop it in a later contract step "
					+ "(or retire it by renaming to a backup name)."),

	TRUNCATE("truncate", Severity.ERROR,
			"TRUNCATE deletes every row and takes an ACCESS EXCLUSIVE lock.",
			"Delete in batches, or drop the table in a contract step once nothing uses it."),

	CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction", Severity.ERROR,
			"A CONCURRENTLY statement cannot run inside a transaction block, so this revision fails when it "
					+ "runs after other statements in one transaction.",
			"Move the CONCURRENTLY statement to a revision of its own with transactional = false."),

	LONG_UPDATE_WITH_DDL("long-update-with-ddl", Severity.ERROR,
			"A large data change in the same transaction as DDL keeps the DDL's ACCESS EXCLUSIVE lock for as "
					+ "long as the data change runs.",
			"Run the data change as op.backfill in a revision of its own, stage = Stage.BACKGROUND, apart from "
					+ "the DDL."),

	REINDEX_NOT_CONCURRENT("reindex-not-concurrent", Severity.ERROR,
			"REINDEX without CONCURRENTLY blocks every write to the table, and every read that would use the "
					+ "index, until the index is rebuilt.",
			"REINDEX ... CONCURRENTLY (PostgreSQL 12+) in a revision of its own with transactional = false."),

	VACUUM_FULL("vacuum-full", Severity.ERROR,
			"VACUUM FULL rewrites the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes.",
			"Use plain VACUUM (no lock anyone waits on), or rebuild the table online with pg_repack outside "
					+ "the migrations."),

	CLUSTER("cluster", Severity.ERROR,
			"CLUSTER rewrites the whole table in index order under an ACCESS EXCLUSIVE lock, blocking reads and "
					+ "writes.",
			"Leave the order to the index, or rebuild the table online with pg_repack outside the migrations."),

	LOCK_TABLE("lock-table", Severity.ERROR,
			"An explicit LOCK TABLE in a strong mode holds every reader or writer of the table until the "
					+ "transaction ends.",
			"Leave locking to the statements (each takes the lock it needs, bounded by migrations.lock-timeout), "
					+ "or lock in a mode that lets the others run (SHARE UPDATE EXCLUSIVE)."),

	TABLE_REWRITE("table-rewrite", Severity.ERROR,
			"SET LOGGED, SET UNLOGGED, SET TABLESPACE and SET ACCESS METHOD rewrite the whole table under an "
					+ "ACCESS EXCLUSIVE lock, blocking reads and writes.",
			"Create the table anew with the wanted setting, copy the rows in batches and switch over, or make "
					+ "the change in a maintenance window with @AllowUnsafe."),

	ATTACH_PARTITION_SCAN("attach-partition-scan", Severity.ERROR,
			"ATTACH PARTITION scans the whole partition to prove its rows fit the bound, holding an ACCESS "
					+ "EXCLUSIVE lock on it (and SHARE UPDATE EXCLUSIVE on the parent) for the scan.",
			"First ADD CONSTRAINT ... CHECK (<the bound>) NOT VALID on the partition and VALIDATE it in a later "
					+ "revision (no lock that blocks writes); ATTACH then skips the scan. Drop the check after."),

	DETACH_PARTITION_NOT_CONCURRENT("detach-partition-not-concurrent", Severity.ERROR,
			"DETACH PARTITION without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the parent, blocking every "
					+ "read and write of the whole partitioned table.",
			"DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+) in a revision of its own with transactional = false."),

	REFRESH_NOT_CONCURRENT("refresh-not-concurrent", Severity.ERROR,
			"REFRESH MATERIALIZED VIEW without CONCURRENTLY holds an ACCESS EXCLUSIVE lock on the view for the "
					+ "whole refresh, blocking its readers.",
			"Give the view a unique index, then REFRESH MATERIALIZED VIEW CONCURRENTLY in a revision with "
					+ "transactional = false."),

	EXCLUSION_CONSTRAINT("exclusion-constraint", Severity.ERROR,
			"Adding an EXCLUDE constraint builds its index while blocking every write, and cannot take an "
					+ "index built beforehand.",
			"Build the constraint on a new table and move the rows in batches, or accept it in a quiet window "
					+ "with @AllowUnsafe."),

	TRIGGER_ON_EXISTING_TABLE("trigger-on-existing-table", Severity.WARNING,
			"CREATE TRIGGER takes a SHARE ROW EXCLUSIVE lock, so writes queue behind it while it waits for the "
					+ "transactions running on the table; and the trigger then runs on every write.",
			"Keep migrations.lock-timeout short, so a busy table makes the step fail fast and retry instead "
					+ "of queueing writes, and keep the trigger's work small."),

	ENUM_RENAME_VALUE("enum-rename-value", Severity.ERROR,
			"Renaming an enum value breaks every running instance that still writes or compares the old label.",
			"ADD VALUE the new label, switch the code to it, update the rows in batches, and retire the old "
					+ "label later."),

	BACKFILL_AT_STARTUP("backfill-at-startup", Severity.WARNING,
			"A backfill in a start-up revision keeps the application out of readiness until its last batch; "
					+ "on a large table that takes minutes.",
			"Give the revision stage = Stage.BACKGROUND (the revisions after it wait for it), or keep it at "
					+ "start-up, with @AllowUnsafe, only while the table is small."),

	PREFER_JSONB("prefer-jsonb", Severity.WARNING, "json keeps the text as written and cannot be indexed or "
			+ "compared efficiently.", "Use jsonb."),

	PREFER_IDENTITY("prefer-identity", Severity.WARNING, "serial creates a sequence with its own owner and "
			+ "permissions that drift from the column.", "Use bigint GENERATED ALWAYS AS IDENTITY."),

	PREFER_TIMESTAMPTZ("prefer-timestamptz", Severity.WARNING, "timestamp without time zone stores no offset, so "
			+ "values depend on each writer's time zone.", "Use timestamptz."),

	PREFER_TEXT("prefer-text", Severity.WARNING, "varchar(n) is no faster than text, and widening it later is "
			+ "a migration of its own.", "Use text, with a CHECK (length(col) <= n) where a limit matters."),

	ONLINE_CODE("online-code", Severity.INFO,
			"This code builds its operations from what it reads in the database, so the linter, which "
					+ "records operations without one, does not see them.",
			"Review what the code does on a copy of the database (the trace shows what it locks)."),

	INVALID_SQL("invalid-sql", Severity.ERROR, "The SQL cannot be split into statements, so it cannot run.",
			"Fix the file where the detail says; the other revisions are still linted."),

	NOT_CHECKED("not-checked", Severity.INFO, "The linter could not read this statement, so nothing judged it.",
			"Review it by hand, then accept it with @AllowUnsafe(rule = \"not-checked\", reason = ...) on the "
					+ "revision, or a line '-- allow-unsafe: not-checked <reason>' at the top of a SQL file; "
					+ "migrations.lint-not-checked=warn lets every such statement through as a warning.");

	private final String id;

	private final Severity severity;

	private final String why;

	private final String safeWay;

	Rule(String id, Severity severity, String why, String safeWay) {
		this.id = id;
		this.severity = severity;
		this.why = why;
		this.safeWay = safeWay;
	}

	/**
	 * Returns whether the harm grows with the table's rows (a lock held for a scan, a rewrite or
	 * a build), so that on a small table the statement is over before anyone waits; rules about
	 * running code or lost data hold whatever the size.
	 * @return whether a small table makes it harmless
	 */
	public boolean growsWithRows() {
		return switch (this) {
			case INDEX_NOT_CONCURRENT, DROP_INDEX_NOT_CONCURRENT, CONSTRAINT_NOT_VALID, VALIDATE_SAME_TRANSACTION,
					SET_NOT_NULL, VOLATILE_DEFAULT, TYPE_CHANGE_REWRITE, UNIQUE_WITHOUT_INDEX, LONG_UPDATE_WITH_DDL,
					REINDEX_NOT_CONCURRENT, VACUUM_FULL, CLUSTER, TABLE_REWRITE, ATTACH_PARTITION_SCAN,
					DETACH_PARTITION_NOT_CONCURRENT, REFRESH_NOT_CONCURRENT, EXCLUSION_CONSTRAINT,
					TRIGGER_ON_EXISTING_TABLE -> true;
			default -> false;
		};
	}

	/**
	 * Returns the rule id.
	 * @return the id, such as {@code index-not-concurrent}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Returns the severity.
	 * @return the severity
	 */
	public Severity severity() {
		return this.severity;
	}

	/**
	 * Returns why it is unsafe.
	 * @return the explanation
	 */
	public String why() {
		return this.why;
	}

	/**
	 * Returns the safe way.
	 * @return the safe way
	 */
	public String safeWay() {
		return this.safeWay;
	}

}
