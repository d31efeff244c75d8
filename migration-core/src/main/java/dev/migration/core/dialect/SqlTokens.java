package dev.migration.core.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lexer for one PostgreSQL statement: words (a Flyway placeholder such as {@code ${schema}} is
 * a word too), quoted identifiers, literals (dollar-quoted too) and symbols, with comments dropped. It feeds the linter's pre-pass that takes PostgreSQL-only
 * clauses out before parsing, reads the few expressions that op records hold as SQL text, and
 * reads the names in a concurrent index build or drop for a rerun's check.
 */
public final class SqlTokens {

	/** What a token is. */
	public enum Kind {

		WORD, QUOTED, LITERAL, NUMBER, SYMBOL

	}

	/**
	 * One token.
	 *
	 * @param kind what it is
	 * @param text its text: lower-case for a word, unquoted for a quoted identifier, as written otherwise
	 * @param start its first character in the statement
	 * @param end the character after it
	 */
	public record Token(Kind kind, String text, int start, int end) {

		/**
		 * Returns whether this is the given word.
		 * @param word the word, lower case
		 * @return whether it is that word
		 */
		public boolean isWord(String word) {
			return this.kind == Kind.WORD && this.text.equals(word);
		}

		/**
		 * Returns whether this is the given symbol.
		 * @param symbol the symbol
		 * @return whether it is that symbol
		 */
		public boolean isSymbol(String symbol) {
			return this.kind == Kind.SYMBOL && this.text.equals(symbol);
		}

		/**
		 * Returns the identifier this token names.
		 * @return the identifier, or {@code null} when it is no identifier
		 */
		public String identifier() {
			return (this.kind == Kind.WORD || this.kind == Kind.QUOTED) ? this.text : null;
		}

	}

	private SqlTokens() {
	}

	/**
	 * Splits a statement into tokens.
	 * @param sql one statement
	 * @return the tokens, comments left out
	 */
	public static List<Token> of(String sql) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			int start = i;
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (sql.startsWith("--", i)) {
				int line = sql.indexOf('\n', i);
				i = (line < 0) ? sql.length() : line + 1;
			}
			else if (sql.startsWith("/*", i)) {
				i = blockCommentEnd(sql, i);
			}
			else if (c == '"') {
				i = quotedEnd(sql, i, '"');
				tokens.add(new Token(Kind.QUOTED, sql.substring(start + 1, i - 1).replace("\"\"", "\""), start, i));
			}
			else if (c == '\'' || ((c == 'e' || c == 'E') && i + 1 < sql.length() && sql.charAt(i + 1) == '\'')) {
				i = quotedEnd(sql, (c == '\'') ? i : i + 1, '\'');
				tokens.add(new Token(Kind.LITERAL, sql.substring(start, i), start, i));
			}
			else if (c == '$' && placeholderEnd(sql, i) < 0 && dollarTag(sql, i) != null) {
				String tag = dollarTag(sql, i);
				int close = sql.indexOf(tag, i + tag.length());
				i = (close < 0) ? sql.length() : close + tag.length();
				tokens.add(new Token(Kind.LITERAL, sql.substring(start, i), start, i));
			}
			else if (Character.isLetter(c) || c == '_' || placeholderEnd(sql, i) > 0) {
				i = wordEnd(sql, i);
				tokens.add(new Token(Kind.WORD, sql.substring(start, i).toLowerCase(Locale.ROOT), start, i));
			}
			else if (Character.isDigit(c)) {
				while (i < sql.length() && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
					i++;
				}
				tokens.add(new Token(Kind.NUMBER, sql.substring(start, i), start, i));
			}
			else {
				i += sql.startsWith("::", i) ? 2 : 1;
				tokens.add(new Token(Kind.SYMBOL, sql.substring(start, i), start, i));
			}
		}
		return tokens;
	}

	/** Where a word ends: letters, digits, underscores, dollars and Flyway placeholders such as {@code ${schema}}. */
	private static int wordEnd(String sql, int from) {
		int i = from;
		while (i < sql.length()) {
			int placeholder = placeholderEnd(sql, i);
			if (placeholder > 0) {
				i = placeholder;
			}
			else if (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$') {
				i++;
			}
			else {
				break;
			}
		}
		return i;
	}

	/** Where a Flyway placeholder {@code ${name}} starting here ends, or -1: it stands for a name, so it lexes as one. */
	private static int placeholderEnd(String sql, int from) {
		if (!sql.startsWith("${", from)) {
			return -1;
		}
		for (int i = from + 2; i < sql.length(); i++) {
			char c = sql.charAt(i);
			if (c == '}') {
				return (i > from + 2) ? i + 1 : -1;
			}
			if (!Character.isLetterOrDigit(c) && c != '_' && c != '.' && c != ':' && c != '-') {
				return -1;
			}
		}
		return -1;
	}

	private static int blockCommentEnd(String sql, int from) {
		int depth = 0;
		int i = from;
		while (i < sql.length()) {
			if (sql.startsWith("/*", i)) {
				depth++;
				i += 2;
			}
			else if (sql.startsWith("*/", i)) {
				depth--;
				i += 2;
				if (depth == 0) {
					return i;
				}
			}
			else {
				i++;
			}
		}
		return i;
	}

	private static int quotedEnd(String sql, int from, char quote) {
		int i = from + 1;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
				i += 2;
			}
			else if (c == '\\' && quote == '\'' && from > 0 && (sql.charAt(from - 1) == 'e' || sql.charAt(from - 1) == 'E')) {
				i += 2;
			}
			else if (c == quote) {
				return i + 1;
			}
			else {
				i++;
			}
		}
		return i;
	}

	private static String dollarTag(String sql, int from) {
		int i = from + 1;
		while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
			i++;
		}
		if (i < sql.length() && sql.charAt(i) == '$' && (i == from + 1 || !Character.isDigit(sql.charAt(from + 1)))) {
			return sql.substring(from, i + 1);
		}
		return null;
	}

}
