package dev.migration.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import dev.migration.benchmarks.parsers.CorpusStatements;
import dev.migration.benchmarks.parsers.CorpusStatements.Statement;
import dev.migration.benchmarks.parsers.Jars;
import dev.migration.benchmarks.parsers.ParserCandidate;
import dev.migration.benchmarks.parsers.ParserCandidate.Verdict;
import dev.migration.benchmarks.parsers.ParserCandidates;

/**
 * Reads every statement of the corpus of real Flyway histories with one parser and prints its
 * row of the table in {@code docs/PARSERS.md}; {@code benchmarks/parsers} runs it once per
 * parser, each in its own JVM with only that parser's jars, and prints the table.
 *
 * <p>Arguments: [corpus folder (default: {@code shared/corpus/flyway} found walking up from the
 * working directory)]. System properties: {@code parser} ({@code focused}, {@code jsqlparser} or
 * {@code shardingsphere}), {@code passes} and {@code seconds} (at least that many timed passes, and
 * more until they add up to that many seconds; default 5 and 10), {@code parser.jars} and
 * {@code baseline.jars} (files holding the parser's class path and the application's without
 * it, for the weight), {@code parser.outcomes} (a file to write each statement's verdict to) and
 * {@code parser.compare} (another run's outcomes file, to count what that run read and this not).
 */
public final class ParserComparison {

	/** Enough passes for a median on a busy machine, few enough that a fast parser stops in seconds. */
	private static final int MAX_PASSES = 200;

	private ParserComparison() {
	}

