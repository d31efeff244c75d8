package dev.migration.core.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.migration.core.schema.QualifiedName;

/**
 * A {@code CREATE [UNIQUE] INDEX CONCURRENTLY} or {@code DROP INDEX CONCURRENTLY} read from
 * its text, whoever wrote it (an op, {@code op.execute} or a SQL file), so a rerun can ask the
 * catalog what an interrupted attempt left.
 *
 * @param create whether it builds the index (else drops it)
 * @param index the index; its schema is the table's when it builds one
 * @param table the table a build is on, or {@code null} for a drop
 */
record ConcurrentIndexCommand(boolean create, QualifiedName index, QualifiedName table) {

	/**
	 * Reads a statement.
	 * @param sql one statement
	 * @return the command, or empty when the statement is none of the two, or names no index
	 */
	static Optional<ConcurrentIndexCommand> parse(String sql) {
		List<Token> tokens = Token.all(sql);
		int at = 0;
		if (keyword(tokens, at, "create")) {
			at = keyword(tokens, at + 1, "unique") ? at + 2 : at + 1;
			if (!keyword(tokens, at, "index") || !keyword(tokens, at + 1, "concurrently")) {
				return Optional.empty();
			}
			at = skipWords(tokens, at + 2, "if", "not", "exists");
			if (at >= tokens.size() || keyword(tokens, at, "on")) {
				// a nameless build gets a generated name: nothing to look up
				return Optional.empty();
			}
			String index = tokens.get(at).identifier();
			at = skipWords(tokens, at + 1, "on");
			at = skipWords(tokens, at, "only");
			return name(tokens, at).map((table) -> new ConcurrentIndexCommand(true, table.sibling(index), table));
		}
		if (keyword(tokens, at, "drop") && keyword(tokens, at + 1, "index") && keyword(tokens, at + 2, "concurrently")) {
			at = skipWords(tokens, at + 3, "if", "exists");
			return name(tokens, at).map((index) -> new ConcurrentIndexCommand(false, index, null));
		}
		return Optional.empty();
	}

	private static Optional<QualifiedName> name(List<Token> tokens, int at) {
		if (at >= tokens.size() || !tokens.get(at).isName()) {
			return Optional.empty();
		}
		if (at + 2 < tokens.size() && tokens.get(at + 1).text().equals(".") && tokens.get(at + 2).isName()) {
			return Optional.of(new QualifiedName(tokens.get(at).identifier(), tokens.get(at + 2).identifier()));
		}
		return Optional.of(new QualifiedName(null, tokens.get(at).identifier()));
	}

	private static int skipWords(List<Token> tokens, int at, String... words) {
		for (int i = 0; i < words.length; i++) {
			if (!keyword(tokens, at + i, words[i])) {
				return at;
			}
		}
		return at + words.length;
	}

	private static boolean keyword(List<Token> tokens, int at, String word) {
		return at < tokens.size() && !tokens.get(at).quoted() && tokens.get(at).text().equalsIgnoreCase(word);
	}

	/** A word, a quoted identifier or a single other character; comments and spaces are dropped. */
	private record Token(String text, boolean quoted) {

		boolean isName() {
			return this.quoted || (!this.text.isEmpty() && (Character.isLetter(this.text.charAt(0))
					|| this.text.charAt(0) == '_'));
		}

		/** The identifier it names: quoted ones as written, others folded to lower case as PostgreSQL does. */
		String identifier() {
			return this.quoted ? this.text : this.text.toLowerCase(Locale.ROOT);
		}

		static List<Token> all(String sql) {
			List<Token> tokens = new ArrayList<>();
			int i = 0;
			while (i < sql.length()) {
				char c = sql.charAt(i);
				if (Character.isWhitespace(c)) {
					i++;
				}
				else if (sql.startsWith("--", i)) {
					int end = sql.indexOf('\n', i);
					i = (end < 0) ? sql.length() : end + 1;
				}
				else if (sql.startsWith("/*", i)) {
					i = blockCommentEnd(sql, i);
				}
				else if (c == '"') {
					i = quoted(sql, i, tokens);
				}
				else if (Character.isLetterOrDigit(c) || c == '_') {
					int start = i;
					while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
							|| sql.charAt(i) == '$')) {
						i++;
					}
					tokens.add(new Token(sql.substring(start, i), false));
				}
				else {
					tokens.add(new Token(String.valueOf(c), false));
					i++;
				}
			}
			return tokens;
		}

		private static int blockCommentEnd(String sql, int start) {
			int depth = 0;
			int i = start;
			while (i < sql.length()) {
				if (sql.startsWith("/*", i)) {
					depth++;
					i += 2;
				}
				else if (sql.startsWith("*/", i)) {
					i += 2;
					if (--depth == 0) {
						return i;
					}
				}
				else {
					i++;
				}
			}
			return i;
		}

		private static int quoted(String sql, int start, List<Token> tokens) {
			StringBuilder name = new StringBuilder();
			int i = start + 1;
			while (i < sql.length()) {
				char c = sql.charAt(i);
				if (c == '"' && i + 1 < sql.length() && sql.charAt(i + 1) == '"') {
					name.append('"');
					i += 2;
				}
				else if (c == '"') {
					i++;
					break;
				}
				else {
					name.append(c);
					i++;
				}
			}
			tokens.add(new Token(name.toString(), true));
			return i;
		}

	}

}
