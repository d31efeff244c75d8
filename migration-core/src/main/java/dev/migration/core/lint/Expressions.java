package dev.migration.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

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
	static String volatileCall(String sql, Predicate<String> userVolatile) {
		List<SqlTokens.Token> tokens = SqlTokens.of(sql);
		for (int i = 0; i + 1 < tokens.size(); i++) {
			SqlTokens.Token token = tokens.get(i);
			if (token.kind() == SqlTokens.Kind.WORD && (VOLATILE.contains(token.text()) || userVolatile.test(token.text()))
					&& tokens.get(i + 1).isSymbol("(")) {
				return token.text() + "()";
			}
		}
		return null;
	}

	/**
	 * Returns whether a WHERE condition picks rows by key, as a batch or a fix of a few rows
	 * does: one of its top-level AND terms an equality or an IN list of values, and no top-level
	 * OR that could widen it.
	 * @param where the condition, or {@code null} for none
	 * @return whether it is bounded
	 */
	static boolean boundedByKey(String where) {
		return boundedByKey(where, (column) -> true);
	}

	/**
	 * Returns whether a WHERE condition picks rows by key, as {@link #boundedByKey(String)}, with
	 * only the columns the predicate accepts as keys.
	 * @param where the condition, or {@code null} for none
	 * @param isKey whether an equality on a column picks few rows
	 * @return whether it is bounded
	 */
	static boolean boundedByKey(String where, Predicate<String> isKey) {
		if (where == null) {
			return false;
		}
		List<List<SqlTokens.Token>> terms = new ArrayList<>();
		List<SqlTokens.Token> term = new ArrayList<>();
		int depth = 0;
		for (SqlTokens.Token token : SqlTokens.of(where)) {
			depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
			if (depth == 0 && token.isWord("or")) {
				return false;
			}
			if (depth == 0 && token.isWord("and")) {
				terms.add(term);
				term = new ArrayList<>();
			}
			else {
				term.add(token);
			}
		}
		terms.add(term);
		return terms.stream().anyMatch((each) -> byKey(each, isKey));
	}

	/**
	 * A term picks rows by key when it compares a bare column with values: {@code col = 5},
	 * {@code t.col = ?}, {@code col IN (1, 2)}; a function of the column ({@code trim(col) = ''})
	 * or a subquery reads every row.
	 */
	private static boolean byKey(List<SqlTokens.Token> term, Predicate<String> isKey) {
		if (term.stream().anyMatch((token) -> token.isWord("select"))) {
			return false;
		}
		int equals = indexOfSymbol(term, "=");
		if (equals > 0) {
			List<SqlTokens.Token> left = term.subList(0, equals);
			List<SqlTokens.Token> right = term.subList(equals + 1, term.size());
			return isColumn(left) && isValue(right) && isKey.test(left.get(left.size() - 1).identifier())
					|| isValue(left) && isColumn(right) && isKey.test(right.get(right.size() - 1).identifier());
		}
		int in = indexOfWord(term, "in");
		return in > 0 && isColumn(term.subList(0, in)) && in + 1 < term.size() && term.get(in + 1).isSymbol("(")
				&& isKey.test(term.get(in - 1).identifier());
	}

	private static boolean isColumn(List<SqlTokens.Token> tokens) {
		for (int i = 0; i < tokens.size(); i++) {
			boolean expected = (i % 2 == 0) ? tokens.get(i).identifier() != null : tokens.get(i).isSymbol(".");
			if (!expected) {
				return false;
			}
		}
		return tokens.size() % 2 == 1;
	}

	private static boolean isValue(List<SqlTokens.Token> tokens) {
		if (tokens.size() == 1) {
			SqlTokens.Token token = tokens.get(0);
			return token.kind() == SqlTokens.Kind.LITERAL || token.kind() == SqlTokens.Kind.NUMBER
					|| token.isSymbol("?") || token.kind() == SqlTokens.Kind.WORD && token.text().startsWith("${");
		}
		// a cast ('x'::text) or a parameter ($1, :name)
		return !tokens.isEmpty() && tokens.size() <= 3 && (tokens.get(0).kind() == SqlTokens.Kind.LITERAL
				|| tokens.get(0).kind() == SqlTokens.Kind.NUMBER || tokens.get(0).isSymbol("$")
				|| tokens.get(0).isSymbol(":"));
	}

	private static int indexOfSymbol(List<SqlTokens.Token> tokens, String symbol) {
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).isSymbol(symbol)) {
				return i;
			}
		}
		return -1;
	}

	private static int indexOfWord(List<SqlTokens.Token> tokens, String word) {
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).isWord(word)) {
				return i;
			}
		}
		return -1;
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
