package dev.migration.core.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * One token of a Java source file, comments left out: enough to read annotations and string
 * constants without a compiler, so a {@code @Revision} in a Javadoc example or a string is not
 * taken for one.
 *
 * @param kind what the token is
 * @param text the identifier, number or symbol as written; a literal's value, escapes translated
 */
record JavaToken(Kind kind, String text) {

	/**
	 * Splits a source file into tokens.
	 * @param source the text of a {@code .java} file
	 * @return the tokens, in order
	 */
	static List<JavaToken> tokenize(String source) {
		return new Lexer(source).tokens();
	}

	/**
	 * Returns whether this is the given identifier or symbol.
	 * @param word an identifier or symbol, such as {@code @} or {@code String}
	 * @return whether it is this token
	 */
	boolean is(String word) {
		return (this.kind == Kind.IDENTIFIER || this.kind == Kind.SYMBOL) && this.text.equals(word);
	}

	/** The kinds of token the scaffold tells apart. */
	enum Kind {

		/** A name or keyword. */
		IDENTIFIER,

		/** A string literal or text block. */
		STRING,

		/** A character literal. */
		CHARACTER,

		/** A number literal. */
		NUMBER,

		/** Any other single character. */
		SYMBOL

	}

	/** Reads one file's tokens; one instance per file. */
	private static final class Lexer {

		private static final String TEXT_BLOCK = "\"\"\"";

		private final String source;

		private int at;

		Lexer(String source) {
			this.source = source;
		}

		List<JavaToken> tokens() {
			List<JavaToken> tokens = new ArrayList<>();
			while (skipBlanksAndComments()) {
				tokens.add(next());
			}
			return tokens;
		}

		private boolean skipBlanksAndComments() {
			while (this.at < this.source.length()) {
				if (Character.isWhitespace(this.source.charAt(this.at))) {
					this.at++;
				}
				else if (this.source.startsWith("//", this.at)) {
					this.at = endOr(this.source.indexOf('\n', this.at), 0);
				}
				else if (this.source.startsWith("/*", this.at)) {
					this.at = endOr(this.source.indexOf("*/", this.at + 2), 2);
				}
				else {
					return true;
				}
			}
			return false;
		}

		private int endOr(int found, int length) {
			return (found < 0) ? this.source.length() : found + length;
		}

		private JavaToken next() {
			char c = this.source.charAt(this.at);
			if (this.source.startsWith(TEXT_BLOCK, this.at)) {
				return textBlock();
			}
			if (c == '"' || c == '\'') {
				return quoted(c);
			}
			if (Character.isJavaIdentifierStart(c)) {
				return run(Kind.IDENTIFIER, Character::isJavaIdentifierPart);
			}
			if (Character.isDigit(c)) {
				return run(Kind.NUMBER, (part) -> Character.isLetterOrDigit(part) || part == '_' || part == '.');
			}
			this.at++;
			return new JavaToken(Kind.SYMBOL, String.valueOf(c));
		}

		private JavaToken run(Kind kind, IntPredicate part) {
			int start = this.at;
			while (this.at < this.source.length() && part.test(this.source.charAt(this.at))) {
				this.at++;
			}
			return new JavaToken(kind, this.source.substring(start, this.at));
		}

		private JavaToken quoted(char quote) {
			int start = ++this.at;
			while (this.at < this.source.length() && this.source.charAt(this.at) != quote
					&& this.source.charAt(this.at) != '\n') {
				this.at += (this.source.charAt(this.at) == '\\') ? 2 : 1;
			}
			String raw = this.source.substring(start, Math.min(this.at, this.source.length()));
			this.at++;
			return new JavaToken((quote == '"') ? Kind.STRING : Kind.CHARACTER, translated(raw));
		}

		/** A text block's content starts on the line after its opening quotes. */
		private JavaToken textBlock() {
			int start = endOr(this.source.indexOf('\n', this.at), 1);
			int end = this.source.indexOf(TEXT_BLOCK, start);
			end = (end < 0) ? this.source.length() : end;
			this.at = Math.min(end + TEXT_BLOCK.length(), this.source.length());
			return new JavaToken(Kind.STRING, translated(this.source.substring(Math.min(start, end), end).stripIndent()));
		}

		private static String translated(String raw) {
			try {
				return raw.translateEscapes();
			}
			catch (IllegalArgumentException ex) {
				// javac refuses such a literal too; the raw text is as good a guess as any
				return raw;
			}
		}

	}

}
