package dev.migration.core.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.migration.testdb.LocalServer;
import dev.migration.testdb.TestDatabase;

/**
 * The reference the corpus README describes: a history applied file by file with {@code psql}
 * on a fresh database, then dumped with {@code pg_dump -s}; the server logs every statement
 * psql sends, which is how psql split each file.
 */
public final class PsqlReference {

	/** Files that must not run in one transaction, as the README decides it. */
	private static final Pattern NO_SINGLE_TRANSACTION = Pattern.compile(
			"(?i)\\b(create|drop)\\s+(unique\\s+)?index\\s+concurrently\\b|(?im)^\\s*(begin|commit)\\s*;");

	private PsqlReference() {
	}

	/** The server settings that make {@link ServerLog} readable. */
	static String[] loggingSettings() {
		return new String[] { "logging_collector=on", "log_destination=csvlog", "log_statement=all",
				"log_rotation_size=0", "log_rotation_age=0", "log_min_messages=error" };
	}

	/**
	 * Applies a history with psql and returns its dump.
	 * @param server the server, started with {@link #loggingSettings()}
	 * @param history the history
	 * @param database a name for the new database
	 * @return the schema dump
	 */
	static String apply(LocalServer server, Corpus.History history, String database)
			throws IOException, InterruptedException, SQLException {
		TestDatabase target = server.createDatabase(database);
		if (!history.schema().equals("public")) {
			psql(server, database, "setup", List.of("-c", "CREATE SCHEMA " + history.schema()), null);
		}
		List<Path> files = history.migrations();
		for (int i = 0; i < files.size(); i++) {
			Path file = files.get(i);
			String text = history.textAsRun(file);
			Path script = Files.createTempFile("corpus", ".sql");
			try {
				Files.writeString(script, text, StandardCharsets.UTF_8);
				List<String> arguments = new ArrayList<>(List.of("-v", "ON_ERROR_STOP=1"));
				if (!NO_SINGLE_TRANSACTION.matcher(text).find()) {
					arguments.add("-1");
				}
				arguments.addAll(List.of("-f", script.toString()));
				psql(server, database, appName(database, i), arguments, history.schema());
			}
			finally {
				Files.delete(script);
			}
		}
		return dump(server, target.name());
	}

	/** The application name that tells the log which file a statement came from. */
	static String appName(String database, int file) {
		return database + "#" + file;
	}

	/**
	 * Returns whether psql ran the file in one transaction of its own ({@code -1}), which adds
	 * a {@code BEGIN} and a {@code COMMIT} to what the server logs.
	 * @param text the file's text as it ran
	 * @return whether it ran with {@code -1}
	 */
	static boolean singleTransaction(String text) {
		return !NO_SINGLE_TRANSACTION.matcher(text).find();
	}

	/**
	 * Returns {@code pg_dump -s} of a database, without the lines that differ between two dumps
	 * of one schema ({@code \restrict} keys) and without the tool's own tables, Flyway's and
	 * Liquibase's.
	 * @param server the server
	 * @param database the database
	 * @return the dump
	 */
	public static String dump(LocalServer server, String database) throws IOException, InterruptedException {
		// Flyway's and Liquibase's history tables are the tool's own business, as the tool's tables are
		String dump = run(server, List.of(LocalServer.bin("pg_dump"), "-s", "--no-owner", "-T", "*.migration_history*",
				"-T", "*.migration_backfill_progress", "-T", "*.flyway_schema_history", "-T", "*.databasechangelog*",
				database), Map.of());
		StringBuilder kept = new StringBuilder();
		for (String line : dump.split("\n", -1)) {
			if (!line.startsWith("\\restrict") && !line.startsWith("\\unrestrict")) {
				kept.append(line).append('\n');
			}
		}
		return kept.toString();
	}

	private static void psql(LocalServer server, String database, String appName, List<String> arguments,
			String schema) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(LocalServer.bin("psql"), "-X", "-q", "-d", database));
		command.addAll(arguments);
		Map<String, String> environment = (schema == null || schema.equals("public")) ? Map.of("PGAPPNAME", appName)
				: Map.of("PGAPPNAME", appName, "PGOPTIONS", "-c search_path=" + schema);
		run(server, command, environment);
	}

	private static String run(LocalServer server, List<String> command, Map<String, String> environment)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(server.clientEnvironment());
		builder.environment().putAll(environment);
		Path output = Files.createTempFile("corpus-psql", ".out");
		Path errors = Files.createTempFile("corpus-psql", ".err");
		try {
			Process process = builder.redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
			if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IOException(String.join(" ", command) + " failed:\n" + tail(Files.readString(errors)));
			}
			return Files.readString(output, StandardCharsets.UTF_8);
		}
		finally {
			Files.deleteIfExists(output);
			Files.deleteIfExists(errors);
		}
	}

	private static String tail(String text) {
		return (text.length() > 4000) ? text.substring(text.length() - 4000) : text;
	}

}
