package dev.migration.core.lint.parse;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migration.core.dialect.PostgresScanner;
import dev.migration.core.lint.parse.ParsedStatement.Command;
import dev.migration.core.lint.parse.ParsedStatement.Explain;
import dev.migration.core.lint.parse.ParsedStatement.Unrecognized;

/**
 * A parser of single PostgreSQL statements for the linter, over the project's own lexer: it
 * reads in full the statements whose locks and rewrites the rules judge, recognizes the others
 * by their leading words, and never throws: what it cannot read is {@link Unrecognized}, with the
 * reason and the place.
 */
public final class SqlParser {

	/** Objects {@code CREATE} makes that the rules need not look inside, longest first where one starts another. */
	private static final List<String> CREATE_COMMANDS = List.of("materialized view", "recursive view", "view",
			"sequence", "extension", "schema", "type", "domain", "role", "user mapping", "user", "group", "policy",
			"rule", "aggregate", "cast", "collation", "conversion", "default conversion", "database", "event trigger",
			"foreign data wrapper", "foreign table", "trusted procedural language", "trusted language",
			"procedural language", "language", "operator class", "operator family", "operator", "publication",
			"server", "statistics", "subscription", "tablespace", "text search", "transform", "access method");

	/** Objects {@code ALTER} changes that the rules need not look inside. */
	private static final List<String> ALTER_COMMANDS = List.of("materialized view", "view", "index", "sequence",
			"function", "procedure", "routine", "schema", "role", "user mapping", "user", "group", "database",
			"extension", "domain", "policy", "trigger", "foreign table", "foreign data wrapper", "publication",
			"subscription", "server", "aggregate", "operator class", "operator family", "operator", "text search",
			"collation", "conversion", "event trigger", "rule", "statistics", "tablespace", "procedural language",
			"language", "large object", "default privileges", "system");

	/** Statements recognized by their first word alone. */
	private static final Set<String> ONE_WORD_COMMANDS = Set.of("grant", "revoke", "comment", "set", "reset", "show",
			"begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release",
			"prepare", "execute", "deallocate", "declare", "fetch", "close", "move", "listen", "notify", "unlisten",
			"discard", "checkpoint", "load", "security", "import", "reassign", "analyze", "analyse");

	private SqlParser() {
	}

	/**
	 * Parses one statement, as {@link PostgresScanner#split} returns it.
	 * @param statement the statement, without its semicolon
	 * @return what it is and holds, or {@link Unrecognized} with the reason
	 */
	public static ParsedStatement parse(String statement) {
		try {
			String sql = PostgresScanner.isCopyWithData(statement) ? PostgresScanner.copyCommand(statement) : statement;
			return statement(new Cursor(sql));
		}
		catch (Cursor.Failure ex) {
			return new Unrecognized(ex.getMessage());
		}
		catch (RuntimeException ex) {
			// a bug of this parser must not stop the linter: the statement is reported unread instead
			return new Unrecognized("the parser failed (" + ex + ")");
		}
	}

	private static ParsedStatement statement(Cursor cursor) {
		if (cursor.atEnd()) {
			return new Unrecognized("no statement: only comments or whitespace");
		}
		if (cursor.is("with") || cursor.is("select") || cursor.is("values") || cursor.is("table") || cursor.is("(")
				|| cursor.is("insert") || cursor.is("update") || cursor.is("delete") || cursor.is("merge")) {
			return DmlParser.dml(cursor);
		}
		String word = cursor.next().text();
		return switch (word) {
			case "create" -> create(cursor);
			case "alter" -> alter(cursor);
			case "drop" -> MaintenanceParser.drop(cursor);
			case "copy" -> DmlParser.copy(cursor);
			case "do" -> RoutineParser.doBlock(cursor);
			case "truncate" -> MaintenanceParser.truncate(cursor);
			case "lock" -> MaintenanceParser.lock(cursor);
			case "vacuum" -> MaintenanceParser.vacuum(cursor);
			case "cluster" -> MaintenanceParser.cluster(cursor);
			case "reindex" -> MaintenanceParser.reindex(cursor);
			case "refresh" -> MaintenanceParser.refresh(cursor);
			case "explain" -> explain(cursor);
			case "call" -> RoutineParser.call(cursor);
			default -> command(cursor, word);
		};
	}

