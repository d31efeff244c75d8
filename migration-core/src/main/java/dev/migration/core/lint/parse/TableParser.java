package dev.migration.core.lint.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migration.core.lint.parse.ParsedStatement.CreateTable;

/** Reads {@code CREATE TABLE} and the pieces {@code ALTER TABLE} shares with it: columns, types, constraints. */
final class TableParser {

	/** Reserved words that open a table constraint ({@code exclude} is not reserved: see {@link #isTableConstraint}). */
	private static final Set<String> CONSTRAINT_WORDS = Set.of("constraint", "check", "unique", "primary", "foreign");

	/** Words after which a column's default expression has ended. */
	private static final Set<String> COLUMN_CLAUSE_WORDS = Set.of("constraint", "check", "unique", "primary",
			"references", "generated", "collate", "deferrable", "initially", "compression", "storage", "default");

	/** Words that open a clause of a column definition, so a column without a type (a partition's) starts with one. */
	private static final Set<String> COLUMN_START_WORDS = Set.of("constraint", "check", "unique", "primary",
			"references", "generated", "not", "null", "default", "with");

	private TableParser() {
	}

	/** Reads what follows {@code CREATE}, the words before {@code TABLE} already read. */
	static CreateTable createTable(Cursor cursor, boolean temporary, boolean unlogged) {
		cursor.expect("table");
		boolean ifNotExists = cursor.accept("if", "not", "exists");
		TableName table = cursor.name();
		Parts parts = new Parts();
		if (cursor.accept("of")) {
			cursor.name();
		}
		else if (cursor.accept("partition", "of")) {
			parts.partitionOf = cursor.name();
		}
		if (cursor.is("(")) {
			elements(cursor, parts);
		}
		if (parts.partitionOf != null) {
			partitionBound(cursor);
		}
		while (!cursor.atEnd()) {
			clause(cursor, parts);
		}
		return new CreateTable(table, ifNotExists, temporary, unlogged, parts.columns, parts.constraints, parts.likes,
				parts.partitionOf, parts.inherits, parts.partitionBy, parts.asQuery);
	}

	/** The parts of a table, as they are read. */
	private static final class Parts {

		final List<Column> columns = new ArrayList<>();

		final List<Constraint> constraints = new ArrayList<>();

		final List<TableName> likes = new ArrayList<>();

		final List<TableName> inherits = new ArrayList<>();

		TableName partitionOf;

		String partitionBy;

		boolean asQuery;

	}

	/** Reads one clause after the table's elements. */
	private static void clause(Cursor cursor, Parts parts) {
		if (cursor.accept("inherits")) {
			cursor.expect("(");
			do {
				parts.inherits.add(cursor.name());
			}
			while (cursor.accept(","));
			cursor.expect(")");
		}
		else if (cursor.is("partition", "by")) {
			int from = cursor.position();
			cursor.expect("partition", "by");
			cursor.identifier();
			cursor.parenthesized();
			parts.partitionBy = cursor.text(from, cursor.position());
		}
		else if (cursor.accept("as")) {
			// the query is not read: what matters is that the new table, seen by no one yet, is filled
			cursor.rest();
			parts.asQuery = true;
		}
		else if (!tableOption(cursor)) {
			throw cursor.fail("unexpected clause of CREATE TABLE");
		}
	}

	/** The options of a table's storage and lifetime, which change nothing the rules judge. */
	private static boolean tableOption(Cursor cursor) {
		if (cursor.accept("using") || cursor.accept("tablespace")) {
			cursor.identifier();
		}
		else if (cursor.accept("with")) {
			cursor.parenthesized();
		}
		else if (cursor.accept("without", "oids")) {
			return true;
		}
		else if (cursor.accept("on", "commit")) {
			if (!cursor.accept("preserve", "rows") && !cursor.accept("delete", "rows")) {
				cursor.expect("drop");
			}
		}
		else {
			return false;
		}
		return true;
	}

