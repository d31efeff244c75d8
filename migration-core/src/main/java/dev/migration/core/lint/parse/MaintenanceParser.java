package dev.migration.core.lint.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migration.core.lint.parse.ParsedStatement.Cluster;
import dev.migration.core.lint.parse.ParsedStatement.Command;
import dev.migration.core.lint.parse.ParsedStatement.Drop;
import dev.migration.core.lint.parse.ParsedStatement.Lock;
import dev.migration.core.lint.parse.ParsedStatement.RefreshMaterializedView;
import dev.migration.core.lint.parse.ParsedStatement.Reindex;
import dev.migration.core.lint.parse.ParsedStatement.Truncate;
import dev.migration.core.lint.parse.ParsedStatement.Vacuum;

/** Reads the statements that drop, rebuild, lock or empty existing objects. */
final class MaintenanceParser {

	/** Kinds of object a {@code DROP} names as a list of names, longest first where one starts another. */
	private static final List<String> DROP_KINDS = List.of("table", "index", "materialized view", "view",
			"sequence", "type", "domain", "function", "procedure", "routine", "aggregate", "trigger", "rule", "policy",
			"schema", "extension", "role", "user mapping", "user", "group", "publication", "subscription", "server",
			"foreign table", "foreign data wrapper", "collation", "conversion", "event trigger", "language",
			"procedural language", "statistics", "tablespace", "database", "access method",
			"text search configuration", "text search dictionary", "text search parser", "text search template");

	/** Kinds of {@code DROP} written without a plain list of names. */
	private static final List<String> DROP_COMMANDS = List.of("cast", "operator class", "operator family", "operator",
			"owned", "transform");

	/** Kinds whose objects are dropped with their argument types. */
	private static final Set<String> ROUTINES = Set.of("function", "procedure", "routine", "aggregate");

	/** Kinds whose objects belong to a table ({@code ON table}). */
	private static final Set<String> TABLE_MEMBERS = Set.of("trigger", "rule", "policy");

	private static final Set<String> REINDEX_KINDS = Set.of("index", "table", "schema", "database", "system");

	private MaintenanceParser() {
	}

	/** Reads what follows {@code DROP}. */
	static ParsedStatement drop(Cursor cursor) {
		String kind = cursor.acceptPhrase(DROP_KINDS);
		if (kind == null) {
			String command = cursor.acceptPhrase(DROP_COMMANDS);
			if (command == null) {
				throw cursor.fail("unknown kind of DROP");
			}
			cursor.rest();
			return new Command("DROP " + command.toUpperCase(Locale.ROOT));
		}
		boolean concurrently = cursor.accept("concurrently");
		boolean ifExists = cursor.accept("if", "exists");
		List<TableName> names = new ArrayList<>();
		do {
			names.add(cursor.name());
			if (ROUTINES.contains(kind)) {
				cursor.skipParenthesized();
			}
		}
		while (cursor.accept(","));
		TableName on = TABLE_MEMBERS.contains(kind) && cursor.accept("on") ? cursor.name() : null;
		boolean cascade = cursor.accept("cascade");
		if (!cascade) {
			cursor.accept("restrict");
		}
		cursor.expectEnd();
		return new Drop(kind.toUpperCase(Locale.ROOT), names, on, concurrently, ifExists, cascade);
	}

	/** Reads what follows {@code REINDEX}. */
	static Reindex reindex(Cursor cursor) {
		boolean concurrently = cursor.is("(") && options(cursor).contains("concurrently");
		if (!cursor.isAny(REINDEX_KINDS)) {
			throw cursor.fail("expected INDEX, TABLE, SCHEMA, DATABASE or SYSTEM");
		}
		String kind = cursor.next().text().toUpperCase(Locale.ROOT);
		concurrently |= cursor.accept("concurrently");
		TableName name = cursor.atEnd() ? null : cursor.name();
		cursor.expectEnd();
		return new Reindex(concurrently, kind, name);
	}

