package dev.migration.core.lint.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migration.core.dialect.SqlTokens;
import dev.migration.core.dialect.SqlTokens.Kind;
import dev.migration.core.dialect.SqlTokens.Token;

/**
 * Finds the functions a query or a procedural body calls, from its tokens: a name followed by a
 * parenthesis, unless the grammar makes it something else (a keyword, a type's modifier, an
 * alias's column list, a common table expression). It errs towards finding a call, since one
 * missed passes in silence.
 */
public final class FunctionCalls {

	/**
	 * Words of the grammar that may stand before a parenthesis without calling a function: keywords,
	 * the constructs written like calls ({@code CAST}, {@code EXTRACT}, {@code COALESCE}, ...) and
	 * the words of type names that take a modifier.
	 */
	private static final Set<String> GRAMMAR = Set.of("all", "and", "any", "array", "as", "between", "by", "case",
			"cast", "coalesce", "collation", "conflict", "cube", "current_time", "current_timestamp", "default",
			"distinct", "do", "else", "elsif", "exists", "except", "execute", "explain", "extract", "fetch", "filter",
			"for", "from", "greatest", "group", "grouping", "having", "if", "ilike", "in", "insert", "intersect",
			"interval", "into", "is", "join", "json", "json_array", "json_arrayagg", "json_exists", "json_object",
			"json_objectagg", "json_query", "json_scalar", "json_serialize", "json_table", "json_value", "lateral",
			"least", "like", "limit", "localtime", "localtimestamp", "loop", "materialized", "merge_action", "normalize", "not",
			"nullif", "offset", "on", "only", "or", "order", "over", "overlay", "partition", "perform", "position",
			"query", "raise", "return", "returning", "rollup", "row", "select", "set", "sets", "similar", "some",
			"substring", "table", "tablesample", "then", "to", "treat", "trim", "union", "using", "values", "varying",
			"when", "where", "while", "window", "with", "within", "xmlconcat", "xmlelement", "xmlexists",
			"xmlforest", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable", "assert", "next", "strict",
			"atomic", "begin", "end", "exit", "continue", "foreach", "slice", "open", "close", "move", "get");

	/** Words after which a name followed by a parenthesis is a table or a type, never a call. */
	private static final Set<String> NOT_AFTER = Set.of("::", "as", "into", "table", "tablesample");

	private FunctionCalls() {
	}

	/**
	 * Returns the functions called, in order, each once, with the schema where the call names one.
	 * @param sql a statement, or the body of a function or {@code DO} block (its string literals
	 * are left unread: {@code EXECUTE}'s strings are statements of their own)
	 * @return the functions called
	 */
	public static List<TableName> in(String sql) {
		List<Token> tokens = SqlTokens.of(sql);
		List<TableName> calls = new ArrayList<>();
		for (int i = 0; i + 1 < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.identifier() == null || !tokens.get(i + 1).isSymbol("(")) {
				continue;
			}
			boolean qualified = i >= 2 && tokens.get(i - 1).isSymbol(".") && tokens.get(i - 2).identifier() != null;
			int first = qualified ? i - 2 : i;
			TableName call = new TableName(qualified ? tokens.get(i - 2).identifier() : null, token.identifier());
			if ((qualified || token.kind() == Kind.QUOTED || !GRAMMAR.contains(token.text()))
					&& isCall(tokens, first, i + 1) && !calls.contains(call)) {
				calls.add(call);
			}
		}
		return calls;
	}

	/** Whether the name starting at {@code first}, whose parenthesis opens at {@code open}, is called. */
	private static boolean isCall(List<Token> tokens, int first, int open) {
		Token before = (first > 0) ? tokens.get(first - 1) : null;
		if (before == null) {
			return true;
		}
		if (NOT_AFTER.contains(before.text()) && before.kind() != Kind.QUOTED && before.kind() != Kind.LITERAL) {
			return false;
		}
		if (before.isSymbol(")")) {
			// an alias's column list after a function or subquery in FROM, but a call after DISTINCT ON (...)
			int opened = opening(tokens, first - 1);
			return opened >= 2 && tokens.get(opened - 1).isWord("on") && tokens.get(opened - 2).isWord("distinct");
		}
		if (before.isWord("with") || before.isWord("recursive") || before.isSymbol(",")) {
			// a common table expression's name and columns: name (a, b) AS [NOT] [MATERIALIZED] (
			int after = closing(tokens, open) + 1;
			return !(after + 1 < tokens.size() && tokens.get(after).isWord("as") && (tokens.get(after + 1).isSymbol("(")
					|| tokens.get(after + 1).isWord("materialized") || tokens.get(after + 1).isWord("not")));
		}
		return true;
	}

	/** Returns where the parenthesis closed at {@code close} opened, or -1. */
	private static int opening(List<Token> tokens, int close) {
		int depth = 0;
		for (int i = close; i >= 0; i--) {
			depth += tokens.get(i).isSymbol(")") ? 1 : tokens.get(i).isSymbol("(") ? -1 : 0;
			if (depth == 0) {
				return i;
			}
		}
		return -1;
	}

	/** Returns where the parenthesis opened at {@code open} closes, or the last token. */
	private static int closing(List<Token> tokens, int open) {
		int depth = 0;
		for (int i = open; i < tokens.size(); i++) {
			depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
			if (depth == 0) {
				return i;
			}
		}
		return tokens.size() - 1;
	}

}
