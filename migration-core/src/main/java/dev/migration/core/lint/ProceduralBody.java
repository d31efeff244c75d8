package dev.migration.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migration.core.dialect.SqlTokens;
import dev.migration.core.lint.parse.SqlParser;

/**
 * The SQL statements inside a PL/pgSQL body (a {@code DO} block), found by skipping the
 * control structure around them, so the rules can judge them as if they stood alone.
 *
 * @param statements the statements the body runs as written, and the literal ones it runs with
 *     {@code EXECUTE}
 * @param dynamic whether it runs SQL it builds at run time, which no reader can judge
 * @param loops whether it loops, so a statement in it may run once per row
 * @param rest the text around those statements: control, conditions, assignments, reads such as
 *     {@code PERFORM} and {@code SELECT ... INTO}, whose calls run too
 */
record ProceduralBody(List<String> statements, boolean dynamic, boolean loops, String rest) {

	/** Words that start a statement the rules judge; anything else in a body is control or a read. */
	private static final Set<String> SQL_WORDS = Set.of("insert", "update", "delete", "merge", "alter", "create",
			"drop", "truncate", "reindex", "vacuum", "cluster", "lock", "refresh", "comment", "grant", "revoke");

	ProceduralBody {
		statements = List.copyOf(statements);
	}

	/**
	 * Reads a body.
	 * @param body the body's text, without its quotes
	 * @return what it runs
	 */
	static ProceduralBody read(String body) {
		List<String> statements = new ArrayList<>();
		boolean dynamic = false;
		boolean loops = false;
		StringBuilder rest = new StringBuilder();
		List<SqlTokens.Token> tokens = SqlTokens.of(body);
		int start = 0;
		int depth = 0;
		for (int i = 0; i <= tokens.size(); i++) {
			boolean end = i == tokens.size() || depth == 0 && tokens.get(i).isSymbol(";");
			if (!end) {
				SqlTokens.Token token = tokens.get(i);
				depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
				loops |= token.isWord("loop");
				continue;
			}
			List<SqlTokens.Token> segment = tokens.subList(start, i);
			start = i + 1;
			int first = afterControl(segment);
			if (first >= segment.size()) {
				continue;
			}
			SqlTokens.Token word = segment.get(first);
			boolean statement = word.kind() == SqlTokens.Kind.WORD && SQL_WORDS.contains(word.text());
			rest.append(body, segment.get(0).start(), statement ? word.start() : segment.get(segment.size() - 1).end())
				.append(";\n");
			if (word.isWord("execute")) {
				String literal = executedLiteral(segment.subList(first + 1, segment.size()));
				if (literal == null) {
					dynamic = true;
				}
				else {
					statements.add(literal);
				}
			}
			else if (statement) {
				statements.add(body.substring(word.start(), segment.get(segment.size() - 1).end()));
			}
		}
		return new ProceduralBody(statements, dynamic, loops, rest.toString());
	}

	/** Skips BEGIN, DECLARE, ELSE, IF ... THEN, FOR ... LOOP and kin before a statement. */
	private static int afterControl(List<SqlTokens.Token> segment) {
		int i = 0;
		while (i < segment.size()) {
			SqlTokens.Token token = segment.get(i);
			if (token.isWord("begin") || token.isWord("else") || token.isWord("loop") || token.isWord("declare")) {
				i++;
			}
			else if (token.isWord("if") || token.isWord("elsif") || token.isWord("when")) {
				i = past(segment, i, "then");
			}
			else if (token.isWord("for") || token.isWord("while") || token.isWord("foreach")) {
				i = past(segment, i, "loop");
			}
			else if (token.isWord("end")) {
				return segment.size();
			}
			else if (token.isWord("exception")) {
				i++;
			}
			else {
				return i;
			}
		}
		return i;
	}

	/** Returns the index after the word at parenthesis depth 0, or the end. */
	private static int past(List<SqlTokens.Token> segment, int from, String word) {
		int depth = 0;
		for (int i = from + 1; i < segment.size(); i++) {
			SqlTokens.Token token = segment.get(i);
			depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
			if (depth == 0 && token.isWord(word)) {
				return i + 1;
			}
		}
		return segment.size();
	}

	/** Returns the SQL of {@code EXECUTE 'literal'}, or {@code null} when the text is built at run time. */
	private static String executedLiteral(List<SqlTokens.Token> rest) {
		if (rest.size() == 1 && rest.get(0).kind() == SqlTokens.Kind.LITERAL) {
			return SqlParser.literalText(rest.get(0).text());
		}
		return null;
	}

}
