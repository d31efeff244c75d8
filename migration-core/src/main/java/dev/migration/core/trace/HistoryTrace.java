package dev.migration.core.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.migration.core.lint.Rule;
import dev.migration.core.trace.TraceVerdict.Judged;
import dev.migration.core.trace.TraceVerdict.Outcome;

/**
 * The trace of a path of revisions, each held against the linter's findings on it.
 *
 * @param revisions each revision traced, in order, up to the first that failed
 */
public record HistoryTrace(List<RevisionTrace> revisions) {

	public HistoryTrace {
		revisions = List.copyOf(revisions);
	}

	/**
	 * Returns the trace of one revision.
	 * @param id the revision id
	 * @return the trace, empty when the revision was not traced
	 */
	public Optional<RevisionTrace> revision(String id) {
		return this.revisions.stream().filter((trace) -> trace.revision().id().equals(id)).findFirst();
	}

	/**
	 * Returns what must not pass: a revision that failed on the scratch database, and each
	 * statement PostgreSQL saw rewrite an existing table or scan it under a lock that blocks
	 * writes while the linter, which passed it, said nothing.
	 * @return one line per problem, empty when there is none
	 */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		for (RevisionTrace revision : this.revisions) {
			if (revision.failed()) {
				problems.add("revision " + revision.trace().revision() + " failed on the scratch database"
						+ (revision.withoutSeededRows() ? " (also without seeded rows)" : "") + ": "
						+ revision.trace().failure());
			}
			revision.verdict()
				.misses()
				.forEach((miss) -> problems.add("revision " + revision.trace().revision() + ", statement #"
						+ miss.statement().index() + ": PostgreSQL did a " + miss.kind()
						+ " of an existing table that no lint finding names: " + miss.statement().summary()));
		}
		return problems;
	}

	/**
	 * Returns the findings the trace contradicts: false alarms of the linter.
	 * @return the findings, in revision order
	 */
	public List<Judged> contradicted() {
		return this.revisions.stream().flatMap((revision) -> revision.verdict().contradicted().stream()).toList();
	}

	/**
	 * Returns the trace as text: per revision each statement with what PostgreSQL did, the
	 * findings on it with what the trace says of them, and how long the application would
	 * have waited.
	 * @return the report
	 */
	public String render() {
		StringBuilder text = new StringBuilder();
		int statements = 0;
		int[] outcomes = new int[Outcome.values().length];
		int misses = 0;
		for (RevisionTrace revision : this.revisions) {
			render(revision, text);
			statements += revision.trace().statements().size();
			revision.verdict().judged().forEach((judged) -> outcomes[judged.outcome().ordinal()]++);
			misses += revision.verdict().misses().size();
		}
		text.append(this.revisions.size()).append(" revision(s), ").append(statements).append(" statement(s) traced; ")
			.append("lint findings: ").append(outcomes[Outcome.CONFIRMED.ordinal()]).append(" confirmed, ")
			.append(outcomes[Outcome.CONTRADICTED.ordinal()]).append(" contradicted, ")
			.append(outcomes[Outcome.NOT_A_LOCK_CLAIM.ordinal()]).append(" not about locks, ")
			.append(outcomes[Outcome.NOT_TRACED.ordinal()]).append(" not traced; ")
			.append(misses).append(" miss(es) of the linter.\n");
		return text.toString();
	}

	private static void render(RevisionTrace revision, StringBuilder text) {
		TraceReport trace = revision.trace();
		text.append(trace.revision()).append(": ").append(trace.statements().size()).append(" statement(s)");
		if (!revision.seeded().seeded().isEmpty()) {
			text.append("; seeded ");
			List<String> seeded = new ArrayList<>();
			revision.seeded().seeded().forEach((table, rows) -> seeded.add(table + " (" + rows + " rows)"));
			text.append(String.join(", ", seeded.stream().sorted().toList()));
		}
		if (revision.withoutSeededRows()) {
			text.append("; traced again without seeded rows, on which it failed: ").append(revision.seededFailure());
		}
		text.append('\n');
		for (StatementTrace statement : trace.statements()) {
			text.append("  ").append(statement.summary()).append('\n');
			text.append("      ").append(oneLine(statement.sql(), 120)).append('\n');
			revision.verdict()
				.judged()
				.stream()
				.filter((judged) -> judged.statement() != null && judged.statement().index() == statement.index())
				.forEach((judged) -> text.append("      ").append(describe(judged)).append('\n'));
			revision.verdict()
				.misses()
				.stream()
				.filter((miss) -> miss.statement().index() == statement.index())
				.forEach((miss) -> text.append("      MISSED by lint: a ").append(miss.kind())
					.append(" of an existing table, which no finding names\n"));
		}
		revision.verdict()
			.judged()
			.stream()
			.filter((judged) -> judged.statement() == null)
			.forEach((judged) -> text.append("  ").append(describe(judged)).append('\n'));
		if (trace.error() != null) {
			text.append("  FAILED: ").append(trace.error()).append('\n');
		}
		revision.blocking().forEach((line) -> text.append("  blocked ").append(line).append('\n'));
	}

	private static String describe(Judged judged) {
		String verdict = switch (judged.outcome()) {
			case CONFIRMED -> "confirmed by the trace";
			case CONTRADICTED -> "CONTRADICTED by the trace: PostgreSQL did not do this (a false alarm of the linter)";
			case NOT_A_LOCK_CLAIM -> "about code or data, which locks do not show";
			case NOT_TRACED -> "not traced: no statement ran as the finding names it";
		};
		// a statement nobody could read is an error or a warning as the policy says, not of the rule's own severity
		String rule = (judged.finding().rule() == Rule.NOT_CHECKED) ? judged.finding().ruleId()
				: judged.finding().severity().name().toLowerCase(Locale.ROOT) + " " + judged.finding().ruleId();
		return "lint " + rule + ((judged.accepted() != null) ? " (accepted: " + judged.accepted() + ")" : "") + ": "
				+ verdict;
	}

	/** A statement on one line, cut to a width. */
	static String oneLine(String sql, int width) {
		String line = sql.strip().replaceAll("\\s+", " ");
		return (line.length() > width) ? line.substring(0, width - 3) + "..." : line;
	}

}
