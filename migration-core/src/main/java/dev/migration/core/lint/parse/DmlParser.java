package dev.migration.core.lint.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.migration.core.dialect.SqlTokens.Token;
import dev.migration.core.lint.parse.ParsedStatement.Copy;
import dev.migration.core.lint.parse.ParsedStatement.Delete;
import dev.migration.core.lint.parse.ParsedStatement.Insert;
import dev.migration.core.lint.parse.ParsedStatement.Merge;
import dev.migration.core.lint.parse.ParsedStatement.Select;
import dev.migration.core.lint.parse.ParsedStatement.Update;

/**
 * Reads the statements that read and write rows: the table written, the {@code WHERE} that
 * bounds the rows, and the tables read (after {@code FROM}, {@code JOIN} and {@code USING} at any
 * depth of subquery).
 */
final class DmlParser {

	/** Words that end a table reference in a {@code FROM} list, so they are no alias. */
	private static final Set<String> AFTER_TABLE = Set.of("where", "join", "inner", "left", "right", "full", "cross",
			"natural", "on", "using", "group", "order", "limit", "offset", "having", "window", "union", "intersect",
			"except", "for", "returning", "set", "fetch", "when", "into", "tablesample", "default", "values",
			"select", "overriding");

	/** Words that start a data-modifying statement, which a query may hold only in its {@code WITH}. */
	private static final Set<String> CHANGES = Set.of("insert", "update", "delete", "merge");

	/** Words that start a query in parentheses, where an INSERT's column list could be. */
	private static final Set<String> QUERY_STARTS = Set.of("select", "with", "values", "table", "(");

	/** The reads of one statement: tables found, the names of its common table expressions, where its WHERE is. */
	private static final class Reads {

		final List<TableName> tables = new ArrayList<>();

		final Set<String> cteNames = new HashSet<>();

		final List<TableName> changed = new ArrayList<>();

		int whereFrom = -1;

		int whereTo = -1;

		void add(TableName table) {
			if (!(table.schema() == null && this.cteNames.contains(table.name())) && !this.tables.contains(table)) {
				this.tables.add(table);
			}
		}

	}

	private DmlParser() {
	}

	/** Reads a statement starting with {@code WITH}, {@code SELECT}, {@code VALUES}, {@code TABLE}, {@code (}, {@code INSERT}, {@code UPDATE}, {@code DELETE} or {@code MERGE}. */
	static ParsedStatement dml(Cursor cursor) {
		Reads reads = new Reads();
		if (cursor.accept("with")) {
			with(cursor, reads);
		}
		if (cursor.accept("insert", "into")) {
			return insert(cursor, reads);
		}
		if (cursor.accept("update")) {
			TableName table = target(cursor);
			walk(cursor, reads, false);
			return new Update(table, where(cursor, reads), reads.tables);
		}
		if (cursor.accept("delete", "from")) {
			TableName table = target(cursor);
			if (cursor.accept("using")) {
				references(cursor, reads);
			}
			walk(cursor, reads, false);
			return new Delete(table, where(cursor, reads), reads.tables);
		}
		if (cursor.accept("merge", "into")) {
			TableName table = target(cursor);
			cursor.expect("using");
			references(cursor, reads);
			walk(cursor, reads, false);
			return new Merge(table, reads.tables);
		}
		if (cursor.accept("table")) {
			reads.add(cursor.name());
		}
		else if (!cursor.is("select") && !cursor.is("values") && !cursor.is("(")) {
			throw cursor.fail("expected a query");
		}
		walk(cursor, reads, false);
		return new Select(reads.tables, reads.changed);
	}

	/** Reads the common table expressions of {@code WITH}, noting their names and the tables they read. */
	private static void with(Cursor cursor, Reads reads) {
		cursor.accept("recursive");
		do {
			reads.cteNames.add(cursor.identifier());
			cursor.skipParenthesized();
			cursor.expect("as");
			if (!cursor.accept("materialized")) {
				cursor.accept("not", "materialized");
			}
			cursor.expect("(");
			changed(cursor, reads);
			walk(cursor, reads, true);
		}
		while (cursor.accept(","));
	}

	/**
	 * Notes the table a data-modifying statement opening here writes, leaving the cursor where it
	 * was; a word such as {@code update} not followed by a name is a column, and {@code FOR UPDATE}
	 * never follows a parenthesis, so a query that only locks rows changes none.
	 */
	private static void changed(Cursor cursor, Reads reads) {
		if (!cursor.isAny(CHANGES)) {
			return;
		}
		int from = cursor.position();
		boolean statement = cursor.accept("insert", "into") || cursor.accept("delete", "from")
				|| cursor.accept("merge", "into") || cursor.accept("update");
		cursor.accept("only");
		if (statement && cursor.isIdentifier()) {
			TableName table = cursor.name();
			if (!reads.changed.contains(table)) {
				reads.changed.add(table);
			}
		}
		cursor.reset(from);
	}

