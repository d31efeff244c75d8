package dev.migration.core.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.migration.core.dialect.PostgresScanner;
import dev.migration.core.lint.parse.ParsedStatement;
import dev.migration.core.lint.parse.SqlParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement of every history of the shared corpus, split as psql splits it, read by the
 * linter's parser: none may be left unrecognized.
 */
class CorpusParseTests {

	private static final int FAILURES_SHOWN = 30;

	@Test
	void everyStatementOfTheCorpusIsRecognized() {
		List<String> failures = new ArrayList<>();
		Map<String, Integer> kinds = new TreeMap<>();
		int statements = 0;
		long nanos = 0;
		for (Corpus.History history : Corpus.histories()) {
			for (Path file : history.migrations()) {
				for (String statement : PostgresScanner.split(history.textAsRun(file))) {
					long start = System.nanoTime();
					ParsedStatement parsed = SqlParser.parse(statement);
					nanos += System.nanoTime() - start;
					statements++;
					kinds.merge(kind(parsed), 1, Integer::sum);
					if (parsed instanceof ParsedStatement.Unrecognized unrecognized) {
						failures.add(history.folder().getParent().relativize(file) + ": " + unrecognized.reason()
								+ "\n    " + abbreviate(statement));
					}
				}
			}
		}
		System.out.printf("Corpus parse: %d statements, %d unrecognized, %.1f us per statement%n", statements,
				failures.size(), nanos / 1000.0 / statements);
		kinds.forEach((kind, count) -> System.out.printf("  %-28s %6d%n", kind, count));
		failures.stream().limit(FAILURES_SHOWN).forEach(System.out::println);
		assertThat(statements).as("statements in the corpus").isGreaterThan(10_000);
		assertThat(failures).as("statements the parser could not read").isEmpty();
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
