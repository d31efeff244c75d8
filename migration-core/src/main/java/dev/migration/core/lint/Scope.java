package dev.migration.core.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.migration.core.lint.parse.ParsedStatement;
import dev.migration.core.schema.QualifiedName;

/**
 * What the rules know while linting one revision: what this revision created so far (exempt
 * where a risk needs existing rows), whether it runs in one transaction, what earlier
 * revisions left (column types, validated {@code IS NOT NULL} checks) and, for the gate, what
 * the database held before the run. Names are compared lower-case without their schema, an
 * approximation that errs towards exempting.
 */
final class Scope {

	/** What the revisions linted so far left behind, carried from one revision to the next. */
	static final class Schema {

		final DatabaseFacts facts;

		final Map<String, TypeName> columnTypes = new HashMap<>();

		final Set<String> validatedNotNull = new HashSet<>();

		final Map<String, String> notNullChecks = new HashMap<>();

		/** Types the linted SQL created, by lower-case name: with a database, new to it. */
		final Set<String> createdTypes = new HashSet<>();

		/** The columns of the indexes the linted SQL created, by lower-case name. */
		final Map<String, List<String>> indexColumns = new HashMap<>();

		/** Tables the linted SQL dropped: their indexes went with them. */
		final Set<String> droppedTables = new HashSet<>();

		/** Functions and procedures the linted SQL created, by lower-case name: the last one of each name. */
		final Map<String, ParsedStatement.CreateFunction> functions = new HashMap<>();

		/** Tables renamed in the run, by their new name: the rows are the old table's. */
		final Map<String, String> renamedFrom = new HashMap<>();

		Schema(DatabaseFacts facts) {
			this.facts = facts;
			this.notNullChecks.putAll(facts.notValidNotNullChecks());
		}

		void noteFunction(ParsedStatement.CreateFunction function) {
			this.functions.put(key(function.name().name()), function);
		}

		/** Returns the function or procedure of this name the linted SQL created, or {@code null}. */
		ParsedStatement.CreateFunction function(String name) {
			return this.functions.get(key(name));
		}

		/** Whether a function the SQL or, failing that, the database declares is volatile. */
		boolean isVolatile(String function) {
			ParsedStatement.CreateFunction created = function(function);
			return (created != null) ? created.volatility() == ParsedStatement.CreateFunction.Volatility.VOLATILE
					: this.facts.isVolatile(function);
		}

		/** The name the table had before the run. */
		String before(String table) {
			return this.renamedFrom.getOrDefault(key(table), key(table));
		}

	}

	final String revision;

	final boolean inTransaction;

	final Schema schema;

	final Set<String> createdTables = new HashSet<>();

	final Set<String> addedColumns = new HashSet<>();

	/** Tables this revision wrote rows into. */
	final Set<String> filledTables = new HashSet<>();

	final Set<String> createdIndexes = new HashSet<>();

	final Set<String> createdTypes = new HashSet<>();

	final Set<String> addedConstraints = new HashSet<>();

	final List<Finding> findings = new ArrayList<>();

	final List<Finding> notChecked = new ArrayList<>();

	final List<DataChange> dataChanges = new ArrayList<>();

	/** The functions whose bodies are being judged where they are called, so a recursive one is judged once. */
	final Set<String> judging = new HashSet<>();

	/** Findings no error because the table is small, with that reason. */
	final List<LintReport.Suppressed> small = new ArrayList<>();

	boolean hasDdl;

	/**
	 * Whether the DDL locks a table that existed before the run (or may: unread SQL, op records),
	 * so a data change in the same transaction keeps others waiting on that lock.
	 */
	boolean locksExisting;

	Scope(String revision, boolean inTransaction, Schema schema) {
		this.revision = revision;
		this.inTransaction = inTransaction;
		this.schema = schema;
	}

	static String key(String name) {
		int dot = name.lastIndexOf('.');
		return ((dot < 0) ? name : name.substring(dot + 1)).replace("\"", "").toLowerCase(Locale.ROOT);
	}

