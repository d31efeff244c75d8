package dev.migration.autoconfigure.diagnostics;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An engine message cut in two: what happened, and what to do. The engine's messages state the
 * problem first and the way out after it, in sentences that start with what to do ("Remove ...",
 * "Set ...", "If the tables ..."), so the first such sentence is where the action begins.
 *
 * @param description what happened, naming the revision, file, table or property
 * @param action what to do, or {@code null} when the message says nothing of it
 */
record FailureMessage(String description, String action) {

	/** Where a sentence or a clause after a semicolon starts; the capture is its first word. */
	private static final Pattern SENTENCE_START = Pattern.compile("(?:[.:]\\s+|;\\s+|\\n)([A-Za-z]+)");

	private static final Set<String> ADVICE = Set.of("add", "accept", "change", "check", "connect", "correct",
			"create", "declare", "delete", "deploy", "downgrade", "drop", "end", "fix", "give", "if", "let", "make",
			"mark", "merge", "move", "name", "put", "raise", "remove", "rename", "repair", "restore", "run", "set",
			"split", "start", "stamp", "upgrade", "use", "wait", "write");

	/**
	 * Cuts a message where its first sentence of advice starts.
	 * @param message the engine's message
	 * @return the two parts; the action is {@code null} when no sentence gives advice
	 */
	static FailureMessage of(String message) {
		String text = (message != null) ? message.strip() : "";
		Matcher start = SENTENCE_START.matcher(text);
		while (start.find()) {
			if (ADVICE.contains(start.group(1).toLowerCase(Locale.ROOT))) {
				String description = text.substring(0, start.start(1)).strip();
				return new FailureMessage(withStop(description), capitalized(text.substring(start.start(1))));
			}
		}
		return new FailureMessage(text, null);
	}

	private static String withStop(String description) {
		// a clause cut at its semicolon or colon reads as a sentence of its own
		boolean cut = description.endsWith(";") || description.endsWith(":");
		return cut ? description.substring(0, description.length() - 1) + "." : description;
	}

	private static String capitalized(String action) {
		return Character.toUpperCase(action.charAt(0)) + action.substring(1);
	}

}
