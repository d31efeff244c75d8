package dev.migration.core;

import java.util.ArrayList;
import java.util.List;

import dev.migration.testdb.TestDatabase;

/**
 * Starts a test's {@code main} in a JVM of its own, with the test JVM's class path, so a test
 * can kill it with SIGKILL; the child finds the test database from its first two arguments and
 * the password in an environment variable, which keeps it out of the process list.
 */
public final class ChildJvm {

	private static final String PASSWORD = "MIGRATIONS_CHILD_TEST_PASSWORD";

	private ChildJvm() {
	}

	/**
	 * Returns the builder of a child process, its output not yet redirected.
	 * @param main the class whose {@code main} runs
	 * @param database the database the child works on
	 * @param arguments the arguments after the database's URL and user
	 * @return the builder
	 */
	public static ProcessBuilder of(Class<?> main, TestDatabase database, String... arguments) {
		List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx128m",
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main.getName(), database.url(),
				database.user()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put(PASSWORD, database.password());
		return builder;
	}

	/**
	 * Returns the database a child was started for, inside the child.
	 * @param arguments the child's arguments, the database's URL and user first
	 * @return the database
	 */
	public static TestDatabase database(String[] arguments) {
		return new TestDatabase("child", arguments[0], arguments[1], System.getenv(PASSWORD));
	}

}
