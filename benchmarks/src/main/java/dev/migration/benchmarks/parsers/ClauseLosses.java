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
	 * Describes what the trees kept, such as {@code clauses kept in the tree: CONCURRENTLY 0 of 35,
	 * USING INDEX 0 of 101 (136 statements lose one)}; clauses no parsed statement says are left out.
	 * @return the phrase, or empty when no parsed statement says any
	 */
	String describe() {
		String kept = this.counts.entrySet()
			.stream()
			.filter((entry) -> entry.getValue()[0] > 0)
			.map((entry) -> String.format("%s %,d of %,d", entry.getKey(), entry.getValue()[0] - entry.getValue()[1],
					entry.getValue()[0]))
			.collect(Collectors.joining(", "));
		if (kept.isEmpty()) {
			return "";
		}
		return "clauses kept in the tree: " + kept
				+ ((this.statements > 0) ? String.format(" (%,d statements lose one)", this.statements) : "");
	}

}
