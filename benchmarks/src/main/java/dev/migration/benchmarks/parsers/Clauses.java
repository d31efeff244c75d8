package dev.migration.benchmarks.parsers;

import java.util.List;

import dev.migration.core.dialect.SqlTokens;

/**
 * The clauses the lock rules turn on, as a statement's words say them, read with the project's
 * lexer (so nothing in a comment, a string or a function body counts): a parser's tree must
 * hold each of them, or a safe and an unsafe statement look the same.
 *
 * @param concurrently whether it says {@code CONCURRENTLY}
 * @param notValid how many constraints of an {@code ALTER TABLE} it adds {@code NOT VALID}
 * @param usingIndex how many key constraints take an existing index ({@code USING INDEX ix})
 * @param uniqueIndex whether it is {@code CREATE UNIQUE INDEX}
 */
record Clauses(boolean concurrently, int notValid, int usingIndex, boolean uniqueIndex) {

	static Clauses said(String statement) {
		List<SqlTokens.Token> tokens = SqlTokens.of(statement);
		boolean alterTable = tokens.size() > 1 && tokens.get(0).isWord("alter") && tokens.get(1).isWord("table");
		boolean create = !tokens.isEmpty() && tokens.get(0).isWord("create");
		boolean concurrently = false;
		int notValid = 0;
		int usingIndex = 0;
		boolean uniqueIndex = false;
		for (int i = 0; i < tokens.size(); i++) {
			concurrently |= tokens.get(i).isWord("concurrently");
			if (i > 0 && tokens.get(i - 1).isWord("not") && tokens.get(i).isWord("valid") && alterTable) {
				notValid++;
			}
			if (i > 0 && i + 1 < tokens.size() && tokens.get(i).isWord("using") && tokens.get(i + 1).isWord("index")
					&& (tokens.get(i - 1).isWord("unique") || tokens.get(i - 1).isWord("key"))) {
				usingIndex++;
			}
			// CREATE UNIQUE INDEX: the second word, so a column named unique elsewhere does not count
			uniqueIndex |= create && i == 2 && tokens.get(1).isWord("unique") && tokens.get(i).isWord("index");
		}
		return new Clauses(concurrently, notValid, usingIndex, uniqueIndex);
	}

	boolean any() {
		return this.concurrently || this.notValid > 0 || this.usingIndex > 0 || this.uniqueIndex;
	}

}
