package dev.migration.autoconfigure.command;

/**
 * Ends the process with the exit code of a command; tests replace it to capture the code.
 */
@FunctionalInterface
public interface CommandExit {

	/** The command succeeded. */
	int SUCCESS = 0;

	/** The command ran and failed, or found what it checks for wrong. */
	int FAILURE = 1;

	/** The command could not run as given: unknown, missing its target, or not available. */
	int USAGE = 2;

	/** Exits the JVM. */
	CommandExit SYSTEM = System::exit;

	/**
	 * Ends the process; called once the application context is closed.
	 * @param code the exit code
	 */
	void exit(int code);

}
