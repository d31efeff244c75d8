package dev.migration.core.op;

import java.util.ArrayList;
import java.util.List;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.QualifiedName;

/**
 * Reads the target columns of an {@code UPDATE}'s SET list, such as {@code a = 1, (b, c) = (2, 3)},
 * skipping the expressions (with their strings, quoted names, comments and brackets) between
 * them; names fold to lower case unless quoted, as PostgreSQL folds them.
 */
final class AssignedColumns {

	private final String sql;

	private int position;

	private AssignedColumns(String sql) {
		this.sql = sql;
	}

	/**
	 * Returns the columns a SET list assigns, in order, each once.
	 * @param table the table, for the message
	 * @param assignment the SET list
	 * @return the column names as PostgreSQL stores them
	 * @throws MigrationException when the text is no SET list
	 */
	static List<String> of(QualifiedName table, String assignment) {
		try {
			return new AssignedColumns(assignment).columns();
		}
		catch (IllegalArgumentException ex) {
			throw new MigrationException("The backfill of " + table + " needs set(\"column = expression[, ...]\"), "
					+ "a SET list that names the columns it fills, but " + ex.getMessage() + " in: " + assignment);
		}
	}

	private List<String> columns() {
		List<String> columns = new ArrayList<>();
		do {
			for (String column : targets()) {
				if (!columns.contains(column)) {
					columns.add(column);
				}
			}
			skipExpression();
		}
		while (take(','));
		return List.copyOf(columns);
	}

	/** One target, or a parenthesized list of them, up to and including its '='. */
	private List<String> targets() {
		List<String> targets = new ArrayList<>();
		if (take('(')) {
			do {
				targets.add(target());
			}
			while (take(','));
			expect(')');
		}
		else {
			targets.add(target());
		}
		expect('=');
		return targets;
	}

	/** A column, with any subscript or field of it, such as {@code tags[1]} or {@code address.city}. */
	private String target() {
		String column = identifier();
		skipSpace();
		while (this.position < this.sql.length() && (peek() == '[' || peek() == '.')) {
			if (take('.')) {
				identifier();
			}
			else {
				skipBracketed();
			}
			skipSpace();
		}
		return column;
	}

	private String identifier() {
		skipSpace();
		int start = this.position;
		if (take('"')) {
			int end = quotedEnd('"');
			return this.sql.substring(start + 1, end - 1).replace("\"\"", "\"");
		}
		while (this.position < this.sql.length() && isIdentifierPart(peek(), this.position == start)) {
			this.position++;
		}
		if (this.position == start) {
			throw new IllegalArgumentException("a column name is missing at character " + (start + 1));
		}
		return asciiLowerCase(this.sql.substring(start, this.position));
	}

	/** Skips an expression up to the next top-level comma or the end. */
	private void skipExpression() {
		int depth = 0;
		while (this.position < this.sql.length()) {
			char c = peek();
			if (depth == 0 && c == ',') {
				return;
			}
			if (c == '(' || c == '[') {
				depth++;
			}
			else if (c == ')' || c == ']') {
				depth--;
			}
			if (!skipQuotedOrComment()) {
				this.position++;
			}
		}
	}

	/** Skips a subscript, from its '[' to the matching ']'. */
	private void skipBracketed() {
		int depth = 0;
		while (this.position < this.sql.length()) {
			char c = peek();
			if (skipQuotedOrComment()) {
				continue;
			}
			this.position++;
			if (c == '[') {
				depth++;
			}
			else if (c == ']' && --depth == 0) {
				return;
			}
		}
		throw new IllegalArgumentException("a subscript is not closed");
	}

	/** Skips a string, quoted name, dollar-quoted body or comment at the position, if one starts there. */
	private boolean skipQuotedOrComment() {
		char c = peek();
		if (c == '\'' || c == '"') {
			this.position++;
			quotedEnd(c);
			return true;
		}
		if (this.sql.startsWith("--", this.position)) {
			int line = this.sql.indexOf('\n', this.position);
			this.position = (line < 0) ? this.sql.length() : line + 1;
			return true;
		}
		if (this.sql.startsWith("/*", this.position)) {
			skipBlockComment();
			return true;
		}
		String tag = dollarTag();
		if (tag != null) {
			int close = this.sql.indexOf(tag, this.position + tag.length());
			this.position = (close < 0) ? this.sql.length() : close + tag.length();
			return true;
		}
		return false;
	}

	/** Moves past the closing quote; a doubled quote and, in a string, a backslash escape stay inside. */
	private int quotedEnd(char quote) {
		boolean escapes = quote == '\'' && this.position >= 2
				&& Character.toLowerCase(this.sql.charAt(this.position - 2)) == 'e';
		while (this.position < this.sql.length()) {
			char c = this.sql.charAt(this.position++);
			if (c == '\\' && escapes) {
				this.position++;
			}
			else if (c == quote) {
				if (this.position < this.sql.length() && this.sql.charAt(this.position) == quote) {
					this.position++;
				}
				else {
					return this.position;
				}
			}
		}
		throw new IllegalArgumentException("a quote is not closed");
	}

	private void skipBlockComment() {
		int depth = 0;
		do {
			if (this.sql.startsWith("/*", this.position)) {
				depth++;
				this.position += 2;
			}
			else if (this.sql.startsWith("*/", this.position)) {
				depth--;
				this.position += 2;
			}
			else {
				this.position++;
			}
		}
		while (depth > 0 && this.position < this.sql.length());
	}

	private String dollarTag() {
		if (peek() != '$' || (this.position > 0 && isIdentifierPart(this.sql.charAt(this.position - 1), false))) {
			return null;
		}
		int end = this.position + 1;
		while (end < this.sql.length() && isIdentifierPart(this.sql.charAt(end), end == this.position + 1)
				&& this.sql.charAt(end) != '$') {
			end++;
		}
		return (end < this.sql.length() && this.sql.charAt(end) == '$') ? this.sql.substring(this.position, end + 1)
				: null;
	}

	private boolean take(char c) {
		skipSpace();
		if (this.position < this.sql.length() && peek() == c) {
			this.position++;
			return true;
		}
		return false;
	}

	private void expect(char c) {
		if (!take(c)) {
			throw new IllegalArgumentException("'" + c + "' is missing at character " + (this.position + 1));
		}
	}

	private void skipSpace() {
		while (this.position < this.sql.length()) {
			if (Character.isWhitespace(peek())) {
				this.position++;
			}
			else if (this.sql.startsWith("--", this.position) || this.sql.startsWith("/*", this.position)) {
				skipQuotedOrComment();
			}
			else {
				return;
			}
		}
	}

	private char peek() {
		return this.sql.charAt(this.position);
	}

	private static boolean isIdentifierPart(char c, boolean first) {
		return Character.isLetter(c) || c == '_' || (!first && (Character.isDigit(c) || c == '$'));
	}

	/** PostgreSQL folds only ASCII letters of an unquoted name (in UTF-8 databases). */
	private static String asciiLowerCase(String name) {
		StringBuilder folded = new StringBuilder(name.length());
		name.chars().forEach((c) -> folded.append((char) ((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c)));
		return folded.toString();
	}

}
