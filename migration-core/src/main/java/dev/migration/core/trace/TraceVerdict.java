package dev.migration.core.trace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migration.core.dialect.PostgresScanner;
import dev.migration.core.lint.Finding;
import dev.migration.core.lint.LintReport;

/**
 * The linter's findings on one revision held against what its trace saw PostgreSQL do: each
 * finding confirmed, contradicted, or about something no lock shows, and each statement that
 * rewrote an existing table, scanned it under a lock that blocks writes, or took such a lock,
 * with no finding that said so.
 *
 * @param revision the revision's name
 * @param judged every finding, accepted ones included, with what the trace says of it
 * @param misses what the trace saw that no finding claimed
 */
public record TraceVerdict(String revision, List<Judged> judged, List<Miss> misses) {

	/** Rules that claim a table rewrite. */
	public static final Set<String> REWRITE_RULES = Set.of("volatile-default", "type-change-rewrite", "table-rewrite",
			"vacuum-full", "cluster");

	/** Rules that claim a scan or build of an existing table under a lock that blocks writes. */
	public static final Set<String> SCAN_RULES = Set.of("constraint-not-valid", "set-not-null",
			"unique-without-index", "index-not-concurrent", "exclusion-constraint", "attach-partition-scan",
			"validate-same-transaction", "long-update-with-ddl", "required-column-without-default");

	/** Rules that claim a lock that blocks reads or writes of an existing relation. */
	public static final Set<String> LOCK_RULES = Set.of("drop-index-not-concurrent", "lock-table",
			"reindex-not-concurrent", "detach-partition-not-concurrent", "refresh-not-concurrent",
			"trigger-on-existing-table", "truncate");

	public TraceVerdict {
		judged = List.copyOf(judged);
		misses = List.copyOf(misses);
	}

	/**
	 * Holds a revision's findings against its trace.
	 * @param lint the linter's report on the revision alone, judged against the database it ran on
	 * @param trace what its statements did
	 * @return the verdict
	 */
	public static TraceVerdict of(LintReport lint, TraceReport trace) {
		List<Claim> claims = new ArrayList<>();
		lint.findings().forEach((finding) -> claims.add(new Claim(finding, null)));
		lint.suppressed().forEach((suppressed) -> claims.add(new Claim(suppressed.finding(), suppressed.reason())));
		lint.notChecked().forEach((finding) -> claims.add(new Claim(finding, null)));
		List<Set<String>> truths = truths(trace);
		List<Judged> judged = new ArrayList<>();
		for (Claim claim : claims) {
			judged.add(judge(claim, trace, truths));
		}
		List<Miss> misses = new ArrayList<>();
		for (int i = 0; i < trace.statements().size(); i++) {
			StatementTrace statement = trace.statements().get(i);
			Set<String> truth = truths.get(i);
			// a finding accepted with a reason, even one that the statement could not be read, is the author's word on it
			boolean claimed = claims.stream()
				.anyMatch((claim) -> (claimsLocks(claim.finding().ruleId()) || claim.accepted() != null)
						&& concerns(claim.finding(), statement.sql()));
			if (!claimed && (truth.contains(REWRITE) || truth.contains(SCAN_UNDER_LOCK))) {
				misses.add(new Miss(statement, truth.contains(REWRITE) ? REWRITE : SCAN_UNDER_LOCK));
			}
		}
		return new TraceVerdict(trace.revision(), judged, misses);
	}

	private static final String REWRITE = "rewrite";

	private static final String SCAN_UNDER_LOCK = "scan under lock";

	private static final String ROWS_READ_UNDER_DDL_LOCK = "rows read under a DDL lock";

	private static final String BLOCKING_LOCK = "blocking lock";

	/**
	 * Returns the findings the trace contradicts.
	 * @return the judged findings whose claim PostgreSQL did not bear out
	 */
	public List<Judged> contradicted() {
		return this.judged.stream().filter((judged) -> judged.outcome() == Outcome.CONTRADICTED).toList();
	}

	/**
	 * Returns whether the trace saw nothing the linter missed and contradicted no finding.
	 * @return whether the two agree
	 */
	public boolean agrees() {
		return this.misses.isEmpty() && contradicted().isEmpty();
	}

	private static boolean claimsLocks(String rule) {
		return REWRITE_RULES.contains(rule) || SCAN_RULES.contains(rule) || LOCK_RULES.contains(rule);
	}

	private static Judged judge(Claim claim, TraceReport trace, List<Set<String>> truths) {
		String rule = claim.finding().ruleId();
		List<Integer> concerned = new ArrayList<>();
		for (int i = 0; i < trace.statements().size(); i++) {
			if (concerns(claim.finding(), trace.statements().get(i).sql())) {
				concerned.add(i);
			}
		}
		if (!claimsLocks(rule)) {
			// about running code or lost data, which no lock shows
			return new Judged(claim.finding(), claim.accepted(), Outcome.NOT_A_LOCK_CLAIM,
					concerned.isEmpty() ? null : trace.statements().get(concerned.get(0)));
		}
		if (concerned.isEmpty()) {
			return new Judged(claim.finding(), claim.accepted(), Outcome.NOT_TRACED, null);
		}
		for (int index : concerned) {
			if (confirms(rule, truths.get(index))) {
				return new Judged(claim.finding(), claim.accepted(), Outcome.CONFIRMED, trace.statements().get(index));
			}
		}
		return new Judged(claim.finding(), claim.accepted(), Outcome.CONTRADICTED,
				trace.statements().get(concerned.get(0)));
	}

