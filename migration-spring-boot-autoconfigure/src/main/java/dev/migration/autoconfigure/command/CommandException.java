package dev.migration.autoconfigure.command;

/**
 * Thrown when a command cannot run as given or finds what it checks for wrong; the message
 * is the one line printed to standard error.
 */
public class CommandException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int exitCode;

	CommandException(int exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	/**
	 * Returns the exit code the process ends with.
	 * @return the exit code, never 0
	 */
	public int exitCode() {
		return this.exitCode;
	}

}
