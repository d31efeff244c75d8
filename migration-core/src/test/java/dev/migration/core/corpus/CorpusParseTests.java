package dev.migration.core.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.migration.core.dialect.PostgresScanner;
import dev.migration.core.dialect.SqlTokens;
import dev.migration.core.lint.parse.AlterAction;
import dev.migration.core.lint.parse.ParsedStatement;
import dev.migration.core.lint.parse.SqlParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement of every history of the shared corpus, split as psql splits it, read by the
 * linter's parser: none may be left unrecognized, with placeholders replaced as they ran or as
 * written, and {@code CONCURRENTLY} and a key's {@code USING INDEX} must be read wherever the
 * statement says them.
 */
class CorpusParseTests {

	private static final int FAILURES_SHOWN = 30;

	/** One statement of the corpus and the file it comes from. */
	private record Statement(Path file, String sql) {
	}

	@Test
	void everyStatementOfTheCorpusIsRecognized() {
		List<Statement> statements = statements(true);
		List<String> failures = new ArrayList<>();
		Map<String, Integer> kinds = new TreeMap<>();
		long start = System.nanoTime();
		for (Statement statement : statements) {
			ParsedStatement parsed = SqlParser.parse(statement.sql());
			kinds.merge(kind(parsed), 1, Integer::sum);
			if (parsed instanceof ParsedStatement.Unrecognized unrecognized) {
				failures.add(failure(statement, unrecognized));
			}
		}
		long cold = System.nanoTime() - start;
		start = System.nanoTime();
		statements.forEach((statement) -> SqlParser.parse(statement.sql()));
		long warm = System.nanoTime() - start;
		System.out.printf("Corpus parse: %d statements, %d unrecognized, %.1f us per statement (first pass), "
				+ "%.1f us (second pass)%n", statements.size(), failures.size(), cold / 1000.0 / statements.size(),
				warm / 1000.0 / statements.size());
		kinds.forEach((kind, count) -> System.out.printf("  %-32s %6d%n", kind, count));
		failures.stream().limit(FAILURES_SHOWN).forEach(System.out::println);
		assertThat(statements).as("statements in the corpus").hasSizeGreaterThan(15_000);
		assertThat(failures).as("statements the parser could not read").isEmpty();
	}

	@Test
	void everyStatementIsRecognizedWithItsFlywayPlaceholdersAsWritten() {
		List<Statement> statements = statements(false);
		assertThat(statements).as("statements with a placeholder")
			.filteredOn((statement) -> statement.sql().contains("${"))
			.hasSizeGreaterThan(100);
		List<String> failures = new ArrayList<>();
		for (Statement statement : statements) {
			if (SqlParser.parse(statement.sql()) instanceof ParsedStatement.Unrecognized unrecognized) {
				failures.add(failure(statement, unrecognized));
			}
		}
		failures.stream().limit(FAILURES_SHOWN).forEach(System.out::println);
		assertThat(failures).as("statements the parser could not read").isEmpty();
	}

	@Test
	void concurrentlyIsReadWhereverTheStatementSaysIt() {
		List<String> disagreements = new ArrayList<>();
		int concurrent = 0;
		for (Statement statement : statements(true)) {
			boolean said = PostgresScanner.isConcurrent(statement.sql());
			concurrent += said ? 1 : 0;
			if (said != concurrently(SqlParser.parse(statement.sql()))) {
				disagreements.add(statement.file() + ": " + abbreviate(statement.sql()));
			}
		}
		assertThat(concurrent).as("concurrent statements in the corpus").isPositive();
		assertThat(disagreements).as("statements whose CONCURRENTLY the parser misread").isEmpty();
	}

	@Test
	void aKeyConstraintTakingAnExistingIndexIsReadSo() {
		List<String> missed = new ArrayList<>();
		int written = 0;
		for (Statement statement : statements(true)) {
			List<String> words = SqlTokens.of(statement.sql()).stream().map(SqlTokens.Token::text).toList();
			int count = 0;
			for (int i = 1; i + 1 < words.size(); i++) {
				boolean key = words.get(i - 1).equals("unique") || words.get(i - 1).equals("key");
				count += (key && words.get(i).equals("using") && words.get(i + 1).equals("index")) ? 1 : 0;
			}
			written += count;
			if (count != usingIndex(SqlParser.parse(statement.sql()))) {
				missed.add(statement.file() + ": " + abbreviate(statement.sql()));
			}
		}
		assertThat(written).as("key constraints USING INDEX in the corpus").isPositive();
		assertThat(missed).as("statements whose USING INDEX the parser misread").isEmpty();
	}

	private static long usingIndex(ParsedStatement parsed) {
		if (!(parsed instanceof ParsedStatement.AlterTable alter)) {
			return 0;
		}
		return alter.actions().stream()
			.filter((action) -> action instanceof AlterAction.AddConstraint add && add.constraint().usingIndex() != null)
			.count();
	}

	private static boolean concurrently(ParsedStatement parsed) {
		if (parsed instanceof ParsedStatement.CreateIndex index) {
			return index.concurrently();
		}
		if (parsed instanceof ParsedStatement.Drop drop) {
			return drop.concurrently();
		}
		if (parsed instanceof ParsedStatement.Reindex reindex) {
			return reindex.concurrently();
		}
		if (parsed instanceof ParsedStatement.RefreshMaterializedView refresh) {
			return refresh.concurrently();
		}
		return parsed instanceof ParsedStatement.AlterTable alter && alter.actions().stream()
			.anyMatch((action) -> action instanceof AlterAction.DetachPartition detach && detach.concurrently());
	}

	/**
	 * Every statement of every migration, each history's files in its order, with placeholders
	 * replaced as the reference run replaced them or left as written.
	 */
	private static List<Statement> statements(boolean asRun) {
		List<Statement> statements = new ArrayList<>();
		for (Corpus.History history : Corpus.histories()) {
			for (Path file : history.migrations()) {
				Path name = history.folder().getParent().relativize(file);
				String text = asRun ? history.textAsRun(file) : Corpus.read(file);
				for (String sql : PostgresScanner.split(text)) {
					statements.add(new Statement(name, sql));
				}
			}
		}
		return statements;
	}

	private static String failure(Statement statement, ParsedStatement.Unrecognized unrecognized) {
		return statement.file() + ": " + unrecognized.reason() + "\n    " + abbreviate(statement.sql());
	}

	private static String kind(ParsedStatement parsed) {
		if (parsed instanceof ParsedStatement.Command command) {
			return "Command " + command.kind();
		}
		return parsed.getClass().getSimpleName();
	}

	private static String abbreviate(String statement) {
		String oneLine = statement.strip().replaceAll("\\s+", " ");
		return (oneLine.length() > 300) ? oneLine.substring(0, 300) + "..." : oneLine;
	}

}