	private static boolean confirms(String rule, Set<String> truth) {
		if (REWRITE_RULES.contains(rule)) {
			return truth.contains(REWRITE);
		}
		if (rule.equals("long-update-with-ddl")) {
			// the claim: the data change holds the DDL's write-blocking lock, on whatever table, while it runs
			return truth.contains(ROWS_READ_UNDER_DDL_LOCK);
		}
		if (SCAN_RULES.contains(rule)) {
			// an index build on a table without rows scans nothing, but holds its lock all the same
			return truth.contains(SCAN_UNDER_LOCK) || truth.contains(REWRITE)
					|| rule.equals("index-not-concurrent") && truth.contains(BLOCKING_LOCK);
		}
		return truth.contains(BLOCKING_LOCK) || truth.contains(REWRITE);
	}

	/** What each statement did to relations that existed before its revision, in statement order. */
	private static List<Set<String>> truths(TraceReport trace) {
		Set<Long> made = new HashSet<>();
		List<Set<String>> truths = new ArrayList<>();
		for (StatementTrace statement : trace.statements()) {
			// what the statement makes is no one else's yet: building a new table's keys scans it
			statement.created().forEach((relation) -> made.add(relation.oid()));
			truths.add(truth(statement, made));
		}
		return truths;
	}

	private static Set<String> truth(StatementTrace statement, Set<Long> made) {
		Set<String> truth = new HashSet<>();
		// a sequence's storage is one page: rewriting it costs nothing anyone waits for
		if (statement.rewrites()
			.stream()
			.anyMatch((rewrite) -> !made.contains(rewrite.relation().oid()) && rewrite.relation().kind() != 'S')) {
			truth.add(REWRITE);
		}
		for (TableScan scan : statement.scans()) {
			LockMode lock = statement.strongestLocks().get(scan.table());
			if (scan.isFullScan() && !made.contains(scan.table().oid()) && statement.inTransaction() && lock != null
					&& lock.blocksWrites()) {
				truth.add(SCAN_UNDER_LOCK);
			}
		}
		boolean ddlLockHeld = statement.inTransaction() && statement.strongestLocks()
			.entrySet()
			.stream()
			.anyMatch((held) -> held.getValue().blocksWrites() && !made.contains(held.getKey().oid()));
		if (ddlLockHeld
				&& statement.scans().stream().anyMatch((scan) -> scan.isFullScan() || scan.seqTuplesRead() > 0)) {
			truth.add(ROWS_READ_UNDER_DDL_LOCK);
		}
		if (statement.newLocks()
			.stream()
			.anyMatch((lock) -> lock.mode().blocksWrites() && !made.contains(lock.relation().oid()))) {
			truth.add(BLOCKING_LOCK);
		}
		// a lock an earlier statement of the transaction took is not new, but this statement holds it too
		String words = " " + normal(statement.sql()).replaceAll("[^a-z0-9_]+", " ") + " ";
		statement.strongestLocks().forEach((relation, mode) -> {
			if (mode.blocksWrites() && !made.contains(relation.oid()) && words.contains(" " + relation.name() + " ")) {
				truth.add(BLOCKING_LOCK);
			}
		});
		return truth;
	}

	/**
	 * A finding concerns the statement it names, one of the statements of the operation it
	 * names, or the DO block that holds it.
	 */
	static boolean concerns(Finding finding, String sql) {
		String traced = normal(sql);
		String named = normal(finding.statement());
		if (traced.equals(named) || traced.startsWith("do ") && traced.contains(named)) {
			return true;
		}
		// an operation's finding names all its statements, as the linter rendered them
		return named.contains(";") && PostgresScanner.split(finding.statement())
			.stream()
			.anyMatch((part) -> normal(part).equals(traced));
	}

	private static String normal(String sql) {
		String text = sql.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		return text.endsWith(";") ? text.substring(0, text.length() - 1).strip() : text;
	}

	/** A finding with the reason it was accepted, if it was. */
	private record Claim(Finding finding, String accepted) {
	}

	/** What the trace says of a finding. */
	public enum Outcome {

		/** PostgreSQL did what the finding said it would. */
		CONFIRMED,

		/** PostgreSQL did not: the finding is a false alarm, a bug of the linter. */
		CONTRADICTED,

		/** The finding is about running code or lost data, which locks do not show. */
		NOT_A_LOCK_CLAIM,

		/** No traced statement is the one the finding names, as for code that reads the database. */
		NOT_TRACED

	}

	/**
	 * A finding with what the trace says of it.
	 *
	 * @param finding the finding
	 * @param accepted the reason given to accept it, or {@code null}
	 * @param outcome what the trace says
	 * @param statement the traced statement that bears it out or not, or {@code null}
	 */
	public record Judged(Finding finding, String accepted, Outcome outcome, StatementTrace statement) {
	}

	/**
	 * A statement that did what a rule is for, with no finding that said so.
	 *
	 * @param statement the statement's trace
	 * @param kind {@code rewrite} or {@code scan under lock}
	 */
	public record Miss(StatementTrace statement, String kind) {
	}

}
