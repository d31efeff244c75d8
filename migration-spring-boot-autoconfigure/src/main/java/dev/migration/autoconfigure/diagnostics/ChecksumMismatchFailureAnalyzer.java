package dev.migration.autoconfigure.diagnostics;

import java.util.stream.Collectors;

import dev.migration.core.run.ChecksumMismatchException.ChecksumMismatch;
import dev.migration.core.run.ChecksumMismatchException;

/**
 * Analyzes applied revisions whose code changed since they ran: the description lists each
 * revision (and its file) with both checksums.
 */
public class ChecksumMismatchFailureAnalyzer extends MigrationFailureAnalyzer<ChecksumMismatchException> {

	@Override
	protected String description(ChecksumMismatchException failure) {
		return "The code of applied revision(s) changed since they ran:\n" + failure.mismatches()
			.stream()
			.map(ChecksumMismatchFailureAnalyzer::line)
			.collect(Collectors.joining("\n"));
	}

	@Override
	protected String action(ChecksumMismatchException failure) {
		String message = failure.getMessage();
		// the engine's last line is the advice, naming the repair command and the policy property
		return message.substring(message.lastIndexOf('\n') + 1);
	}

	private static String line(ChecksumMismatch mismatch) {
		return "  " + mismatch.revision() + ((mismatch.file() != null) ? " (" + mismatch.file() + ")" : "")
				+ ": applied with checksum " + mismatch.applied() + ", code now has " + mismatch.code();
	}

}
