package dev.migration.core.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.migration.core.lint.LintReport;

/**
 * Adds up the verdicts of many revisions ({@link TraceVerdict}): per rule, the findings the
 * trace confirms and those it contradicts, and the statements that rewrote or scanned an
 * existing table under a write-blocking lock with no finding at all.
 */
final class TraceAgreement {

	private final Map<String, int[]> byRule = new TreeMap<>();

	private final Map<String, List<String>> contradictions = new TreeMap<>();

	private final Map<String, List<String>> misses = new LinkedHashMap<>();

	private int statements;

	/**
	 * Compares one revision's findings with its trace.
	 * @param where the history and file, for the examples
	 * @param lint the linter's report on the file, judged against the database it ran on
	 * @param trace what the statements did
	 */
	void add(String where, LintReport lint, TraceReport trace) {
		this.statements += trace.statements().size();
		TraceVerdict verdict = TraceVerdict.of(lint, trace);
		for (TraceVerdict.Judged judged : verdict.judged()) {
			if (judged.outcome() == TraceVerdict.Outcome.NOT_TRACED) {
				continue;
			}
			int[] counts = this.byRule.computeIfAbsent(judged.finding().ruleId(), (key) -> new int[4]);
			counts[0]++;
			switch (judged.outcome()) {
				case CONFIRMED -> counts[1]++;
				case CONTRADICTED -> {
					counts[2]++;
					this.contradictions.computeIfAbsent(judged.finding().ruleId(), (key) -> new ArrayList<>())
						.add(example(where, judged.statement()));
				}
				default -> counts[3]++;
			}
		}
		verdict.misses()
			.forEach((miss) -> this.misses.computeIfAbsent(miss.kind(), (key) -> new ArrayList<>())
				.add(example(where, miss.statement())));
	}

	private static String example(String where, StatementTrace statement) {
		return where + ": " + HistoryTrace.oneLine(statement.sql(), 160) + " -- " + statement.summary().strip();
	}

	/**
	 * Renders the comparison as Markdown.
	 * @param examples how many examples to show per rule and kind of miss
	 * @return the text
	 */
	String render(int examples) {
		StringBuilder text = new StringBuilder();
		text.append(this.statements).append(" statements traced.\n\n");
		text.append("| rule | findings | confirmed by the trace | contradicted | not a lock claim |\n");
		text.append("| --- | --- | --- | --- | --- |\n");
		this.byRule.forEach((rule, counts) -> text.append("| `").append(rule).append("` | ").append(counts[0])
			.append(" | ").append(counts[1]).append(" | ").append(counts[2]).append(" | ").append(counts[3]).append(" |\n"));
		text.append("\nMisses (the trace saw it, no rewrite or scan rule said so):\n\n");
		this.misses.forEach((kind, list) -> text.append("- ").append(kind).append(": ").append(list.size()).append('\n'));
		this.contradictions.forEach((rule, list) -> {
			text.append("\nContradicted `").append(rule).append("` (").append(list.size()).append("):\n\n");
			list.stream().limit(examples).forEach((line) -> text.append("- ").append(line).append('\n'));
		});
		this.misses.forEach((kind, list) -> {
			text.append("\nMissed ").append(kind).append(" (").append(list.size()).append("):\n\n");
			list.stream().limit(examples).forEach((line) -> text.append("- ").append(line).append('\n'));
		});
		return text.toString();
	}

	/**
	 * Returns the findings the trace contradicts, by rule.
	 * @return the contradictions
	 */
	Map<String, List<String>> contradictions() {
		return this.contradictions;
	}

	/**
	 * Returns the statements the trace saw rewrite or scan under lock with no finding, by kind.
	 * @return the misses
	 */
	Map<String, List<String>> misses() {
		return this.misses;
	}

}
