package dev.migration.core.dialect;

import java.util.List;
import java.util.Optional;

import dev.migration.core.dialect.SqlTokens.Token;
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
		List<Token> tokens = SqlTokens.of(sql);
		int at = 0;
		if (word(tokens, at, "create")) {
			at = word(tokens, at + 1, "unique") ? at + 2 : at + 1;
			if (!word(tokens, at, "index") || !word(tokens, at + 1, "concurrently")) {
				return Optional.empty();
			}
			at = skipWords(tokens, at + 2, "if", "not", "exists");
			if (at >= tokens.size() || word(tokens, at, "on") || tokens.get(at).identifier() == null) {
				// a nameless build gets a generated name: nothing to look up
				return Optional.empty();
			}
			String index = tokens.get(at).identifier();
			at = skipWords(tokens, skipWords(tokens, at + 1, "on"), "only");
			return name(tokens, at).map((table) -> new ConcurrentIndexCommand(true, table.sibling(index), table));
		}
		if (word(tokens, at, "drop") && word(tokens, at + 1, "index") && word(tokens, at + 2, "concurrently")) {
			at = skipWords(tokens, at + 3, "if", "exists");
			return name(tokens, at).map((index) -> new ConcurrentIndexCommand(false, index, null));
		}
		return Optional.empty();
	}

	private static Optional<QualifiedName> name(List<Token> tokens, int at) {
		if (at >= tokens.size() || tokens.get(at).identifier() == null) {
			return Optional.empty();
		}
		if (at + 2 < tokens.size() && tokens.get(at + 1).isSymbol(".") && tokens.get(at + 2).identifier() != null) {
			return Optional.of(new QualifiedName(tokens.get(at).identifier(), tokens.get(at + 2).identifier()));
		}
		return Optional.of(new QualifiedName(null, tokens.get(at).identifier()));
	}

	private static int skipWords(List<Token> tokens, int at, String... words) {
		for (int i = 0; i < words.length; i++) {
			if (!word(tokens, at + i, words[i])) {
				return at;
			}
		}
		return at + words.length;
	}

	private static boolean word(List<Token> tokens, int at, String word) {
		return at < tokens.size() && tokens.get(at).isWord(word);
	}

}