	static String key(QualifiedName name) {
		return key(name.name());
	}

	static String column(String table, String column) {
		return key(table) + "." + key(column);
	}

	/**
	 * Returns whether nothing running can use the table yet and it holds no rows: this revision
	 * created it, or the database did not hold it before the run.
	 */
	boolean isNew(String table) {
		return this.createdTables.contains(key(table)) || this.schema.facts.lacksTable(this.schema.before(table));
	}

	/**
	 * Returns whether, judged against a database that held no table before the run, nothing a
	 * statement touches can have rows or users yet, whatever tables it names.
	 */
	boolean nothingExisted() {
		return this.schema.facts.holdsNoTable();
	}

	/** Returns whether this revision created the type, or, judged against a database, the run did. */
	boolean isNewType(String type) {
		return this.createdTypes.contains(key(type)) || this.schema.facts.known() && this.schema.createdTypes.contains(key(type));
	}

	void createdType(String type) {
		this.createdTypes.add(key(type));
		this.schema.createdTypes.add(key(type));
	}

	/** Returns whether this revision created the index, or the database did not hold it before the run. */
	boolean isNewIndex(String index) {
		return this.createdIndexes.contains(key(index)) || this.schema.facts.lacksIndex(index);
	}

	void report(Rule rule, String statement, String detail) {
		this.findings.add(new Finding(rule, this.revision, statement, detail));
	}

	/**
	 * Reports a finding on a table; a rule whose harm grows with the rows (a lock held for a
	 * scan, a rewrite, a build) is no error on a table the catalog estimates small.
	 */
	void report(Rule rule, String table, String statement, String detail) {
		Finding finding = new Finding(rule, this.revision, statement, detail);
		Optional<Long> rows = (table != null && rule.growsWithRows())
				? this.schema.facts.smallTableRows(this.schema.before(table)) : Optional.empty();
		if (rows.isPresent()) {
			this.small.add(new LintReport.Suppressed(finding, "the database estimates " + key(table) + " at "
					+ rows.get() + " rows, under migrations.lint-small-table-rows=" + this.schema.facts.smallTableLimit()));
		}
		else {
			this.findings.add(finding);
		}
	}

	/**
	 * Notes a rename: what this revision created keeps counting as new under the new name, and
	 * an old table keeps its rows and its facts.
	 */
	void renamed(String table, String newName) {
		if (this.createdTables.remove(key(table))) {
			this.createdTables.add(key(newName));
		}
		else {
			this.schema.renamedFrom.put(key(newName), this.schema.before(table));
		}
	}

	/**
	 * Notes a data change made after DDL that locks an existing table: an error if the two share
	 * a transaction, for the change then runs under the DDL's lock (a change before the DDL does
	 * not; the trace shows the difference).
	 */
	void dataChange(String table, String statement, String detail) {
		// only a change made while the DDL's lock is held keeps others waiting on it; and whether its
		// table is new is asked now, before a later rename can give a new table an old one's name
		if (this.locksExisting && (table == null || !isNew(table))) {
			this.dataChanges.add(new DataChange(table, statement, detail));
		}
	}

	/** Reports the data changes on existing tables that share a transaction with DDL. */
	void reportDataChangesBesideDdl() {
		if (this.inTransaction && this.hasDdl && this.locksExisting) {
			for (DataChange change : this.dataChanges) {
				report(Rule.LONG_UPDATE_WITH_DDL, change.table(), change.statement(), change.detail());
			}
		}
	}

	void notChecked(String statement, String detail) {
		this.notChecked.add(new Finding(Rule.NOT_CHECKED, this.revision, statement, detail));
	}

	/** Reports the style rules that a column's type breaks. */
	void checkStyle(TypeName type, String statement, String column) {
		String where = "Column " + column + " is " + type + ".";
		if (type.name().equals("json")) {
			report(Rule.PREFER_JSONB, statement, where);
		}
		else if (type.isSerial()) {
			report(Rule.PREFER_IDENTITY, statement, where);
		}
		else if (type.name().equals("timestamp")) {
			report(Rule.PREFER_TIMESTAMPTZ, statement, where);
		}
		else if (type.name().equals("varchar") && !type.modifiers().isEmpty()) {
			report(Rule.PREFER_TEXT, statement, where);
		}
	}

