package dev.migration.core.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migration.core.MigrationException;

/**
 * Splits PostgreSQL text into statements at top-level semicolons, skipping comments (nested
 * block comments too), quoted identifiers, string literals ({@code E''} escapes included) and
 * dollar-quoted bodies, so a function body is never cut in half.
 */
public final class PostgresScanner {

	/** Statements PostgreSQL refuses inside a transaction block, as lower-case leading words. */
	private static final List<String> NO_TRANSACTION_PREFIXES = List.of("create index concurrently",
			"create unique index concurrently", "drop index concurrently", "vacuum", "create database",
			"drop database", "alter system", "create tablespace", "drop tablespace", "reindex database",
			"reindex system");

	private final String sql;

	private int position;

	private PostgresScanner(String sql) {
		this.sql = sql;
	}

	/**
	 * Splits SQL into its statements, each without its terminating semicolon; empty statements
	 * (only whitespace or comments) are dropped.
	 * @param sql the SQL text
	 * @return the statements, in order
	 * @throws MigrationException naming the line of an unterminated literal or comment
	 */
	public static List<String> split(String sql) {
		return new PostgresScanner(sql).statements();
	}

	/**
	 * Returns whether a single statement cannot run inside a transaction block.
	 * @param statement one statement
	 * @return whether it must run on its own, outside a transaction
	 */
	public static boolean requiresNoTransaction(String statement) {
		String words = leadingWords(statement, Integer.MAX_VALUE);
		for (String prefix : NO_TRANSACTION_PREFIXES) {
			if (words.startsWith(prefix)) {
				return true;
			}
		}
		return isConcurrent(statement) && (words.startsWith("reindex") || words.startsWith("alter table")
				&& words.contains("detach partition"));
	}

	/**
	 * Returns whether a statement works {@code CONCURRENTLY}, so its lock waits hold up no reads or writes.
	 * @param statement one statement
	 * @return whether the statement names CONCURRENTLY
	 */
	public static boolean isConcurrent(String statement) {
		return (" " + leadingWords(statement, Integer.MAX_VALUE) + " ").contains(" concurrently ");
	}

