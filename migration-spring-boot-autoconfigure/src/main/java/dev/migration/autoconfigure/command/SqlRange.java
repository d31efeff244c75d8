package dev.migration.autoconfigure.command;

import java.util.Set;

import dev.migration.core.graph.RevisionGraph;

/**
 * The range of the offline {@code sql} command, written {@code from:to} as in Alembic; a
 * plain target {@code t} means {@code base:t}.
 *
 * @param from where the database stands before the script, such as {@code base} or a revision
 * @param to where the script leaves it
 */
record SqlRange(String from, String to) {

	/**
	 * Reads a range from {@code migrations.target}.
	 * @param target {@code from:to} or a plain target
	 * @return the range
	 * @throws CommandException when a side of the range is empty or there is more than one colon
	 */
	static SqlRange parse(String target) {
		String text = target.strip();
		int colon = text.indexOf(':');
		if (colon < 0) {
			return new SqlRange("base", text);
		}
		String from = text.substring(0, colon).strip();
		String to = text.substring(colon + 1).strip();
		if (from.isEmpty() || to.isEmpty() || to.indexOf(':') >= 0) {
			throw new CommandException(CommandExit.USAGE, "sql needs migrations.target as 'from:to' (such as "
					+ "'base:heads' or 'heads:base') or a plain target, but got '" + text + "'.");
		}
		return new SqlRange(from, to);
	}

	/**
	 * Returns whether the range goes down: {@code to} keeps fewer revisions applied than
	 * {@code from} and adds none.
	 * @param graph the revisions in code
	 * @return whether the script is a downgrade
	 */
	boolean isDowngrade(RevisionGraph graph) {
		Set<String> start = graph.resolve(this.from, Set.of());
		Set<String> before = graph.applied(start);
		Set<String> after = graph.applied(graph.resolve(this.to, start));
		return before.containsAll(after) && !after.containsAll(before);
	}

	@Override
	public String toString() {
		return this.from + ":" + this.to;
	}

}
