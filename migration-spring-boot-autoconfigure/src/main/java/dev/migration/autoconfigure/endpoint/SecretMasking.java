package dev.migration.autoconfigure.endpoint;

import java.util.regex.Pattern;

/**
 * Masks credentials in text the endpoint and the health indicator show, such as a failure
 * message that quotes a JDBC URL: the password of {@code scheme://user:password@host} and the
 * value of {@code password=}, {@code pwd=}, {@code secret=} and {@code token=} pairs.
 */
public final class SecretMasking {

	/** What a masked value reads as. */
	public static final String MASK = "******";

	private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@\"']+):[^@\\s/\"']+@");

	private static final Pattern KEY_VALUE = Pattern
		.compile("(?i)\\b(password|passwd|pwd|secret|token)(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s&;,'\")]+)");

	private SecretMasking() {
	}

	/**
	 * Returns the text with every credential in it masked.
	 * @param text the text, or {@code null}
	 * @return the masked text, or {@code null}
	 */
	public static String mask(String text) {
		if (text == null) {
			return null;
		}
		String masked = USER_INFO.matcher(text).replaceAll("$1:" + MASK + "@");
		return KEY_VALUE.matcher(masked).replaceAll("$1$2" + MASK);
	}

}