	/**
	 * Reads {@code (option [value], ...)} and returns the options that are on, lower case: any value
	 * but {@code false}, {@code off} and {@code 0} counts as on.
	 */
	static List<String> options(Cursor cursor) {
		cursor.expect("(");
		List<String> on = new ArrayList<>();
		do {
			String option = cursor.identifier();
			String value = cursor.is(",") || cursor.is(")") ? "true" : cursor.next().text();
			if (!Set.of("false", "off", "0").contains(value.toLowerCase(Locale.ROOT))) {
				on.add(option);
			}
		}
		while (cursor.accept(","));
		cursor.expect(")");
		return on;
	}

	/** Reads what follows {@code VACUUM}: options in parentheses or the older leading words. */
	static Vacuum vacuum(Cursor cursor) {
		boolean full;
		if (cursor.is("(")) {
			full = options(cursor).contains("full");
		}
		else {
			full = cursor.accept("full");
			while (cursor.accept("freeze") || cursor.accept("verbose") || cursor.accept("analyze")
					|| cursor.accept("analyse")) {
				// no lock beyond a plain vacuum's
			}
		}
		List<TableName> tables = new ArrayList<>();
		if (!cursor.atEnd()) {
			do {
				tables.add(cursor.name());
				cursor.skipParenthesized();
			}
			while (cursor.accept(","));
		}
		cursor.expectEnd();
		return new Vacuum(full, tables);
	}

	/** Reads what follows {@code CLUSTER}: {@code [VERBOSE] [table [USING index]]} or the older {@code index ON table}. */
	static Cluster cluster(Cursor cursor) {
		if (cursor.is("(")) {
			options(cursor);
		}
		cursor.accept("verbose");
		if (cursor.atEnd()) {
			return new Cluster(null, null);
		}
		TableName first = cursor.name();
		if (cursor.accept("on")) {
			TableName table = cursor.name();
			cursor.expectEnd();
			return new Cluster(table, first.name());
		}
		String index = cursor.accept("using") ? cursor.identifier() : null;
		cursor.expectEnd();
		return new Cluster(first, index);
	}

	/** Reads what follows {@code LOCK}. */
	static Lock lock(Cursor cursor) {
		cursor.accept("table");
		List<TableName> tables = tableList(cursor);
		String mode = "ACCESS EXCLUSIVE";
		if (cursor.accept("in")) {
			int from = cursor.position();
			while (!cursor.is("mode")) {
				cursor.identifier();
			}
			mode = cursor.text(from, cursor.position()).toUpperCase(Locale.ROOT);
			cursor.expect("mode");
		}
		boolean nowait = cursor.accept("nowait");
		cursor.expectEnd();
		return new Lock(tables, mode, nowait);
	}

	/** Reads {@code [ONLY] name [*], ...}. */
	private static List<TableName> tableList(Cursor cursor) {
		List<TableName> tables = new ArrayList<>();
		do {
			cursor.accept("only");
			tables.add(cursor.name());
			cursor.accept("*");
		}
		while (cursor.accept(","));
		return tables;
	}

	/** Reads what follows {@code REFRESH}. */
	static RefreshMaterializedView refresh(Cursor cursor) {
		cursor.expect("materialized", "view");
		boolean concurrently = cursor.accept("concurrently");
		TableName name = cursor.name();
		if (cursor.accept("with")) {
			cursor.accept("no");
			cursor.expect("data");
		}
		cursor.expectEnd();
		return new RefreshMaterializedView(concurrently, name);
	}

	/** Reads what follows {@code TRUNCATE}. */
	static Truncate truncate(Cursor cursor) {
		cursor.accept("table");
		List<TableName> tables = tableList(cursor);
		if (!cursor.accept("restart", "identity")) {
			cursor.accept("continue", "identity");
		}
		boolean cascade = cursor.accept("cascade");
		if (!cascade) {
			cursor.accept("restrict");
		}
		cursor.expectEnd();
		return new Truncate(tables, cascade);
	}

}