	/** Reads {@code FOR VALUES ...} or {@code DEFAULT} and returns it as written. */
	static String partitionBound(Cursor cursor) {
		int from = cursor.position();
		if (!cursor.accept("default")) {
			cursor.expect("for", "values");
			if (cursor.accept("in") || cursor.accept("with")) {
				cursor.parenthesized();
			}
			else {
				cursor.expect("from");
				cursor.parenthesized();
				cursor.expect("to");
				cursor.parenthesized();
			}
		}
		return cursor.text(from, cursor.position());
	}

	/** Reads the parenthesised columns, table constraints and {@code LIKE}s. */
	private static void elements(Cursor cursor, Parts parts) {
		cursor.expect("(");
		if (cursor.accept(")")) {
			return;
		}
		do {
			if (cursor.accept("like")) {
				parts.likes.add(cursor.name());
				while (cursor.accept("including") || cursor.accept("excluding")) {
					cursor.identifier();
				}
			}
			else if (isTableConstraint(cursor)) {
				parts.constraints.add(tableConstraint(cursor));
			}
			else {
				parts.columns.add(column(cursor));
			}
		}
		while (cursor.accept(","));
		cursor.expect(")");
	}

	/** Returns whether a table constraint comes next, rather than a column. */
	static boolean isTableConstraint(Cursor cursor) {
		return cursor.isAny(CONSTRAINT_WORDS) || cursor.is("exclude", "(") || cursor.is("exclude", "using");
	}

	/** Reads a column definition: name, type (none in a partition) and its clauses. */
	static Column column(Cursor cursor) {
		String name = cursor.identifier();
		String type = null;
		if (!cursor.atEnd() && !cursor.is(",") && !cursor.is(")") && !cursor.isAny(COLUMN_START_WORDS)) {
			type = type(cursor);
		}
		return columnClauses(cursor, name, type);
	}

	private static Column columnClauses(Cursor cursor, String name, String type) {
		boolean notNull = false;
		String defaultSql = null;
		Generated generated = null;
		List<Constraint> constraints = new ArrayList<>();
		cursor.accept("with", "options");
		while (!cursor.atEnd() && !cursor.is(",") && !cursor.is(")")) {
			int from = cursor.position();
			String constraintName = cursor.accept("constraint") ? cursor.identifier() : null;
			if (cursor.accept("not", "null")) {
				notNull = true;
			}
			else if (cursor.accept("default")) {
				if (defaultSql != null) {
					throw cursor.fail("a second DEFAULT for column " + name);
				}
				defaultSql = cursor.expression(TableParser::defaultEnds);
			}
			else if (cursor.accept("generated")) {
				generated = generated(cursor);
			}
			else if (!cursor.accept("null") && !columnOption(cursor) && !constraintTail(cursor)) {
				constraints.add(inlineConstraint(cursor, constraintName, from));
			}
		}
		return (generated != null)
				? new Column(name, type, notNull, defaultSql, generated.sql, generated.identity, constraints)
				: new Column(name, type, notNull, defaultSql, null, null, constraints);
	}

	/** What follows {@code GENERATED}: a stored expression or an identity. */
	private record Generated(String sql, Column.Identity identity) {
	}

	private static Generated generated(Cursor cursor) {
		if (cursor.is("always", "as", "(")) {
			cursor.expect("always", "as");
			String sql = cursor.parenthesized();
			cursor.expect("stored");
			return new Generated(sql, null);
		}
		Column.Identity identity = Column.Identity.ALWAYS;
		if (!cursor.accept("always")) {
			cursor.expect("by", "default");
			identity = Column.Identity.BY_DEFAULT;
		}
		cursor.expect("as", "identity");
		// the sequence options
		cursor.skipParenthesized();
		return new Generated(null, identity);
	}

	/** Reads {@code COLLATE}, {@code COMPRESSION} or {@code STORAGE} of a column, which the rules need not know. */
	private static boolean columnOption(Cursor cursor) {
		if (cursor.accept("collate")) {
			cursor.name();
			return true;
		}
		if (cursor.accept("compression") || cursor.accept("storage")) {
			cursor.identifier();
			return true;
		}
		return false;
	}

