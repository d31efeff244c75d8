package dev.migration.core.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.migration.core.schema.QualifiedName;

/**
 * What the rules know while linting one revision: what this revision created so far (exempt
 * where a risk needs existing rows), whether it runs in one transaction, and what earlier
 * revisions left (column types, validated {@code IS NOT NULL} checks). Names are compared
 * lower-case without their schema, an approximation that errs towards exempting.
 */
final class Scope {

	/** What the revisions linted so far left behind, carried from one revision to the next. */
	static final class Schema {

		final Map<String, TypeName> columnTypes = new HashMap<>();

		final Set<String> validatedNotNull = new HashSet<>();

		final Map<String, String> notNullChecks = new HashMap<>();

	}

	final String revision;

	final boolean inTransaction;

	final Schema schema;

	final Set<String> createdTables = new HashSet<>();

	final Set<String> addedColumns = new HashSet<>();

	final Set<String> createdIndexes = new HashSet<>();

	final Set<String> addedConstraints = new HashSet<>();

	final List<Finding> findings = new ArrayList<>();

	final List<Finding> notChecked = new ArrayList<>();

	final List<Finding> dataChanges = new ArrayList<>();

	boolean hasDdl;

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

	boolean isNew(String table) {
		return this.createdTables.contains(key(table));
	}

	void report(Rule rule, String statement, String detail) {
		this.findings.add(new Finding(rule, this.revision, statement, detail));
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
		this.schema.columnTypes.put(key, type);
		if (isNew(table) || this.addedColumns.contains(key)) {
			return;
		}
		if (before == null) {
			report(Rule.TYPE_CHANGE_REWRITE, statement,
					"The previous type of " + key + " is unknown to the linter, so it may rewrite.");
		}
		else if (using || !type.binaryCompatibleFrom(before)) {
			report(Rule.TYPE_CHANGE_REWRITE, statement, before + " to " + type + (using ? " with USING" : "")
					+ " is not binary compatible.");
		}
	}

	void checkSetNotNull(String table, String column, String statement) {
		String key = column(table, column);
		if (!isNew(table) && !this.addedColumns.contains(key) && !this.schema.validatedNotNull.contains(key)) {
			report(Rule.SET_NOT_NULL, statement, null);
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
			String call = type.isSerial() ? "nextval()" : (defaultSql != null) ? Expressions.volatileCall(defaultSql)
					: null;
			if (call != null) {
				report(Rule.VOLATILE_DEFAULT, statement, "The default calls " + call + ".");
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
