package dev.migration.benchmarks.parsers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Counts, per clause, the parsed statements that say it and those whose tree came back without it. */
final class ClauseLosses {

	private final Map<String, int[]> counts = new LinkedHashMap<>();

	private int statements;

	/**
	 * Compares what a statement says with what its tree kept, and counts what was dropped.
	 * @param said the clauses the statement says
	 * @param kept the clauses its tree holds
	 * @return whether the tree dropped any
	 */
	boolean compare(Clauses said, Clauses kept) {
		boolean any = false;
		any |= count("CONCURRENTLY", said.concurrently(), said.concurrently() && !kept.concurrently());
		any |= count("NOT VALID", said.notValid() > 0, said.notValid() > kept.notValid());
		any |= count("USING INDEX", said.usingIndex() > 0, said.usingIndex() > kept.usingIndex());
		any |= count("UNIQUE INDEX", said.uniqueIndex(), said.uniqueIndex() && !kept.uniqueIndex());
		this.statements += any ? 1 : 0;
		return any;
	}

	private boolean count(String clause, boolean said, boolean dropped) {
		int[] count = this.counts.computeIfAbsent(clause, (name) -> new int[2]);
		count[0] += said ? 1 : 0;
		count[1] += dropped ? 1 : 0;
		return dropped;
	}

	/**
	 * Describes the losses, such as {@code 12 parsed statements lose a clause in the tree
	 * (CONCURRENTLY in 10 of 10, ...)}; clauses no parsed statement says are left out.
	 * @return the phrase, or empty when nothing was lost
	 */
	String describe() {
		if (this.statements == 0) {
			return "";
		}
		return String.format("%,d parsed statements lose a clause in the tree (%s)", this.statements,
				this.counts.entrySet()
					.stream()
					.filter((entry) -> entry.getValue()[0] > 0)
					.map((entry) -> String.format("%s in %,d of %,d", entry.getKey(), entry.getValue()[1],
							entry.getValue()[0]))
					.collect(Collectors.joining(", ")));
	}

}
