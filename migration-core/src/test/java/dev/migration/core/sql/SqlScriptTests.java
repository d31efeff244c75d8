package dev.migration.core.sql;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a checksum sees of a file's text: stable across editors, and across versions of this project. */
class SqlScriptTests {

	@Test
	void lineEndsTrailingBlanksAByteOrderMarkAndTrailingEmptyLinesDoNotCount() {
		assertThat(text("\uFEFFSELECT 1;  \r\n\r\nSELECT 2;\t\r\n\n\n").normalizedText()).isEqualTo("SELECT 1;\n\nSELECT 2;");
		assertThat(text("SELECT 1;\rSELECT 2;").normalizedText()).isEqualTo("SELECT 1;\nSELECT 2;");
		assertThat(text("  SELECT 1;").normalizedText()).isEqualTo("  SELECT 1;");
	}

	@Test
	void theNormalizedTextIsWhatTheFirstReleaseComputedForAnyText() {
		// stored checksums must keep matching: compare with the first release's definition on random texts
		Random random = new Random(7);
		String alphabet = "ab ;\t\r\n\u000B\f\u0085\u2028\u2029\u00A0\uFEFF";
		for (int round = 0; round < 5_000; round++) {
			StringBuilder text = new StringBuilder();
			for (int i = random.nextInt(30); i > 0; i--) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String candidate = text.toString();
			assertThat(text(candidate).normalizedText()).as(() -> "text " + escape(candidate))
				.isEqualTo(firstRelease(candidate));
		}
	}

	private static String firstRelease(String original) {
		String text = original.startsWith("\uFEFF") ? original.substring(1) : original;
		StringBuilder normalized = new StringBuilder(text.length());
		for (String line : text.split("\\R", -1)) {
			normalized.append(line.stripTrailing()).append('\n');
		}
		int end = normalized.length();
		while (end > 0 && normalized.charAt(end - 1) == '\n') {
			end--;
		}
		return normalized.substring(0, end);
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder();
		text.chars().forEach((c) -> escaped.append((c < 0x20 || c > 0x7e) ? String.format("\\u%04x", c) : (char) c));
		return escaped.toString();
	}

	private static SqlScript text(String text) {
		return new SqlScript("filesystem:db/V1__t.sql", "V1__t.sql", text);
	}

}
