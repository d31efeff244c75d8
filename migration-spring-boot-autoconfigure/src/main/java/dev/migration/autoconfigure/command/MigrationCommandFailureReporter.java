package dev.migration.autoconfigure.command;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

import dev.migration.autoconfigure.diagnostics.FailureAnalyses;
import dev.migration.core.graph.AmbiguousRevisionException;
import dev.migration.core.graph.InvalidTargetException;
import dev.migration.core.graph.UnknownRevisionException;

/**
 * Reports an application that failed to start in command mode (a broken revision graph, a
 * database that cannot be reached, a property that cannot be read) as the command's own
 * failures are reported: what happened and what to do on standard error, nothing on standard
 * output, where Spring Boot would log the stack trace and the analysis, and the exit code of
 * the documented contract: 2 when the input cannot be used as given, 1 otherwise. Outside
 * command mode it stands aside for Spring Boot's report.
 */
public class MigrationCommandFailureReporter implements SpringBootExceptionReporter, Ordered {

	private final ConfigurableApplicationContext context;

	private final CommandConsole console;

	private final CommandExit exit;

	/**
	 * Creates the reporter; Spring Boot passes the context that failed.
	 * @param context the application context, possibly {@code null}
	 */
	public MigrationCommandFailureReporter(ConfigurableApplicationContext context) {
		this(context, CommandConsole.system(), CommandExit.SYSTEM);
	}

	MigrationCommandFailureReporter(ConfigurableApplicationContext context, CommandConsole console, CommandExit exit) {
		this.context = context;
		this.console = console;
		this.exit = exit;
	}

	@Override
	public int getOrder() {
		// before Spring Boot's FailureAnalyzers, which log the report on standard output
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public boolean reportException(Throwable failure) {
		String command = (this.context != null)
				? this.context.getEnvironment().getProperty(MigrationCommandEnvironmentPostProcessor.COMMAND) : null;
		if (command == null) {
			return false;
		}
		FailureAnalysis analysis = FailureAnalyses.analyze(failure, this.context);
		boolean usage = isUsage(failure);
		this.console.out().flush();
		CommandFailure.print(command + (usage ? " cannot run as given: " : " failed: "), analysis, failure,
				this.console.err(), this.context.getEnvironment());
		// nothing is left open: the refresh that failed destroyed the beans it had made
		this.exit.exit(usage ? CommandExit.USAGE : CommandExit.FAILURE);
		return true;
	}

	/** A property that cannot be read or a target that names no revision: the command as given. */
	private static boolean isUsage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException || cause instanceof InvalidConfigurationPropertyValueException
					|| cause instanceof UnknownRevisionException || cause instanceof AmbiguousRevisionException
					|| cause instanceof InvalidTargetException) {
				return true;
			}
		}
		return false;
	}

}