	/** Where a column's default expression ends: at the next clause of the column definition. */
	private static boolean defaultEnds(Cursor cursor) {
		String before = cursor.previous().text();
		if (cursor.is("not", "null") || cursor.is("not", "deferrable")) {
			return !before.equals("is");
		}
		if (cursor.is("null")) {
			return !before.equals("is") && !before.equals("not");
		}
		return cursor.isAny(COLUMN_CLAUSE_WORDS) && !before.equals(".");
	}

	private static Constraint inlineConstraint(Cursor cursor, String name, int from) {
		if (cursor.accept("check")) {
			String condition = cursor.parenthesized();
			cursor.accept("no", "inherit");
			return constraint(cursor, from, name, Constraint.Kind.CHECK, List.of(), condition, null, List.of());
		}
		if (cursor.accept("unique")) {
			nullsDistinct(cursor);
			indexParameters(cursor);
			return constraint(cursor, from, name, Constraint.Kind.UNIQUE, List.of(), null, null, List.of());
		}
		if (cursor.accept("primary", "key")) {
			indexParameters(cursor);
			return constraint(cursor, from, name, Constraint.Kind.PRIMARY_KEY, List.of(), null, null, List.of());
		}
		if (cursor.accept("references")) {
			TableName references = cursor.name();
			List<String> columns = cursor.is("(") ? cursor.nameList() : List.of();
			referenceActions(cursor);
			return constraint(cursor, from, name, Constraint.Kind.FOREIGN_KEY, List.of(), null, references, columns);
		}
		throw cursor.fail("unexpected clause in a column definition");
	}

	/** Reads a table constraint, as in {@code CREATE TABLE} or {@code ALTER TABLE ... ADD}. */
	static Constraint tableConstraint(Cursor cursor) {
		int from = cursor.position();
		String name = cursor.accept("constraint") ? cursor.identifier() : null;
		if (cursor.accept("check")) {
			String condition = cursor.parenthesized();
			return constraint(cursor, from, name, Constraint.Kind.CHECK, List.of(), condition, null, List.of());
		}
		if (cursor.accept("foreign", "key")) {
			List<String> columns = cursor.nameList();
			cursor.expect("references");
			TableName references = cursor.name();
			List<String> referenced = cursor.is("(") ? cursor.nameList() : List.of();
			referenceActions(cursor);
			return constraint(cursor, from, name, Constraint.Kind.FOREIGN_KEY, columns, null, references, referenced);
		}
		if (cursor.accept("exclude")) {
			if (cursor.accept("using")) {
				cursor.identifier();
			}
			String elements = cursor.parenthesized();
			indexParameters(cursor);
			if (cursor.accept("where")) {
				cursor.parenthesized();
			}
			return constraint(cursor, from, name, Constraint.Kind.EXCLUDE, List.of(), elements, null, List.of());
		}
		Constraint.Kind kind;
		if (cursor.accept("unique")) {
			kind = Constraint.Kind.UNIQUE;
			nullsDistinct(cursor);
		}
		else {
			cursor.expect("primary", "key");
			kind = Constraint.Kind.PRIMARY_KEY;
		}
		if (cursor.accept("using", "index")) {
			String index = cursor.identifier();
			return finish(cursor, from, name, kind, List.of(), null, null, List.of(), index);
		}
		List<String> columns = cursor.nameList();
		indexParameters(cursor);
		return constraint(cursor, from, name, kind, columns, null, null, List.of());
	}

	private static Constraint constraint(Cursor cursor, int from, String name, Constraint.Kind kind,
			List<String> columns, String expression, TableName references, List<String> referenced) {
		return finish(cursor, from, name, kind, columns, expression, references, referenced, null);
	}

