package dev.migration.benchmarks.parsers;

/**
 * One parser under comparison, as {@code ParserComparison} drives it: a timed parse, and an
 * untimed look at what the parse returned.
 */
public interface ParserCandidate {

	/**
	 * Returns the parser's name for the table, with its version.
	 * @return the name
	 */
	String label();

	/**
	 * Parses one statement as a linter would, pre-pass included; this is what is timed.
	 * @param statement one statement, without its semicolon
	 * @return what the parser returned
	 * @throws Exception when the parser refuses the statement
	 */
	Object parse(String statement) throws Exception;

	/**
	 * Judges what {@link #parse} returned for a statement.
	 * @param statement the statement
	 * @param tree what the parser returned
	 * @return whether the statement was read
	 */
	Verdict judge(String statement, Object tree);

	/**
	 * Returns another way to call the same parser whose warm time the notes give, or null.
	 * @return the variant
	 */
	default ParserCandidate variant() {
		return null;
	}

	/**
	 * Returns what the judging found beyond the verdicts, for the notes column.
	 * @return a phrase, or empty
	 */
	default String notes() {
		return "";
	}

	/** What became of one statement. */
	enum Verdict {

		/** A tree that holds what the rules need. */
		READ,

		/** An error: the parser said it could not read the statement. */
		REFUSED,

		/** No error, but a tree that holds nothing (JSqlParser's {@code UnsupportedStatement}). */
		SILENT,

		/** A tree that dropped a clause the rules turn on ({@code CONCURRENTLY}, {@code NOT VALID}, ...). */
		CLAUSE_LOST

	}

}