	/** Lower-case leading words of a statement, comments and quoted text skipped. */
	static String leadingWords(String statement, int count) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		PostgresScanner scanner = new PostgresScanner(statement);
		while (scanner.position < statement.length() && words.size() < count) {
			char c = statement.charAt(scanner.position);
			if (Character.isLetterOrDigit(c) || c == '_') {
				word.append(Character.toLowerCase(c));
				scanner.position++;
				continue;
			}
			if (word.length() > 0) {
				words.add(word.toString());
				word.setLength(0);
			}
			if (!scanner.skipQuotedOrComment()) {
				scanner.position++;
			}
		}
		if (word.length() > 0 && words.size() < count) {
			words.add(word.toString());
		}
		return String.join(" ", words).toLowerCase(Locale.ROOT);
	}

	private List<String> statements() {
		List<String> statements = new ArrayList<>();
		int start = 0;
		boolean meaningful = false;
		while (this.position < this.sql.length()) {
			char c = this.sql.charAt(this.position);
			if (c == ';') {
				addIfMeaningful(statements, start, meaningful);
				this.position++;
				start = this.position;
				meaningful = false;
			}
			else if (isCommentStart()) {
				skipQuotedOrComment();
			}
			else if (skipQuotedOrComment()) {
				meaningful = true;
			}
			else {
				meaningful |= !Character.isWhitespace(c);
				this.position++;
			}
		}
		addIfMeaningful(statements, start, meaningful);
		return statements;
	}

	private void addIfMeaningful(List<String> statements, int start, boolean meaningful) {
		if (meaningful) {
			statements.add(this.sql.substring(start, this.position).strip());
		}
	}

	private boolean isCommentStart() {
		return this.sql.startsWith("--", this.position) || this.sql.startsWith("/*", this.position);
	}

	/** Skips a comment or quoted token at the current position; returns whether one was there. */
	private boolean skipQuotedOrComment() {
		char c = this.sql.charAt(this.position);
		if (this.sql.startsWith("--", this.position)) {
			int end = this.sql.indexOf('\n', this.position);
			this.position = (end < 0) ? this.sql.length() : end + 1;
			return true;
		}
		if (this.sql.startsWith("/*", this.position)) {
			skipBlockComment();
			return true;
		}
		if (c == '\'') {
			skipString(isEscapeString());
			return true;
		}
		if (c == '"') {
			skipUntil('"', "quoted identifier");
			return true;
		}
		if (c == '$') {
			return skipDollarQuoted();
		}
		return false;
	}

	private boolean isEscapeString() {
		if (this.position == 0) {
			return false;
		}
		char before = this.sql.charAt(this.position - 1);
		boolean prefixed = before == 'e' || before == 'E';
		// E'...' only when the E is a word of its own, not the end of an identifier like "name'"
		return prefixed && (this.position < 2 || !Character.isLetterOrDigit(this.sql.charAt(this.position - 2))
				&& this.sql.charAt(this.position - 2) != '_');
	}

	private void skipBlockComment() {
		int start = this.position;
		int depth = 0;
		while (this.position < this.sql.length()) {
			if (this.sql.startsWith("/*", this.position)) {
				depth++;
				this.position += 2;
			}
			else if (this.sql.startsWith("*/", this.position)) {
				depth--;
				this.position += 2;
				if (depth == 0) {
					return;
				}
			}
			else {
				this.position++;
			}
		}
		throw unterminated("block comment", start);
	}

	private void skipString(boolean escapes) {
		int start = this.position;
		this.position++;
		while (this.position < this.sql.length()) {
			char c = this.sql.charAt(this.position);
			if (escapes && c == '\\') {
				this.position += 2;
			}
			else if (c == '\'') {
				if (this.sql.startsWith("''", this.position)) {
					this.position += 2;
				}
				else {
					this.position++;
					return;
				}
			}
			else {
				this.position++;
			}
		}
		throw unterminated("string literal", start);
	}

	private void skipUntil(char quote, String what) {
		int start = this.position;
		int end = this.sql.indexOf(quote, this.position + 1);
		while (end >= 0 && end + 1 < this.sql.length() && this.sql.charAt(end + 1) == quote) {
			end = this.sql.indexOf(quote, end + 2);
		}
		if (end < 0) {
			throw unterminated(what, start);
		}
		this.position = end + 1;
	}

	private boolean skipDollarQuoted() {
		int start = this.position;
		int tagEnd = this.position + 1;
		while (tagEnd < this.sql.length()
				&& (Character.isLetterOrDigit(this.sql.charAt(tagEnd)) || this.sql.charAt(tagEnd) == '_')) {
			tagEnd++;
		}
		boolean isTag = tagEnd < this.sql.length() && this.sql.charAt(tagEnd) == '$'
				&& (tagEnd == start + 1 || !Character.isDigit(this.sql.charAt(start + 1)));
		// $1 is a parameter, and a $ inside an identifier (a$b) is not a quote
		if (!isTag || (start > 0 && (Character.isLetterOrDigit(this.sql.charAt(start - 1))
				|| this.sql.charAt(start - 1) == '_'))) {
			return false;
		}
		String tag = this.sql.substring(start, tagEnd + 1);
		int end = this.sql.indexOf(tag, tagEnd + 1);
		if (end < 0) {
			throw unterminated("dollar-quoted string " + tag, start);
		}
		this.position = end + tag.length();
		return true;
	}

	private MigrationException unterminated(String what, int start) {
		int line = 1;
		for (int i = 0; i < start; i++) {
			if (this.sql.charAt(i) == '\n') {
				line++;
			}
		}
		return new MigrationException("Unterminated " + what + " starting on line " + line
				+ " of the SQL; close it or check for a stray quote.");
	}

}