	/** Reports a type change that rewrites, knowing the previous type from earlier revisions when it can. */
	void checkTypeChange(String table, String column, TypeName type, TypeName previous, boolean using,
			String statement) {
		String key = column(table, column);
		TypeName before = (previous != null) ? previous : this.schema.columnTypes.get(key);
		if (before == null) {
			before = this.schema.facts.columnType(this.schema.before(table), column).orElse(null);
		}
		this.schema.columnTypes.put(key, type);
		if (isNew(table) || this.addedColumns.contains(key)) {
			return;
		}
		if (before == null) {
			report(Rule.TYPE_CHANGE_REWRITE, table, statement,
					"The previous type of " + key + " is unknown to the linter, so it may rewrite.");
		}
		else if (using || !type.binaryCompatibleFrom(before)) {
			report(Rule.TYPE_CHANGE_REWRITE, table, statement, "Column " + column + " of " + key(table) + ": " + before
					+ " to " + type + (using ? " with USING" : "") + " is not binary compatible.");
		}
	}

	/**
	 * Reports a primary key taken from an existing index on columns that may hold NULL: PostgreSQL
	 * first sets them NOT NULL, scanning the table under ACCESS EXCLUSIVE (the trace shows it).
	 */
	void checkPrimaryKeyUsingIndex(String table, String index, String statement) {
		List<String> columns = this.schema.indexColumns.getOrDefault(key(index), this.schema.facts.indexColumns(index));
		for (String column : columns) {
			checkSetNotNull(table, column, statement);
		}
	}

	void checkSetNotNull(String table, String column, String statement) {
		String key = column(table, column);
		// a column added earlier in the revision is no exception: its rows exist, so PostgreSQL scans them all
		if (!isNew(table) && !this.schema.validatedNotNull.contains(key)
				&& !this.schema.facts.isNotNull(this.schema.before(table), column)) {
			report(Rule.SET_NOT_NULL, table, statement, "Column " + column + " of " + key(table) + ".");
		}
	}

	void checkAddColumn(String table, String column, TypeName type, boolean required, boolean hasDefault,
			String defaultSql, String statement) {
		String key = column(table, column);
		this.schema.columnTypes.put(key, type);
		checkStyle(type, statement, column);
		if (!isNew(table)) {
			if (required && !hasDefault && !type.isSerial()) {
				report(Rule.REQUIRED_COLUMN_WITHOUT_DEFAULT, statement, null);
			}
			String call = type.isSerial() ? "nextval()"
					: (defaultSql != null) ? Expressions.volatileCall(defaultSql, this.schema::isVolatile) : null;
			if (call != null) {
				report(Rule.VOLATILE_DEFAULT, table, statement, "The default calls " + call + ".");
			}
		}
		this.addedColumns.add(key);
	}

	/** Notes a check constraint, so a later SET NOT NULL on a column it validates skips the rule. */
	void noteCheck(String table, String name, String expression, boolean notValid) {
		String column = Expressions.notNullColumn(expression);
		if (column == null) {
			return;
		}
		if (!notValid || isNew(table)) {
			this.schema.validatedNotNull.add(column(table, column));
		}
		else if (name != null) {
			this.schema.notNullChecks.put(key(name), column(table, column));
		}
	}

	/** A data change and the table it writes, held until the revision is known to change the schema too. */
	record DataChange(String table, String statement, String detail) {

	}

	void checkValidate(String name, String statement) {
		String key = key(name);
		String column = this.schema.notNullChecks.remove(key);
		if (column != null) {
			this.schema.validatedNotNull.add(column);
		}
		if (this.inTransaction && this.addedConstraints.contains(key)) {
			report(Rule.VALIDATE_SAME_TRANSACTION, statement, null);
		}
	}

}
