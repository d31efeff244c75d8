package dev.migration.core.execute;

import dev.migration.core.catalog.DeclaredRevision;

/** Writes the line that introduces a step, as in Alembic's offline scripts. */
final class StepHeaders {

	private StepHeaders() {
	}

	static String header(DeclaredRevision revision, Direction direction) {
		String message = revision.message().isEmpty() ? "" : ": " + revision.message().replace('\n', ' ');
		if (revision.repeatable()) {
			// it stands outside the chain: there is no revision it moves from
			return "Running repeatable " + revision.id() + message;
		}
		String parents = revision.node().downRevisions().isEmpty() ? "<base>"
				: String.join(", ", revision.node().downRevisions());
		String from = (direction == Direction.UPGRADE) ? parents : revision.id();
		String to = (direction == Direction.UPGRADE) ? revision.id() : parents;
		return "Running " + direction.word() + " " + from + " -> " + to + message;
	}

}
