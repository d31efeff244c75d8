package dev.migration.autoconfigure.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

import dev.migration.core.MigrationException;
import dev.migration.core.SecretText;

/**
 * Base of the analyzers of the engine's failures: the description says what happened, the
 * action what to do, both taken from the engine's message unless a subclass knows better, and
 * both masked, since a message may quote a statement or a URL with a secret in it.
 *
 * @param <T> the failure analyzed
 */
public abstract class MigrationFailureAnalyzer<T extends MigrationException> extends AbstractFailureAnalyzer<T>
		implements Ordered {

	@Override
	public int getOrder() {
		// before Spring Boot's analyzers, which know the bean creation that wraps the engine's failure
		return 0;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, T cause) {
		return new FailureAnalysis(SecretText.mask(description(cause)), SecretText.mask(action(cause)), cause);
	}

	/**
	 * Returns what happened.
	 * @param failure the failure
	 * @return the description
	 */
	protected String description(T failure) {
		return FailureMessage.of(failure.getMessage()).description();
	}

	/**
	 * Returns what to do.
	 * @param failure the failure
	 * @return the action
	 */
	protected String action(T failure) {
		String action = FailureMessage.of(failure.getMessage()).action();
		return (action != null) ? action : fallbackAction(failure);
	}

	/**
	 * Returns what to do when the message does not say.
	 * @param failure the failure
	 * @return the action
	 */
	protected String fallbackAction(T failure) {
		return "Correct what the description names and start again; --debug shows the stack trace.";
	}

}
