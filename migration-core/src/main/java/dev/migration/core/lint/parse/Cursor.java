package dev.migration.core.lint.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migration.core.dialect.SqlTokens;
import dev.migration.core.dialect.SqlTokens.Kind;
import dev.migration.core.dialect.SqlTokens.Token;

/** A position in the tokens of one statement, with the reads every statement parser shares. */
final class Cursor {

	/** Thrown when the statement is not as expected; {@link SqlParser} turns it into an {@code Unrecognized}. */
	static final class Failure extends RuntimeException {

		Failure(String reason) {
			super(reason, null, false, false);
		}

	}

	private final String sql;

	private final List<Token> tokens;

	private int at;

	Cursor(String sql) {
		this.sql = sql;
		this.tokens = SqlTokens.of(sql);
	}

	boolean atEnd() {
		return this.at >= this.tokens.size();
	}

	int position() {
		return this.at;
	}

	void reset(int position) {
		this.at = position;
	}

	/** Returns the token {@code ahead} places on, or {@code null} past the end. */
	Token peek(int ahead) {
		int i = this.at + ahead;
		return (i < this.tokens.size()) ? this.tokens.get(i) : null;
	}

	Token peek() {
		return peek(0);
	}

	Token previous() {
		return (this.at > 0) ? this.tokens.get(this.at - 1) : null;
	}

	Token next() {
		if (atEnd()) {
			throw fail("the statement ends too early");
		}
		return this.tokens.get(this.at++);
	}

	/** Returns whether the next tokens are these words or symbols, in order. */
	boolean is(String... parts) {
		for (int i = 0; i < parts.length; i++) {
			if (!matches(peek(i), parts[i])) {
				return false;
			}
		}
		return true;
	}

	/** Returns whether the next token is one of these words or symbols. */
	boolean isAny(Set<String> parts) {
		Token token = peek();
		return token != null && (token.kind() == Kind.WORD || token.kind() == Kind.SYMBOL)
				&& parts.contains(token.text());
	}

	/** Moves past the given words or symbols when they come next. */
	boolean accept(String... parts) {
		if (!is(parts)) {
			return false;
		}
		this.at += parts.length;
		return true;
	}

	/**
	 * Moves past the first of the phrases (words separated by a space) that comes next, and
	 * returns it, or {@code null} when none does.
	 */
	String acceptPhrase(List<String> phrases) {
		for (String phrase : phrases) {
			if (accept(phrase.split(" "))) {
				return phrase;
			}
		}
		return null;
	}

	void expect(String... parts) {
		if (!accept(parts)) {
			throw fail("expected " + String.join(" ", parts).toUpperCase(Locale.ROOT));
		}
	}

	private static boolean matches(Token token, String part) {
		return token != null && (token.kind() == Kind.WORD || token.kind() == Kind.SYMBOL) && token.text().equals(part);
	}

	boolean isIdentifier() {
		Token token = peek();
		return token != null && token.identifier() != null;
	}

	/** Reads a name: a word (keywords are names where a name is due) or a quoted identifier. */
	String identifier() {
		if (!isIdentifier()) {
			throw fail("expected a name");
		}
		return next().identifier();
	}

	/** Reads a name that may be qualified by a schema (and a database, dropped). */
	TableName name() {
		List<String> parts = new ArrayList<>();
		parts.add(identifier());
		while (is(".") && peek(1) != null && peek(1).identifier() != null) {
			this.at++;
			parts.add(identifier());
		}
		String name = parts.get(parts.size() - 1);
		return new TableName((parts.size() > 1) ? parts.get(parts.size() - 2) : null, name);
	}

	/** Reads a string literal and returns its value. */
	String literal() {
		Token token = peek();
		if (token == null || token.kind() != Kind.LITERAL) {
			throw fail("expected a string literal");
		}
		this.at++;
		return unquote(token.text());
	}

	/** Returns the value of a string literal as written: quotes (or dollar tags) taken off. */
	static String unquote(String literal) {
		if (literal.startsWith("$")) {
			int tag = literal.indexOf('$', 1) + 1;
			return literal.substring(tag, Math.max(tag, literal.length() - tag));
		}
		String body = (literal.charAt(0) == '\'') ? literal : literal.substring(1);
		return body.substring(1, Math.max(1, body.length() - 1)).replace("''", "'");
	}

	/** Reads {@code ( name, ... )}. */
	List<String> nameList() {
		expect("(");
		List<String> names = new ArrayList<>();
		do {
			names.add(identifier());
		}
		while (accept(","));
		expect(")");
		return names;
	}

	/** Reads a parenthesised group and returns the text inside it. */
	String parenthesized() {
		expect("(");
		int from = this.at;
		skipToClose();
		String inside = text(from, this.at - 1);
		return inside;
	}

	/** Moves past the tokens up to and including the {@code )} that closes a group already opened. */
	private void skipToClose() {
		int depth = 1;
		while (depth > 0) {
			Token token = next();
			if (token.isSymbol("(") || token.isSymbol("[")) {
				depth++;
			}
			else if (token.isSymbol(")") || token.isSymbol("]")) {
				depth--;
			}
		}
	}

	/** Moves past a parenthesised group when one comes next. */
	boolean skipParenthesized() {
		if (!is("(")) {
			return false;
		}
		parenthesized();
		return true;
	}

	/**
	 * Reads an expression up to a {@code ,} or unmatched {@code )} at its own level, the end, or
	 * (after its first token) a place where {@code stop} says the expression ends.
	 */
	String expression(Stop stop) {
		int from = this.at;
		int depth = 0;
		while (!atEnd()) {
			Token token = peek();
			if (depth == 0 && (token.isSymbol(",") || token.isSymbol(")") || token.isSymbol("]")
					|| this.at > from && stop.at(this))) {
				break;
			}
			if (token.isSymbol("(") || token.isSymbol("[") || token.isWord("case")) {
				depth++;
			}
			else if ((token.isSymbol(")") || token.isSymbol("]") || token.isWord("end")) && depth > 0) {
				depth--;
			}
			this.at++;
		}
		if (this.at == from) {
			throw fail("expected an expression");
		}
		return text(from, this.at);
	}

	/** Reads whatever is left of the statement. */
	String rest() {
		int from = this.at;
		this.at = this.tokens.size();
		return text(from, this.at);
	}

	/** Where an expression ends besides a comma or a closing parenthesis. */
	@FunctionalInterface
	interface Stop {

		Stop NEVER = (cursor) -> false;

		boolean at(Cursor cursor);

	}

	/** Returns the statement's text of tokens {@code from} to {@code to}, any gap one space, comments gone. */
	String text(int from, int to) {
		StringBuilder text = new StringBuilder();
		for (int i = from; i < to; i++) {
			Token token = this.tokens.get(i);
			if (i > from && this.tokens.get(i - 1).end() < token.start()) {
				text.append(' ');
			}
			text.append(this.sql, token.start(), token.end());
		}
		return text.toString();
	}

	Failure fail(String reason) {
		if (atEnd()) {
			return new Failure(reason + " at the end of the statement");
		}
		String near = text(this.at, Math.min(this.tokens.size(), this.at + 6));
		return new Failure(reason + " at \"" + ((near.length() > 60) ? near.substring(0, 60) + "..." : near) + "\"");
	}

	void expectEnd() {
		if (!atEnd()) {
			throw fail("unexpected text");
		}
	}

}