	private static ParsedStatement create(Cursor cursor) {
		boolean orReplace = cursor.accept("or", "replace");
		boolean temporary = cursor.accept("global") || cursor.accept("local");
		temporary |= cursor.accept("temporary") || cursor.accept("temp");
		boolean unlogged = cursor.accept("unlogged");
		if (cursor.is("table")) {
			return TableParser.createTable(cursor, temporary, unlogged);
		}
		if (cursor.is("index")) {
			return IndexParser.createIndex(cursor, false);
		}
		if (cursor.accept("unique")) {
			return IndexParser.createIndex(cursor, true);
		}
		if (cursor.accept("function") || cursor.accept("procedure")) {
			return RoutineParser.createFunction(cursor, cursor.previous().isWord("procedure"), orReplace);
		}
		if (cursor.accept("trigger") || cursor.accept("constraint", "trigger")) {
			return RoutineParser.createTrigger(cursor);
		}
		return kind(cursor, "CREATE", CREATE_COMMANDS);
	}

	private static ParsedStatement alter(Cursor cursor) {
		if (cursor.accept("table")) {
			if (cursor.accept("all", "in", "tablespace")) {
				cursor.rest();
				return new Command("ALTER TABLE ALL IN TABLESPACE");
			}
			return AlterTableParser.alterTable(cursor);
		}
		if (cursor.accept("type")) {
			return RoutineParser.alterType(cursor);
		}
		return kind(cursor, "ALTER", ALTER_COMMANDS);
	}

	/**
	 * Reads what follows {@code EXPLAIN}: options in parentheses or the older leading words, then
	 * the statement, read on its own so that one the parser cannot read leaves the plan readable.
	 */
	private static Explain explain(Cursor cursor) {
		boolean analyze;
		if (cursor.is("(") && !cursor.is("(", "select") && !cursor.is("(", "with") && !cursor.is("(", "values")
				&& !cursor.is("(", "table") && !cursor.is("(", "(")) {
			List<String> options = MaintenanceParser.options(cursor);
			analyze = options.contains("analyze") || options.contains("analyse");
		}
		else {
			analyze = cursor.accept("analyze") || cursor.accept("analyse");
			cursor.accept("verbose");
		}
		return new Explain(analyze, parse(cursor.rest()));
	}

	/** Recognizes a statement by the kind of object named after its first word. */
	private static ParsedStatement kind(Cursor cursor, String verb, List<String> kinds) {
		String kind = cursor.acceptPhrase(kinds);
		if (kind == null) {
			throw cursor.fail("unknown kind of " + verb);
		}
		if (!cursor.isIdentifier() && !cursor.is("(")) {
			throw cursor.fail("expected a name after " + verb + " " + kind.toUpperCase(Locale.ROOT));
		}
		return new Command(verb + " " + kind.toUpperCase(Locale.ROOT));
	}

	private static ParsedStatement command(Cursor cursor, String word) {
		if (!ONE_WORD_COMMANDS.contains(word)) {
			cursor.reset(0);
			throw cursor.fail("unknown statement");
		}
		String kind = word.equals("analyse") ? "ANALYZE" : word.toUpperCase(Locale.ROOT);
		if (word.equals("start") || word.equals("security") || word.equals("import") || word.equals("reassign")) {
			// START TRANSACTION, SECURITY LABEL, IMPORT FOREIGN SCHEMA, REASSIGN OWNED: one word says too little
			kind += cursor.isIdentifier() ? " " + cursor.next().text().toUpperCase(Locale.ROOT) : "";
		}
		return new Command(kind);
	}

	/**
	 * Returns the text of a literal as the lexer gave it: quotes, dollar tags and doubled quotes
	 * taken off, such as the body of a {@code DO} block.
	 * @param literal a literal token's text
	 * @return its value
	 */
	public static String literalText(String literal) {
		return Cursor.unquote(literal);
	}

}
