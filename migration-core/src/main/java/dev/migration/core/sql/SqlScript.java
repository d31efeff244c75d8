package dev.migration.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.Objects;

import dev.migration.core.MigrationException;
import dev.migration.core.dialect.PostgresScanner;

/**
 * One SQL migration file as found: where it is, its name and its text.
 *
 * @param location where it was found, for messages, such as
 * {@code classpath:db/migration/V1__init.sql}
 * @param fileName the file name without its folder
 * @param text the text that runs, placeholders replaced; a byte order mark at its start is dropped
 * @param writtenText the text as written in the file, before placeholders were replaced
 */
public record SqlScript(String location, String fileName, String text, String writtenText) {

	private static final String BYTE_ORDER_MARK = "\uFEFF";

	/** Comments before a statement's first word. */
	private static final String LEADING_COMMENTS = "\\A(?:\\s*(?:--[^\\n]*(?:\\n|\\z)|/\\*.*?\\*/))*\\s*";

	private static final Pattern BEGIN = Pattern.compile(LEADING_COMMENTS + "(?:begin|start\\s+transaction)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern END = Pattern.compile(LEADING_COMMENTS
			+ "(?:commit|end)(?:\\s+(?:work|transaction))?(?:\\s+and\\s+(?:no\\s+)?chain)?\\s*",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	/** A rollback of the whole transaction; {@code ROLLBACK TO SAVEPOINT} is left to run. */
	private static final Pattern ROLLBACK = Pattern.compile(LEADING_COMMENTS
			+ "(?:abort|rollback)(?:\\s+(?:work|transaction))?(?:\\s+and\\s+(?:no\\s+)?chain)?\\s*",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	/** The first words of the statements above: the patterns only look at statements that start so. */
	private static final Set<String> TRANSACTION_WORDS = Set.of("begin", "start", "commit", "end", "abort", "rollback");

	public SqlScript {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(writtenText, "writtenText");
		// an editor's byte order mark is no SQL: PostgreSQL would refuse the first statement, and headers would hide
		text = text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
		writtenText = writtenText.startsWith(BYTE_ORDER_MARK) ? writtenText.substring(1) : writtenText;
	}

	/**
	 * A file as found, with no placeholders replaced.
	 * @param location where it was found
	 * @param fileName the file name without its folder
	 * @param text the file's text
	 */
	public SqlScript(String location, String fileName, String text) {
		this(location, fileName, text, text);
	}

	/**
	 * Returns the file with the text that runs in place of its own.
	 * @param replaced the text, placeholders replaced
	 * @return the file, its written text kept
	 */
	public SqlScript running(String replaced) {
		return new SqlScript(this.location, this.fileName, replaced, this.writtenText);
	}

	/**
	 * Returns the file as written, before placeholders were replaced.
	 * @return the file
	 */
	public SqlScript asWritten() {
		return new SqlScript(this.location, this.fileName, this.writtenText);
	}

	/**
	 * Returns the file's statements, split the way psql splits them, without the statements
	 * that start or end a transaction; see {@link #transactions()}.
	 * @return the statements, in order; empty for a file of only comments
	 * @throws InvalidSqlMigrationException naming the file when a literal or comment is not
	 * terminated, or the file rolls back its own work
	 */
	public List<String> statements() {
		return transactions().stream().flatMap(List::stream).toList();
	}

	/**
	 * Returns the file's statements grouped by the transactions its own {@code BEGIN} and
	 * {@code COMMIT} ask for, as psql and Flyway run them: a {@code COMMIT} (or {@code END})
	 * makes what came before permanent, so the step commits there and goes on in a new
	 * transaction; a {@code BEGIN} starts a group of its own. The statements themselves are
	 * left out: the step opens and commits its transactions, keeping the history row in the
	 * last one.
	 * @return the groups, in order, none empty
	 * @throws InvalidSqlMigrationException naming the file when a literal or comment is not
	 * terminated, or the file rolls back its own work
	 */
	public List<List<String>> transactions() {
		List<String> statements;
		try {
			statements = PostgresScanner.split(this.text);
		}
		catch (MigrationException ex) {
			throw new InvalidSqlMigrationException(this.location, 0, ex.getMessage());
		}
		List<List<String>> groups = new ArrayList<>();
		List<String> group = new ArrayList<>();
		for (String statement : statements) {
			if (isRollback(statement)) {
				throw new InvalidSqlMigrationException(this.location, 0, "'" + statement.strip() + "' would undo the "
						+ "file's own work while its history row says it ran. Remove it; a file that fails is rolled "
						+ "back to its last COMMIT by the tool, and the next run continues from there");
			}
			if (isBegin(statement) || isEnd(statement)) {
				if (!group.isEmpty()) {
					groups.add(List.copyOf(group));
					group.clear();
				}
			}
			else {
				group.add(statement);
			}
		}
		if (!group.isEmpty()) {
			groups.add(List.copyOf(group));
		}
		return List.copyOf(groups);
	}

	/** The line ends of {@code \\R}; changing this set would change stored checksums. */
	private static boolean isLineEnd(char c) {
		return c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029';
	}

	private static boolean isBegin(String statement) {
		return TRANSACTION_WORDS.contains(PostgresScanner.firstWord(statement)) && BEGIN.matcher(statement).lookingAt();
	}

	private static boolean isRollback(String statement) {
		return TRANSACTION_WORDS.contains(PostgresScanner.firstWord(statement)) && ROLLBACK.matcher(statement).matches();
	}

	private static boolean isEnd(String statement) {
		return TRANSACTION_WORDS.contains(PostgresScanner.firstWord(statement)) && END.matcher(statement).matches();
	}

	/**
	 * Returns the text as its checksum sees it: without a byte order mark, with {@code \n}
	 * line ends, trailing blanks of each line and trailing empty lines removed, so an editor's
	 * line-end or whitespace habits do not count as a change.
	 * @return the normalized text
	 */
	public String normalizedText() {
		String text = this.text;
		StringBuilder normalized = new StringBuilder(text.length());
		// one pass, as text.split("\\R", -1) and String.stripTrailing() would: every start reads every file's checksum
		int lineStart = 0;
		for (int i = 0; i <= text.length(); i++) {
			char c = (i < text.length()) ? text.charAt(i) : '\n';
			if (isLineEnd(c)) {
				int lineEnd = i;
				while (lineEnd > lineStart && Character.isWhitespace(text.charAt(lineEnd - 1))) {
					lineEnd--;
				}
				normalized.append(text, lineStart, lineEnd).append('\n');
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				lineStart = i + 1;
			}
		}
		int end = normalized.length();
		while (end > 0 && normalized.charAt(end - 1) == '\n') {
			end--;
		}
		return normalized.substring(0, end);
	}

	/**
	 * Returns the whole text after {@code <key>:} of each {@code -- <key>: ...} line at the
	 * top of the file, such as {@code rename-column the old name is unused since 2.0}.
	 * @param key the header key
	 * @return the texts, in order
	 */
	public List<String> headerLines(String key) {
		List<String> texts = new ArrayList<>();
		// the header is at the top: read lines only until the first statement
		for (String line : (Iterable<String>) this.text.lines()::iterator) {
			String trimmed = line.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			if (!trimmed.startsWith("--")) {
				break;
			}
			String comment = trimmed.substring(2).strip();
			int colon = comment.indexOf(':');
			if (colon > 0 && comment.substring(0, colon).strip().equalsIgnoreCase(key)) {
				texts.add(comment.substring(colon + 1).strip());
			}
		}
		return texts;
	}

	/**
	 * Returns the values of the {@code -- <key>: <value>} lines at the top of the file, before
	 * its first statement, such as {@code -- revises: 3f9a1c} or {@code -- stage: background}.
	 * @param key the header key
	 * @return the values given for it, each split at commas
	 */
	public List<String> header(String key) {
		List<String> values = new ArrayList<>();
		for (String text : headerLines(key)) {
			for (String value : text.split(",")) {
				if (!value.isBlank()) {
					values.add(value.strip());
				}
			}
		}
		return values;
	}

}
