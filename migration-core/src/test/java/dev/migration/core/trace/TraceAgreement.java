package dev.migration.core.trace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.migration.core.lint.Finding;

/**
 * Holds the linter's findings on each statement against what the trace saw PostgreSQL do:
 * per rule, the findings the trace confirms and those it contradicts, and the statements that
 * rewrote or scanned an existing table under a write-blocking lock with no finding at all.
 */
final class TraceAgreement {

	/** Rules that claim a table rewrite. */
	static final Set<String> REWRITE_RULES = Set.of("volatile-default", "type-change-rewrite", "table-rewrite",
			"vacuum-full", "cluster");

	/** Rules that claim a scan or build of an existing table under a lock that blocks writes. */
	static final Set<String> SCAN_RULES = Set.of("constraint-not-valid", "set-not-null", "unique-without-index",
			"index-not-concurrent", "exclusion-constraint", "attach-partition-scan", "validate-same-transaction",
			"long-update-with-ddl", "required-column-without-default");

	/** Rules that claim a lock that blocks reads or writes of an existing relation. */
	static final Set<String> LOCK_RULES = Set.of("drop-index-not-concurrent", "lock-table", "reindex-not-concurrent",
			"detach-partition-not-concurrent", "refresh-not-concurrent", "trigger-on-existing-table", "truncate");

	private final Map<String, int[]> byRule = new TreeMap<>();

	private final Map<String, List<String>> contradictions = new TreeMap<>();

	private final Map<String, List<String>> misses = new LinkedHashMap<>();

	private int statements;

	/**
	 * Compares one revision's findings with its trace.
	 * @param where the history and file, for the examples
	 * @param findings the linter's findings on the file, judged against the database it ran on
	 * @param trace what the statements did
	 */
	void add(String where, List<Finding> findings, TraceReport trace) {
		Set<Long> made = new HashSet<>();
		for (StatementTrace statement : trace.statements()) {
			this.statements++;
			List<Finding> on = findings.stream().filter((finding) -> concerns(finding, statement.sql())).toList();
			// what the statement makes is no one else's yet: building a new table's keys scans it
			statement.created().forEach((relation) -> made.add(relation.oid()));
			Set<String> truth = truth(statement, made);
			for (Finding finding : on) {
				judge(where, finding, truth, statement);
			}
			boolean claimed = on.stream().anyMatch((finding) -> REWRITE_RULES.contains(finding.ruleId())
					|| SCAN_RULES.contains(finding.ruleId()) || LOCK_RULES.contains(finding.ruleId()));
			if (!claimed && (truth.contains("rewrite") || truth.contains("scan under lock"))) {
				this.misses.computeIfAbsent(truth.contains("rewrite") ? "rewrite" : "scan under lock",
						(key) -> new ArrayList<>()).add(where + ": " + oneLine(statement.sql()) + " -- " + statement.summary().strip());
			}
		}
	}

	private void judge(String where, Finding finding, Set<String> truth, StatementTrace statement) {
		String rule = finding.ruleId();
		int[] counts = this.byRule.computeIfAbsent(rule, (key) -> new int[4]);
		counts[0]++;
		boolean confirmed;
		if (REWRITE_RULES.contains(rule)) {
			confirmed = truth.contains("rewrite");
		}
		else if (rule.equals("long-update-with-ddl")) {
			// the claim: the data change holds the DDL's write-blocking lock, on whatever table, while it runs
			confirmed = truth.contains("rows read under a DDL lock");
		}
		else if (SCAN_RULES.contains(rule)) {
			// an index build on a table without rows scans nothing, but holds its lock all the same
			confirmed = truth.contains("scan under lock") || truth.contains("rewrite")
					|| rule.equals("index-not-concurrent") && truth.contains("blocking lock");
		}
		else if (LOCK_RULES.contains(rule)) {
			confirmed = truth.contains("blocking lock") || truth.contains("rewrite");
		}
		else {
			// about running code or lost data, which no lock shows
			counts[3]++;
			return;
		}
		if (confirmed) {
			counts[1]++;
		}
		else {
			counts[2]++;
			this.contradictions.computeIfAbsent(rule, (key) -> new ArrayList<>())
				.add(where + ": " + oneLine(statement.sql()) + " -- " + statement.summary().strip());
		}
	}

	/** What the statement did to relations that existed before its revision. */
	private static Set<String> truth(StatementTrace statement, Set<Long> made) {
		Set<String> truth = new HashSet<>();
		// a sequence's storage is one page: rewriting it costs nothing anyone waits for
		if (statement.rewrites().stream().anyMatch((rewrite) -> !made.contains(rewrite.relation().oid())
				&& rewrite.relation().kind() != 'S')) {
			truth.add("rewrite");
		}
		for (TableScan scan : statement.scans()) {
			LockMode lock = statement.strongestLocks().get(scan.table());
			if (scan.isFullScan() && !made.contains(scan.table().oid()) && statement.inTransaction() && lock != null
					&& lock.blocksWrites()) {
				truth.add("scan under lock");
			}
		}
		boolean ddlLockHeld = statement.inTransaction() && statement.strongestLocks().entrySet().stream()
			.anyMatch((held) -> held.getValue().blocksWrites() && !made.contains(held.getKey().oid()));
		if (ddlLockHeld && statement.scans().stream().anyMatch((scan) -> scan.isFullScan() || scan.seqTuplesRead() > 0)) {
			truth.add("rows read under a DDL lock");
		}
		if (statement.newLocks().stream().anyMatch((lock) -> lock.mode().blocksWrites()
				&& !made.contains(lock.relation().oid()))) {
			truth.add("blocking lock");
		}
		// a lock an earlier statement of the transaction took is not new, but this statement holds it too
		String words = " " + normal(statement.sql()).replaceAll("[^a-z0-9_]+", " ") + " ";
		statement.strongestLocks().forEach((relation, mode) -> {
			if (mode.blocksWrites() && !made.contains(relation.oid()) && words.contains(" " + relation.name() + " ")) {
				truth.add("blocking lock");
			}
		});
		return truth;
	}

	/** A finding concerns the statement it names, or the DO block that holds it. */
	private static boolean concerns(Finding finding, String sql) {
		String statement = normal(finding.statement());
		String traced = normal(sql);
		return traced.equals(statement) || traced.startsWith("do ") && traced.contains(statement);
	}

	private static String normal(String sql) {
		String text = sql.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
		return text.endsWith(";") ? text.substring(0, text.length() - 1).strip() : text;
	}

	private static String oneLine(String sql) {
		String line = sql.strip().replaceAll("\\s+", " ");
		return (line.length() > 160) ? line.substring(0, 157) + "..." : line;
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
