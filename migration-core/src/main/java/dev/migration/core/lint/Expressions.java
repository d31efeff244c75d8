package dev.migration.core.lint;

import java.util.List;
import java.util.Set;

import dev.migration.core.dialect.SqlTokens;

/**
 * Reads the SQL expressions that op records carry as text (defaults, check conditions) at the
 * token level.
 */
final class Expressions {

	/** Functions whose default PostgreSQL must evaluate per row, rewriting the table; now() is stable. */
	private static final Set<String> VOLATILE = Set.of("random", "clock_timestamp", "timeofday", "gen_random_uuid",
			"uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "nextval", "setseed",
			"txid_current", "random_normal");

	private Expressions() {
	}

	/**
	 * Returns the first volatile function the expression calls, or {@code null}: one PostgreSQL
	 * declares volatile, or, with a database, any function its catalog declares so.
	 */
	static String volatileCall(String sql, DatabaseFacts facts) {
		List<SqlTokens.Token> tokens = SqlTokens.of(sql);
		for (int i = 0; i + 1 < tokens.size(); i++) {
			SqlTokens.Token token = tokens.get(i);
			if (token.kind() == SqlTokens.Kind.WORD && (VOLATILE.contains(token.text()) || facts.isVolatile(token.text()))
					&& tokens.get(i + 1).isSymbol("(")) {
				return token.text() + "()";
			}
		}
		return null;
	}

	/** Returns the column of a {@code col IS NOT NULL} condition, or {@code null} for any other one. */
	static String notNullColumn(String sql) {
		List<SqlTokens.Token> tokens = SqlTokens.of(sql).stream()
			.filter((token) -> !token.isSymbol("(") && !token.isSymbol(")"))
			.toList();
		if (tokens.size() == 4 && tokens.get(0).identifier() != null && tokens.get(1).isWord("is")
				&& tokens.get(2).isWord("not") && tokens.get(3).isWord("null")) {
			return tokens.get(0).identifier();
		}
		return null;
	}

}
