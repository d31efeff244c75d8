package dev.migration.core.lint.parse;

import java.util.List;
import java.util.Set;

import dev.migration.core.dialect.SqlTokens.Kind;
import dev.migration.core.dialect.SqlTokens.Token;

/**
 * Finds, as best it can, the tables a procedural body changes, from its text: the words that
 * start a change followed by a name, in the body and in the strings it runs.
 */
final class BodyTables {

	/** Words before {@code UPDATE} that make it no statement: {@code FOR UPDATE}, {@code ON UPDATE}, {@code DO UPDATE}. */
	private static final Set<String> NOT_A_STATEMENT = Set.of("for", "key", "on", "or", "before", "after", "of", "do",
			"instead");

	private BodyTables() {
	}

	static void collect(String body, List<TableName> tables) {
		Cursor cursor = new Cursor(body);
		while (!cursor.atEnd()) {
			Token before = cursor.previous();
			Token token = cursor.next();
			if (token.kind() == Kind.LITERAL) {
				collect(Cursor.unquote(token.text()), tables);
			}
			else if (token.kind() == Kind.WORD) {
				statement(cursor, token.text(), before, tables);
			}
		}
	}

	private static void statement(Cursor cursor, String word, Token before, List<TableName> tables) {
		int from = cursor.position();
		boolean changes = switch (word) {
			case "insert" -> cursor.accept("into");
			case "update" -> before == null || !NOT_A_STATEMENT.contains(before.text());
			case "delete" -> cursor.accept("from");
			case "truncate" -> cursor.accept("table") || cursor.isIdentifier();
			case "alter", "drop" -> table(cursor);
			case "create" -> index(cursor);
			default -> false;
		};
		if (changes) {
			cursor.accept("only");
			add(cursor, tables);
		}
		else {
			cursor.reset(from);
		}
	}

	/** Moves past {@code TABLE [IF EXISTS]} when it comes next. */
	private static boolean table(Cursor cursor) {
		if (!cursor.accept("table")) {
			return false;
		}
		cursor.accept("if", "exists");
		return true;
	}

	/** Moves past {@code [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON} when it comes next. */
	private static boolean index(Cursor cursor) {
		cursor.accept("unique");
		if (!cursor.accept("index")) {
			return false;
		}
		cursor.accept("concurrently");
		cursor.accept("if", "not", "exists");
		if (!cursor.is("on") && cursor.isIdentifier()) {
			cursor.next();
		}
		return cursor.accept("on");
	}

	private static void add(Cursor cursor, List<TableName> tables) {
		if (!cursor.isIdentifier()) {
			return;
		}
		TableName table = cursor.name();
		if (!tables.contains(table)) {
			tables.add(table);
		}
	}

}
