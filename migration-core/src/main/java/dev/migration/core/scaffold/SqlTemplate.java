package dev.migration.core.scaffold;

import java.time.LocalDate;
import java.util.List;

/** The text of a new versioned SQL file. */
final class SqlTemplate {

	private SqlTemplate() {
	}

	/**
	 * Returns the text of a new file.
	 * @param id its revision id, such as {@code V8}
	 * @param message what it does
	 * @param revises what it revises
	 * @param revisesHeader whether to say so in a {@code -- revises:} line, which only a file that
	 * does not follow the file of the version before it needs
	 * @param undoFile the name of the undo file that would revert it
	 * @param date the date it was written
	 * @return the text
	 */
	static String revision(String id, String message, List<String> revises, boolean revisesHeader, String undoFile,
			LocalDate date) {
		// the message goes after fixed words: "-- stage: contract" as a message must stay a comment
		String about = "-- Revision " + id + ", " + message.replaceAll("\\R", " ").strip() + ", written " + date;
		String header = revisesHeader ? "-- revises: " + String.join(", ", revises) + "\n" : "";
		if (revises.size() > 1) {
			return header + about + ", joins " + String.join(" and ", revises) + "; it has nothing to run.\n";
		}
		return header + about + ".\n-- Its statements go below. " + undoFile + " beside it, once written, is its "
				+ "downgrade.\n\n";
	}

}
