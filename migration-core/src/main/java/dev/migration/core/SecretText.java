package dev.migration.core;

import java.util.regex.Pattern;

/**
 * Masks secrets in text that leaves the application (messages, logs, the endpoint, the health
 * details, the history's error column): the password of {@code scheme://user:password@host},
 * the value of {@code password=}, {@code pwd=}, {@code secret=} and {@code token=} pairs, and
 * the literal of a SQL {@code PASSWORD '...'} clause (as in {@code CREATE ROLE ... PASSWORD}).
 *
 * <p>Every pattern takes time linear in its input: a scheme only starts where a word starts, and
 * what a pattern consumes it never gives back, so no text can make masking slow.
 */
public final class SecretText {

	/** What a masked value reads as. */
	public static final String MASK = "******";

	private static final Pattern USER_INFO = Pattern
		.compile("(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*+://[^/\\s:@\"']++):[^@\\s/\"']++@");

	private static final Pattern KEY_VALUE = Pattern
		.compile("(?i)\\b(password|passwd|pwd|secret|token)(\\s*+[=:]\\s*+)(\"[^\"]*+\"|'[^']*+'|[^\\s&;,'\")]++)");

	private static final Pattern SQL_PASSWORD = Pattern.compile("(?i)\\b(password\\s++)('(?:[^']++|'')*+')");

	private SecretText() {
	}

	/**
	 * Returns the text with every secret in it masked.
	 * @param text the text, or {@code null}
	 * @return the masked text, or {@code null}
	 */
	public static String mask(String text) {
		if (text == null) {
			return null;
		}
		String masked = USER_INFO.matcher(text).replaceAll("$1:" + MASK + "@");
		masked = SQL_PASSWORD.matcher(masked).replaceAll("$1'" + MASK + "'");
		return KEY_VALUE.matcher(masked).replaceAll("$1$2" + MASK);
	}

}
