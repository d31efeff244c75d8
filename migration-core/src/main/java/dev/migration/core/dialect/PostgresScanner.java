package dev.migration.core.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migration.core.MigrationException;

/**
 * Splits PostgreSQL text into statements at top-level semicolons, skipping comments (nested
 * block comments too), quoted identifiers, string literals ({@code E''} escapes included) and
 * dollar-quoted bodies, so a function body is never cut in half; the data lines after
 * {@code COPY ... FROM stdin;} up to {@code \.} stay with their command, as psql reads them.
 */
public final class PostgresScanner {

	/** Statements PostgreSQL refuses inside a transaction block, as lower-case leading words. */
	private static final List<String> NO_TRANSACTION_PREFIXES = List.of("create index concurrently",
			"create unique index concurrently", "drop index concurrently", "vacuum", "create database",
			"drop database", "alter system", "create tablespace", "drop tablespace", "reindex database",
			"reindex system");

	/** A word of each statement in {@link #NO_TRANSACTION_PREFIXES}, and of those that need no transaction when concurrent. */
	private static final List<String> NO_TRANSACTION_WORDS = List.of("concurrently", "vacuum", "database", "system",
			"tablespace");

	/** The line that ends the data of {@code COPY ... FROM stdin}, as psql reads it. */
	private static final String END_OF_DATA = "\\.";

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
	 * Splits an SQL fragment at its {@code ?} placeholders, skipping those inside comments,
	 * quoted identifiers and literals, as the JDBC driver does.
	 * @param sql the fragment
	 * @return the text around the placeholders: one piece more than there are placeholders
	 * @throws MigrationException naming the line of an unterminated literal or comment
	 */
	public static List<String> splitAtPlaceholders(String sql) {
		return new PostgresScanner(sql).pieces();
	}