	public static void main(String[] args) throws IOException {
		String name = System.getProperty("parser", "focused");
		int passes = Integer.getInteger("passes", 5);
		double seconds = Double.parseDouble(System.getProperty("seconds", "10"));
		List<Statement> statements = CorpusStatements.read(CorpusStatements.folder(args));
		// cold: the candidate is made (its classes loaded, an engine built) and reads its first statement
		long start = System.nanoTime();
		ParserCandidate candidate = ParserCandidates.named(name);
		attempt(candidate, statements.get(0).sql());
		long cold = System.nanoTime() - start;
		Verdict[] verdicts = judge(candidate, statements);
		Warm warm = warm(candidate, statements, passes, seconds);
		ParserCandidate variant = candidate.variant();
		Warm variantWarm = (variant != null) ? warm(variant, statements, passes, seconds) : null;
		writeOutcomes(candidate.label(), statements, verdicts);
		String notes = notes(candidate, statements, verdicts, variant, variantWarm);
		System.out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", candidate.label(), share(statements, verdicts, true),
				share(statements, verdicts, false), warm, millis(cold), weight(), notes);
	}

	/** Parses and judges every statement; this pass also warms the parser up for the timed ones. */
	private static Verdict[] judge(ParserCandidate candidate, List<Statement> statements) {
		Verdict[] verdicts = new Verdict[statements.size()];
		for (int i = 0; i < verdicts.length; i++) {
			String sql = statements.get(i).sql();
			Object tree = attempt(candidate, sql);
			verdicts[i] = (tree != null) ? candidate.judge(sql, tree) : Verdict.REFUSED;
		}
		return verdicts;
	}

	/**
	 * Times whole-corpus passes after one untimed pass: at least the given number, and more until
	 * the timed ones add up to the given seconds, so a fast parser's median is not one busy moment.
	 */
	private static Warm warm(ParserCandidate candidate, List<Statement> statements, int passes, double seconds) {
		List<Long> times = new ArrayList<>();
		long total = 0;
		int trees = 0;
		for (int pass = -1; pass < passes || (total < seconds * 1e9 && pass < MAX_PASSES); pass++) {
			long start = System.nanoTime();
			trees = 0;
			for (Statement statement : statements) {
				trees += (attempt(candidate, statement.sql()) != null) ? 1 : 0;
			}
			long time = System.nanoTime() - start;
			if (pass >= 0) {
				times.add(time);
				total += time;
			}
		}
		Collections.sort(times);
		// the machine's load is printed beside the passes: the timings mean little on a busy machine
		System.err.printf("%s: %d statements (%d trees), %d passes: best %d ms, median %d ms, worst %d ms; load average "
				+ "%.1f%n", candidate.label(), statements.size(), trees, times.size(), times.get(0) / 1_000_000,
				times.get(times.size() / 2) / 1_000_000, times.get(times.size() - 1) / 1_000_000,
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		double perStatement = 1000.0 * statements.size();
		return new Warm(times.get(times.size() / 2) / perStatement, times.get(0) / perStatement);
	}

	/**
	 * The warm time per statement.
	 *
	 * @param median the median pass's, in microseconds
	 * @param best the fastest pass's, in microseconds
	 */
	private record Warm(double median, double best) {

		@Override
		public String toString() {
			return micros(this.median) + " (best " + micros(this.best) + ")";
		}

	}

	/** Parses, returning null where the parser refuses the statement. */
	private static Object attempt(ParserCandidate candidate, String sql) {
		try {
			return candidate.parse(sql);
		}
		catch (Exception | StackOverflowError | AssertionError ex) {
			// a parser's own error (JavaCC's token manager, a deep nesting) is a refusal too
			return null;
		}
	}

	private static String notes(ParserCandidate candidate, List<Statement> statements, Verdict[] verdicts,
			ParserCandidate variant, Warm variantWarm) throws IOException {
		StringJoiner notes = new StringJoiner("; ");
		long silent = Arrays.stream(verdicts).filter((v) -> v == Verdict.SILENT).count();
		long lost = Arrays.stream(verdicts).filter((v) -> v == Verdict.CLAUSE_LOST).count();
		if (silent > 0) {
			notes.add(String.format("%,d statements come back as `UnsupportedStatement`, without an error", silent));
		}
		if (!candidate.notes().isEmpty()) {
			notes.add(candidate.notes());
		}
		if (silent + lost > 0) {
			notes.add("parsed without an error: DDL " + share(statements, verdicts, true, Verdict.REFUSED) + ", all "
					+ share(statements, verdicts, false, Verdict.REFUSED));
		}
		if (variant != null) {
			notes.add(variantWarm + " warm with one shared executor");
		}
		String compared = compare(verdicts);
		if (!compared.isEmpty()) {
			notes.add(compared);
		}
		return notes.toString();
	}

	/** What share of the statements (the DDL ones only, or all) was read. */
	private static String share(List<Statement> statements, Verdict[] verdicts, boolean ddlOnly) {
		long total = 0;
		long read = 0;
		for (int i = 0; i < verdicts.length; i++) {
			if (!ddlOnly || statements.get(i).ddl()) {
				total++;
				read += (verdicts[i] == Verdict.READ) ? 1 : 0;
			}
		}
		return percent(read, total) + String.format(" (%,d of %,d)", read, total);
	}

	/** What share of the statements did not come back as the given verdict. */
	private static String share(List<Statement> statements, Verdict[] verdicts, boolean ddlOnly, Verdict not) {
		long total = 0;
		long other = 0;
		for (int i = 0; i < verdicts.length; i++) {
			if (!ddlOnly || statements.get(i).ddl()) {
				total++;
				other += (verdicts[i] != not) ? 1 : 0;
			}
		}
		return percent(other, total);
	}

	/** One decimal, rounded down, so 100% means every one. */
	private static String percent(long part, long total) {
		if (part == total) {
			return "100%";
		}
		return String.format(Locale.ROOT, "%.1f%%", Math.floor(1000.0 * part / total) / 10);
	}

	private static String micros(double micros) {
		return String.format(Locale.ROOT, (micros < 10) ? "%.1f µs" : "%.0f µs", micros);
	}

	private static String millis(long nanos) {
		double millis = nanos / 1e6;
		return String.format(Locale.ROOT, (millis < 10) ? "%.1f ms" : "%.0f ms", millis);
	}

	private static String weight() {
		String jars = System.getProperty("parser.jars");
		if (jars == null || jars.isEmpty()) {
			return "none";
		}
		String baseline = System.getProperty("baseline.jars");
		return Jars.added(Path.of(jars), (baseline != null) ? Path.of(baseline) : null);
	}

	/** Writes each statement's verdict, one a line, under a line naming the parser. */
	private static void writeOutcomes(String label, List<Statement> statements, Verdict[] verdicts) throws IOException {
		String file = System.getProperty("parser.outcomes");
		if (file == null || file.isEmpty()) {
			return;
		}
		List<String> lines = new ArrayList<>();
		lines.add("# " + label);
		for (int i = 0; i < verdicts.length; i++) {
			String sql = statements.get(i).sql().strip().replaceAll("\\s+", " ");
			lines.add(verdicts[i] + "\t" + statements.get(i).file() + "\t" + sql.substring(0, Math.min(sql.length(), 200)));
		}
		Files.write(Path.of(file), lines, StandardCharsets.UTF_8);
	}

	/** Counts the statements another run read that this one did not. */
	private static String compare(Verdict[] verdicts) throws IOException {
		String file = System.getProperty("parser.compare");
		if (file == null || file.isEmpty() || !Files.isRegularFile(Path.of(file))) {
			return "";
		}
		List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
		String other = lines.get(0).substring(2);
		List<String> outcomes = lines.subList(1, lines.size());
		if (outcomes.size() != verdicts.length) {
			throw new IllegalStateException(file + " holds another corpus: " + outcomes.size() + " statements");
		}
		int lost = 0;
		for (int i = 0; i < verdicts.length; i++) {
			lost += (outcomes.get(i).startsWith(Verdict.READ + "\t") && verdicts[i] != Verdict.READ) ? 1 : 0;
		}
		return String.format("does not read %,d statements that %s reads", lost, other);
	}

}
