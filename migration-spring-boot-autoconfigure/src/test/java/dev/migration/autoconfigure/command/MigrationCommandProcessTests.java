package dev.migration.autoconfigure.command;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Command mode as a Kubernetes Job runs it: a separate JVM whose exit code is the verdict. */
@PostgresTest
class MigrationCommandProcessTests {

	private final TestDatabase database;

	@TempDir
	Path output;

	MigrationCommandProcessTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void upgradeInItsOwnJvmExitsWithZeroAfterPrintingWhatItApplied() throws Exception {
		Finished finished = runApplication("--migrations.command=upgrade");
		assertThat(finished.exitCode()).as(finished.toString()).isZero();
		assertThat(finished.out()).contains("Upgraded <base> -> c3: 3 revision(s)")
			.doesNotContain(CommandTestApplication.RUNNER_RAN)
			.doesNotContain("Tomcat");
		assertThat(new JdbcTemplate(this.database.dataSource()).queryForObject("SELECT name FROM item", String.class))
			.isEqualTo("pen");
	}

	@Test
	void aBadTargetInItsOwnJvmExitsWithTheUsageCodeAndTheReasonOnStandardError() throws Exception {
		Finished finished = runApplication("--migrations.command=upgrade", "--migrations.target=nope");
		assertThat(finished.exitCode()).as(finished.toString()).isEqualTo(2);
		assertThat(finished.err().lines().filter((line) -> line.startsWith("upgrade cannot run as given: ")))
			.singleElement()
			.asString()
			.contains("nope");
	}

	private Finished runApplication(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
				+ File.separator + "java", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				CommandTestApplication.class.getName(), "--spring.datasource.url=" + this.database.url()));
		command.addAll(List.of(arguments));
		Path out = this.output.resolve("out.txt");
		Path err = this.output.resolve("err.txt");
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
		// credentials travel in the environment, not on a command line others can read
		builder.environment().put("SPRING_DATASOURCE_USERNAME", this.database.user());
		builder.environment().put("SPRING_DATASOURCE_PASSWORD", this.database.password());
		Process process = builder.start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("The command did not finish within 60 s: " + Files.readString(out));
		}
		return new Finished(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	/** How the process ended and what it printed. */
	private record Finished(int exitCode, String out, String err) {

	}

}