	private static Insert insert(Cursor cursor, Reads reads) {
		TableName table = cursor.name();
		if (cursor.accept("as")) {
			cursor.identifier();
		}
		if (cursor.is("(") && !QUERY_STARTS.contains(cursor.peek(1).text())) {
			// the column list, where a column may carry a subscript or field: a[1], b.x
			cursor.skipParenthesized();
		}
		if (cursor.accept("overriding")) {
			cursor.identifier();
			cursor.expect("value");
		}
		boolean fromQuery = !cursor.is("values") && !cursor.is("default", "values");
		if (cursor.accept("table")) {
			reads.add(cursor.name());
		}
		walk(cursor, reads, false);
		return new Insert(table, fromQuery, reads.tables);
	}

	/** Reads the table an {@code UPDATE}, {@code DELETE} or {@code MERGE} writes, and its alias. */
	private static TableName target(Cursor cursor) {
		cursor.accept("only");
		TableName table = cursor.name();
		cursor.accept("*");
		alias(cursor);
		return table;
	}

	private static void alias(Cursor cursor) {
		boolean as = cursor.accept("as");
		if (as || cursor.isIdentifier() && !cursor.isAny(AFTER_TABLE)) {
			cursor.identifier();
			cursor.skipParenthesized();
		}
	}

	/** Reads a list of table references, {@code FROM a, b x, c AS y}; a subquery or function is left to the walk. */
	private static void references(Cursor cursor, Reads reads) {
		do {
			cursor.accept("lateral");
			cursor.accept("only");
			if (!cursor.isIdentifier() || cursor.isAny(AFTER_TABLE)) {
				return;
			}
			int from = cursor.position();
			TableName table = cursor.name();
			if (cursor.is("(")) {
				// a function in FROM, such as generate_series(...)
				cursor.reset(from);
				return;
			}
			reads.add(table);
			cursor.accept("*");
			alias(cursor);
		}
		while (cursor.accept(","));
	}

	/**
	 * Walks the tokens to the end (or to the {@code )} closing a group already opened), reading the
	 * table references of every query level, and noting where the top level's {@code WHERE} is.
	 */
	private static void walk(Cursor cursor, Reads reads, boolean group) {
		// whether each open parenthesis holds a query, whose FROM names tables (not extract(x FROM y))
		Deque<Boolean> queries = new ArrayDeque<>();
		queries.push(true);
		while (!cursor.atEnd()) {
			Token before = cursor.previous();
			Token token = cursor.next();
			if (token.isSymbol("(")) {
				queries.push(false);
				changed(cursor, reads);
			}
			else if (token.isSymbol(")")) {
				if (queries.size() == 1) {
					if (group) {
						return;
					}
					throw cursor.fail("a parenthesis closed that was not open");
				}
				queries.pop();
			}
			else if (token.isWord("select")) {
				queries.pop();
				queries.push(true);
			}
			else if (queries.size() == 1 && !group && token.isWord("where")) {
				reads.whereFrom = cursor.position();
			}
			else if (queries.size() == 1 && !group && token.isWord("returning") && reads.whereFrom >= 0) {
				reads.whereTo = cursor.position() - 1;
			}
			else if (queries.peek() && (token.isWord("from") && (before == null || !before.isWord("distinct"))
					|| token.isWord("join"))) {
				references(cursor, reads);
			}
		}
		if (group || queries.size() > 1) {
			throw cursor.fail("a parenthesis left open");
		}
	}

	private static String where(Cursor cursor, Reads reads) {
		if (reads.whereFrom < 0) {
			return null;
		}
		int to = (reads.whereTo >= 0) ? reads.whereTo : cursor.position();
		return cursor.text(reads.whereFrom, to);
	}

	/** Reads what follows {@code COPY} (a {@code COPY ... FROM stdin}'s data already cut off). */
	static Copy copy(Cursor cursor) {
		Reads reads = new Reads();
		TableName table = null;
		if (cursor.accept("(")) {
			walk(cursor, reads, true);
		}
		else {
			table = cursor.name();
			cursor.skipParenthesized();
		}
		boolean in = cursor.accept("from");
		if (!in) {
			cursor.expect("to");
			if (table != null) {
				reads.add(table);
			}
		}
		String where = null;
		while (!cursor.atEnd()) {
			if (cursor.accept("where")) {
				where = cursor.rest();
			}
			else {
				cursor.next();
			}
		}
		return new Copy(table, in, where, reads.tables);
	}

}
