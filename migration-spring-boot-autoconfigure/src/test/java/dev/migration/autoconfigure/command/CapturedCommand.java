package dev.migration.autoconfigure.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** Captures what a command prints and the exit code it ends with, in place of the JVM's. */
final class CapturedCommand {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private final AtomicInteger exitCode = new AtomicInteger(-1);

	CommandConsole console() {
		return new CommandConsole(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	CommandExit exit() {
		return (code) -> {
			if (!this.exitCode.compareAndSet(-1, code)) {
				throw new IllegalStateException("exited twice");
			}
		};
	}

	int exitCode() {
		return this.exitCode.get();
	}

	String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