	/**
	 * Returns whether a single statement cannot run inside a transaction block.
	 * @param statement one statement
	 * @return whether it must run on its own, outside a transaction
	 */
	public static boolean requiresNoTransaction(String statement) {
		if (!mentionsNoTransactionWord(statement)) {
			return false;
		}
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
	 * Returns whether the text names a word that every statement needing no transaction names,
	 * so text without one needs no closer look.
	 * @param text one statement or many
	 * @return whether a statement of it may need to run outside a transaction
	 */
	public static boolean mentionsNoTransactionWord(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		for (String word : NO_TRANSACTION_WORDS) {
			if (lower.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns whether a statement works {@code CONCURRENTLY}, so its lock waits hold up no reads or writes.
	 * @param statement one statement
	 * @return whether the statement names CONCURRENTLY
	 */
	public static boolean isConcurrent(String statement) {
		return (" " + leadingWords(statement, Integer.MAX_VALUE) + " ").contains(" concurrently ");
	}

	/**
	 * Returns the first word of a statement in lower case, comments skipped, such as
	 * {@code create}; empty when it has none.
	 * @param statement one statement
	 * @return the first word
	 */
	public static String firstWord(String statement) {
		return leadingWords(statement, 1);
	}

	/** Lower-case leading words of a statement up to its end or semicolon, comments and quoted text skipped. */
	static String leadingWords(String statement, int count) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		PostgresScanner scanner = new PostgresScanner(statement);
		while (scanner.position < statement.length() && words.size() < count) {
			char c = statement.charAt(scanner.position);
			if (c == ';') {
				// what follows a COPY command's semicolon is its data, not SQL
				break;
			}
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

	/**
	 * Returns whether a statement is {@code COPY ... FROM stdin} followed by its data, as
	 * {@link #split} returns one: the command, a semicolon, the data lines and a {@code \.} line.
	 * @param statement one statement
	 * @return whether it carries the data to copy in
	 */
	public static boolean isCopyWithData(String statement) {
		return statement.endsWith("\n" + END_OF_DATA) && copyCommandEnd(statement) > 0;
	}

	/**
	 * Returns the command of a {@link #isCopyWithData COPY with data}, without the semicolon.
	 * @param statement the statement with its data
	 * @return the command, such as {@code COPY region (code, name) FROM stdin}
	 */
	public static String copyCommand(String statement) {
		return statement.substring(0, copyCommandEnd(statement)).strip();
	}

	/**
	 * Returns the data of a {@link #isCopyWithData COPY with data}: its lines, each ended by a
	 * line feed, without the {@code \.} line.
	 * @param statement the statement with its data
	 * @return the data
	 */
	public static String copyData(String statement) {
		int semicolon = copyCommandEnd(statement);
		int dataStart = statement.indexOf('\n', semicolon) + 1;
		return statement.substring(dataStart, statement.length() - END_OF_DATA.length());
	}

	/** Where the command of a COPY with data ends (at its semicolon), or -1. */
	private static int copyCommandEnd(String statement) {
		PostgresScanner scanner = new PostgresScanner(statement);
		while (scanner.position < statement.length()) {
			if (statement.charAt(scanner.position) == ';') {
				return isCopyFromStdin(statement.substring(0, scanner.position)) ? scanner.position : -1;
			}
			if (!scanner.skipQuotedOrComment()) {
				scanner.position++;
			}
		}
		return -1;
	}

	private static boolean isCopyFromStdin(String command) {
		// most statements are no COPY: their first word settles it without reading the rest
		if (!firstWord(command).equals("copy")) {
			return false;
		}
		String words = leadingWords(command, Integer.MAX_VALUE);
		return words.startsWith("copy ") && (" " + words + " ").contains(" from stdin ");
	}

	private List<String> pieces() {
		List<String> pieces = new ArrayList<>();
		int start = 0;
		while (this.position < this.sql.length()) {
			char c = this.sql.charAt(this.position);
			if (c == '?') {
				pieces.add(this.sql.substring(start, this.position));
				start = ++this.position;
			}
			else if (isPlain(c) || !skipQuotedOrComment()) {
				this.position++;
			}
		}
		pieces.add(this.sql.substring(start));
		return pieces;
	}

	private List<String> statements() {
		List<String> statements = new ArrayList<>();
		int start = 0;
		boolean meaningful = false;
		StatementNesting nesting = new StatementNesting();
		while (this.position < this.sql.length()) {
			char c = this.sql.charAt(this.position);
			if (isIdentifierStart(c)) {
				int wordStart = this.position;
				while (this.position < this.sql.length() && isIdentifierPart(this.sql.charAt(this.position))) {
					this.position++;
				}
				nesting.word(this.sql.substring(wordStart, this.position));
				meaningful = true;
			}
			else if (c == '(' || c == ')') {
				nesting.parenthesis(c);
				meaningful = true;
				this.position++;
			}
			else if (isPlain(c)) {
				meaningful |= !Character.isWhitespace(c);
				this.position++;
			}
			else if (c == ';' && !nesting.ends()) {
				// inside parentheses or a BEGIN ATOMIC body a semicolon ends no statement, as psql reads it
				this.position++;
			}
			else if (c == ';' && meaningful && isCopyFromStdin(this.sql.substring(start, this.position))) {
				// the data that follows is not SQL: it runs up to a line of its own holding \.
				skipCopyData(start);
				statements.add(this.sql.substring(afterLeadingLineComments(start), this.position).strip());
				skipRestOfLine();
				start = this.position;
				meaningful = false;
				nesting = new StatementNesting();
			}
			else if (c == ';') {
				addIfMeaningful(statements, start, meaningful);
				this.position++;
				start = this.position;
				meaningful = false;
				nesting = new StatementNesting();
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

	private static boolean isIdentifierStart(char c) {
		return Character.isLetter(c) || c == '_';
	}

	private static boolean isIdentifierPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
	}

	/**
	 * What keeps a semicolon from ending a statement, tracked as psql tracks it: open
	 * parentheses (a rule's {@code DO ALSO (a; b)}), and the {@code BEGIN ... END} body of a
	 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} outside parentheses, where a {@code CASE}
	 * opens another level that its {@code END} closes.
	 */
	private static final class StatementNesting {

		private final StringBuilder head = new StringBuilder();

		private int words;

		private int parentheses;

		private int begins;

		void parenthesis(char c) {
			if (c == '(') {
				this.parentheses++;
			}
			else if (this.parentheses > 0) {
				this.parentheses--;
			}
		}

		void word(String word) {
			String lower = word.toLowerCase(Locale.ROOT);
			if (this.words++ < 4) {
				// psql remembers the first letter of create, or, replace, function and procedure only
				boolean remembered = switch (lower) {
					case "create", "or", "replace", "function", "procedure" -> true;
					default -> false;
				};
				this.head.append(remembered ? lower.charAt(0) : '-');
			}
			if (this.parentheses > 0 || !createsRoutine()) {
				return;
			}
			if (lower.equals("begin")) {
				this.begins++;
			}
			else if (lower.equals("case") && this.begins > 0) {
				this.begins++;
			}
			else if (lower.equals("end") && this.begins > 0) {
				this.begins--;
			}
		}

		private boolean createsRoutine() {
			String h = this.head.toString();
			return h.startsWith("cf") || h.startsWith("cp") || h.startsWith("corf") || h.startsWith("corp");
		}

		boolean ends() {
			return this.parentheses == 0 && this.begins == 0;
		}

	}

	/** Moves from the semicolon of a COPY command past the {@code \.} line that ends its data. */
	private void skipCopyData(int commandStart) {
		int lineEnd = this.sql.indexOf('\n', this.position);
		int line = (lineEnd < 0) ? this.sql.length() : lineEnd + 1;
		while (line < this.sql.length()) {
			int end = this.sql.indexOf('\n', line);
			int next = (end < 0) ? this.sql.length() : end + 1;
			String text = this.sql.substring(line, (end < 0) ? this.sql.length() : end);
			if (text.stripTrailing().equals(END_OF_DATA)) {
				this.position = line + END_OF_DATA.length();
				return;
			}
			line = next;
		}
		int command = commandStart;
		while (Character.isWhitespace(this.sql.charAt(command))) {
			command++;
		}
		throw new MigrationException("The data of the COPY ... FROM stdin starting on line " + lineOf(command)
				+ " of the SQL has no end: add a line holding only \\. after its last row.");
	}

	private void skipRestOfLine() {
		int end = this.sql.indexOf('\n', this.position);
		this.position = (end < 0) ? this.sql.length() : end + 1;
	}

	/** A character that starts no comment, quote or statement end, so the scanner need not look closer. */
	private static boolean isPlain(char c) {
		return c != ';' && c != '-' && c != '/' && c != '\'' && c != '"' && c != '$';
	}

	private void addIfMeaningful(List<String> statements, int start, boolean meaningful) {
		if (meaningful) {
			statements.add(this.sql.substring(afterLeadingLineComments(start), this.position).strip());
		}
	}

	/**
	 * psql sends a statement from its first word or block comment: the blank space and
	 * {@code --} comments before it are not part of it, so messages do not echo them either.
	 */
	private int afterLeadingLineComments(int start) {
		int at = start;
		while (at < this.position) {
			if (Character.isWhitespace(this.sql.charAt(at))) {
				at++;
			}
			else if (this.sql.startsWith("--", at)) {
				int end = this.sql.indexOf('\n', at);
				at = (end < 0 || end > this.position) ? this.position : end + 1;
			}
			else {
				break;
			}
		}
		return at;
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
		return new MigrationException("Unterminated " + what + " starting on line " + lineOf(start)
				+ " of the SQL; close it or check for a stray quote.");
	}

	private int lineOf(int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (this.sql.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

}