	private static Constraint finish(Cursor cursor, int from, String name, Constraint.Kind kind, List<String> columns,
			String expression, TableName references, List<String> referenced, String usingIndex) {
		boolean notValid = false;
		while (!cursor.atEnd()) {
			if (cursor.accept("not", "valid")) {
				notValid = true;
			}
			else if (!constraintTail(cursor)) {
				break;
			}
		}
		return new Constraint(name, kind, columns, expression, references, referenced, usingIndex, notValid,
				cursor.text(from, cursor.position()));
	}

	/** Reads one of {@code DEFERRABLE}, {@code NOT DEFERRABLE}, {@code INITIALLY ...}, {@code NO INHERIT}. */
	private static boolean constraintTail(Cursor cursor) {
		if (cursor.accept("initially")) {
			cursor.identifier();
			return true;
		}
		return cursor.accept("deferrable") || cursor.accept("not", "deferrable") || cursor.accept("no", "inherit")
				|| cursor.accept("enforced") || cursor.accept("not", "enforced");
	}

	private static void nullsDistinct(Cursor cursor) {
		if (!cursor.accept("nulls", "distinct")) {
			cursor.accept("nulls", "not", "distinct");
		}
	}

	/** Reads the index clauses of a key: {@code INCLUDE}, {@code WITH}, {@code USING INDEX TABLESPACE}. */
	private static void indexParameters(Cursor cursor) {
		while (true) {
			if (cursor.accept("include")) {
				cursor.nameList();
			}
			else if (cursor.accept("with")) {
				cursor.parenthesized();
			}
			else if (cursor.accept("using", "index", "tablespace")) {
				cursor.identifier();
			}
			else {
				return;
			}
		}
	}

	/** Reads {@code MATCH ...}, {@code ON DELETE ...} and {@code ON UPDATE ...} of a foreign key. */
	private static void referenceActions(Cursor cursor) {
		while (true) {
			if (cursor.accept("match")) {
				cursor.identifier();
			}
			else if (cursor.accept("on", "delete") || cursor.accept("on", "update")) {
				if (cursor.accept("set", "null") || cursor.accept("set", "default")) {
					if (cursor.is("(")) {
						cursor.nameList();
					}
				}
				else if (!cursor.accept("no", "action") && !cursor.accept("restrict")) {
					cursor.expect("cascade");
				}
			}
			else {
				return;
			}
		}
	}

	/** Reads a type, such as {@code character varying(20)}, {@code timestamp with time zone} or {@code int[]}. */
	static String type(Cursor cursor) {
		int from = cursor.position();
		String first = cursor.identifier();
		if (cursor.is(".")) {
			cursor.reset(from);
			cursor.name();
		}
		else {
			multiWordType(cursor, first);
		}
		cursor.skipParenthesized();
		if (first.equals("timestamp") || first.equals("time")) {
			if (!cursor.accept("with", "time", "zone")) {
				cursor.accept("without", "time", "zone");
			}
		}
		else if (first.equals("interval")) {
			intervalFields(cursor);
			cursor.skipParenthesized();
		}
		arrayBounds(cursor);
		if (cursor.accept("%")) {
			cursor.expect("type");
		}
		return cursor.text(from, cursor.position());
	}

	private static void multiWordType(Cursor cursor, String first) {
		switch (first) {
			case "double" -> cursor.expect("precision");
			case "national" -> {
				if (!cursor.accept("character")) {
					cursor.expect("char");
				}
				cursor.accept("varying");
			}
			case "character", "char", "bit" -> cursor.accept("varying");
			default -> {
			}
		}
	}

	private static final Set<String> INTERVAL_FIELDS = Set.of("year", "month", "day", "hour", "minute", "second", "to");

	private static void intervalFields(Cursor cursor) {
		while (cursor.isAny(INTERVAL_FIELDS)) {
			cursor.next();
		}
	}

	private static void arrayBounds(Cursor cursor) {
		while (true) {
			if (cursor.accept("[")) {
				if (!cursor.accept("]")) {
					cursor.next();
					cursor.expect("]");
				}
			}
			else if (cursor.accept("array")) {
				if (cursor.accept("[")) {
					cursor.next();
					cursor.expect("]");
				}
			}
			else {
				return;
			}
		}
	}

}
