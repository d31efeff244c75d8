package dev.migration.core.execute;

import dev.migration.core.catalog.DeclaredRevision;

/** Writes the line that introduces a step, as in Alembic's offline scripts. */
final class StepHeaders {

	private StepHeaders() {
	}

	static String header(DeclaredRevision revision, Direction direction) {
		String parents = revision.node().downRevisions().isEmpty() ? "<base>"
				: String.join(", ", revision.node().downRevisions());
		String from = (direction == Direction.UPGRADE) ? parents : revision.id();
		String to = (direction == Direction.UPGRADE) ? revision.id() : parents;
		String message = revision.message().isEmpty() ? "" : ": " + revision.message().replace('\n', ' ');
		return "Running " + direction.word() + " " + from + " -> " + to + message;
	}

}
