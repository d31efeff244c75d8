package dev.migration.autoconfigure.command;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Where a command prints: its result to {@code out}, its failure (what happened, then what to
 * do) to {@code err}.
 *
 * @param out the stream for results
 * @param err the stream for failures
 */
public record CommandConsole(PrintStream out, PrintStream err) {

	public CommandConsole {
		Objects.requireNonNull(out, "out");
		Objects.requireNonNull(err, "err");
	}

	/**
	 * Returns the console of the process.
	 * @return standard output and standard error
	 */
	public static CommandConsole system() {
		return new CommandConsole(System.out, System.err);
	}

}
