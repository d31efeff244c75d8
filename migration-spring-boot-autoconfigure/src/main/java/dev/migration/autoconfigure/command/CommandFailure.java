package dev.migration.autoconfigure.command;

import java.io.PrintStream;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Prints a failure analysis for a command: the description after what failed, then the action,
 * on standard error, and the stack trace only when {@code --debug} (or {@code debug=true}) asks
 * for it, so standard output holds only what the command printed.
 */
final class CommandFailure {

	private CommandFailure() {
	}

	/**
	 * Prints a failure.
	 * @param lead what failed, such as {@code "upgrade failed: "}
	 * @param analysis what happened and what to do
	 * @param failure the failure analyzed, whose stack trace {@code --debug} shows
	 * @param err standard error
	 * @param environment the application's properties, to see whether a stack trace is wanted
	 */
	static void print(String lead, FailureAnalysis analysis, Throwable failure, PrintStream err,
			Environment environment) {
		err.println(lead + analysis.getDescription().strip());
		if (analysis.getAction() != null && !analysis.getAction().isBlank()) {
			err.println("Action: " + analysis.getAction().strip());
		}
		if (wantsStackTrace(environment)) {
			failure.printStackTrace(err);
		}
		err.flush();
	}

	private static boolean wantsStackTrace(Environment environment) {
		String debug = environment.getProperty("debug");
		// --debug on the command line sets the property to an empty string
		return debug != null && !debug.equalsIgnoreCase("false");
	}

}
