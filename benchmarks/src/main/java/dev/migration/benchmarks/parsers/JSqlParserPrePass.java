package dev.migration.benchmarks.parsers;

import java.util.List;

import dev.migration.core.dialect.SqlTokens;

/**
 * The pre-pass the linter ran before JSqlParser until the focused parser replaced it (it was
 * {@code PostgresClauses} in {@code migration-core}): notes the PostgreSQL-only clauses
 * JSqlParser does not know ({@code CONCURRENTLY}, {@code NOT VALID}, {@code USING INDEX ix} of a
 * key constraint) and returns the statement without them, so the parser sees standard DDL and
 * the rules still know what was there.
 *
 * @param sql the statement with the clauses taken out (and comments blanked)
 * @param concurrently whether the statement said {@code CONCURRENTLY}
 * @param notValid whether it said {@code NOT VALID}
 * @param usingIndex whether a key constraint took an existing index ({@code USING INDEX})
 */
record JSqlParserPrePass(String sql, boolean concurrently, boolean notValid, boolean usingIndex) {

	static JSqlParserPrePass of(String statement) {
		List<SqlTokens.Token> tokens = SqlTokens.of(statement);
		StringBuilder sql = new StringBuilder();
		boolean concurrently = false;
		boolean notValid = false;
		boolean usingIndex = false;
		int i = 0;
		while (i < tokens.size()) {
			SqlTokens.Token token = tokens.get(i);
			if (token.isWord("concurrently") && i > 0 && tokens.get(i - 1).isWord("index")) {
				concurrently = true;
				i++;
			}
			else if (token.isWord("not") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("valid")) {
				notValid = true;
				i += 2;
			}
			else if (token.isWord("using") && i + 2 < tokens.size() && tokens.get(i + 1).isWord("index")
					&& i > 0 && (tokens.get(i - 1).isWord("unique") || tokens.get(i - 1).isWord("key"))) {
				// the parser wants key columns here: the index name stands in for them
				usingIndex = true;
				sql.append(" (").append(statement, tokens.get(i + 2).start(), tokens.get(i + 2).end()).append(')');
				i += 3;
			}
			else {
				// adjacent tokens stay adjacent (>=, ->>), any gap becomes one space (comments go)
				boolean gap = i == 0 || tokens.get(i - 1).end() < token.start();
				sql.append(gap ? " " : "").append(statement, token.start(), token.end());
				i++;
			}
		}
		return new JSqlParserPrePass(sql.toString().strip(), concurrently, notValid, usingIndex);
	}

}
