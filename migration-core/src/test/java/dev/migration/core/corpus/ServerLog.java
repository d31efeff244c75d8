package dev.migration.core.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The statements a server logged ({@code log_statement=all}, {@code csvlog}), grouped by the
 * application name of the session that sent them: ground truth for how a client split a file.
 */
final class ServerLog {

	private static final int MESSAGE = 13;

	private static final int APPLICATION = 22;

	private static final String STATEMENT = "statement: ";

	private ServerLog() {
	}

	/**
	 * Reads every statement logged so far.
	 * @param pgdata the server's data folder
	 * @return the statements, in order, by application name
	 */
	static Map<String, List<String>> statements(Path pgdata) throws IOException {
		Map<String, List<String>> byApplication = new LinkedHashMap<>();
		List<Path> logs;
		try (Stream<Path> files = Files.list(pgdata.resolve("log"))) {
			logs = files.filter((file) -> file.toString().endsWith(".csv")).sorted().toList();
		}
		for (Path log : logs) {
			for (List<String> row : rows(Files.readString(log, StandardCharsets.UTF_8))) {
				if (row.size() > APPLICATION && row.get(MESSAGE).startsWith(STATEMENT)) {
					byApplication.computeIfAbsent(row.get(APPLICATION), (name) -> new ArrayList<>())
						.add(row.get(MESSAGE).substring(STATEMENT.length()));
				}
			}
		}
		return byApplication;
	}

	/** RFC 4180 rows: quoted fields may hold commas, line breaks and doubled quotes. */
	private static List<List<String>> rows(String csv) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n') {
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				field.append(c);
			}
		}
		return rows;
	}

}
