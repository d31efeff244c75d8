package dev.migration.autoconfigure.command;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Command mode failing as a CI job sees it, in a JVM of its own: the reason and what to do on
 * standard error, no stack trace, nothing on standard output (which a job may redirect into a
 * file), and the documented exit code.
 */
@PostgresTest
class MigrationCommandFailureProcessTests {

	private static final String PASSWORD = "Pa55-not-to-be-shown";

	private final TestDatabase database;

	@TempDir
	Path output;

	MigrationCommandFailureProcessTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void aBrokenCatalogPrintsTheReasonAndTheActionOnStandardErrorAndExitsWithOne() throws Exception {
		Finished finished = run(BrokenCatalogApplication.class, this.database.url(), "--migrations.command=sql",
				"--migrations.target=base:heads");
		assertThat(finished.exitCode()).as(finished.toString()).isEqualTo(1);
		assertThat(finished.out()).as(finished.toString()).isEmpty();
		assertThat(finished.err()).isEqualTo("sql failed: Revision 'x9' revises 'missing', which no migration "
				+ "declares.\nAction: Add the missing revision or correct the revises attribute of 'x9'.\n");
	}

	@Test
	void aBrokenCatalogPrintsNoStackTraceWhenTheCommandLogsEither() throws Exception {
		Finished finished = run(BrokenCatalogApplication.class, this.database.url(), "--migrations.command=upgrade");
		assertThat(finished.exitCode()).as(finished.toString()).isEqualTo(1);
		assertThat(finished.out() + finished.err()).as(finished.toString()).doesNotContain("\tat ", "Caused by");
		// the log of an upgrade stays on standard output, but the failure is told on standard error alone
		assertThat(finished.out()).as(finished.toString()).doesNotContain("x9", "Error starting ApplicationContext");
		assertThat(finished.err()).startsWith("upgrade failed: Revision 'x9' revises 'missing'")
			.contains("\nAction: Add the missing revision");
	}

	@Test
	void anUnreachableDatabaseIsNamedOnStandardErrorWithoutThePassword() throws Exception {
		int port = freePort();
		Finished finished = run(CommandTestApplication.class, "jdbc:postgresql://localhost:" + port + "/app",
				"--migrations.command=current");
		assertThat(finished.exitCode()).as(finished.toString()).isEqualTo(1);
		assertThat(finished.out()).as(finished.toString()).isEmpty();
		assertThat(finished.err()).startsWith("current failed: Nothing accepted the connection at localhost:" + port
				+ ", database 'app', as user '" + this.database.user() + "' (spring.datasource.url)")
			.contains("\nAction: Start PostgreSQL there, or correct the host and port in spring.datasource.url.\n")
			.doesNotContain(PASSWORD, "\tat ");
	}

	@Test
	void aPropertyThatCannotBeReadExitsWithTheUsageCode() throws Exception {
		Finished finished = run(CommandTestApplication.class, this.database.url(), "--migrations.command=current",
				"--migrations.lock-timeout=soon");
		assertThat(finished.exitCode()).as(finished.toString()).isEqualTo(2);
		assertThat(finished.out()).as(finished.toString()).isEmpty();
		assertThat(finished.err()).startsWith("current cannot run as given: ").contains("migrations.lock-timeout")
			.contains("\nAction: ")
			.doesNotContain("\tat ");
	}

	@Test
	void debugAddsTheStackTraceOnStandardError() throws Exception {
		Finished finished = run(BrokenCatalogApplication.class, this.database.url(), "--migrations.command=current",
				"--debug");
		assertThat(finished.exitCode()).as(finished.toString()).isEqualTo(1);
		assertThat(finished.err()).startsWith("current failed: Revision 'x9'")
			.contains("\tat ", "MissingRevisionException");
	}

	private Finished run(Class<?> application, String url, String... arguments)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
				+ File.separator + "java", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				application.getName(), "--spring.datasource.url=" + url));
		command.addAll(List.of(arguments));
		Path out = this.output.resolve("out.txt");
		Path err = this.output.resolve("err.txt");
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
		Map<String, String> environment = builder.environment();
		environment.put("SPRING_DATASOURCE_USERNAME", this.database.user());
		environment.put("SPRING_DATASOURCE_PASSWORD", url.equals(this.database.url()) ? this.database.password()
				: PASSWORD);
		Process process = builder.start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("The command did not finish within 60 s: " + Files.readString(out));
		}
		return new Finished(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** How the process ended and what it printed. */
	private record Finished(int exitCode, String out, String err) {

	}

}
