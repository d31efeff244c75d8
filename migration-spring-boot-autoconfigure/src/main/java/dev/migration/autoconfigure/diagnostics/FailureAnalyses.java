package dev.migration.autoconfigure.diagnostics;

import java.util.List;

import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader;

import dev.migration.core.SecretText;

/**
 * Analyzes a failure the way Spring Boot does when an application fails to start, for command
 * mode, which prints the analysis itself: every registered {@link FailureAnalyzer} (these of
 * the engine and Spring Boot's own) is asked in order, and a failure none of them knows is
 * described by its most specific cause.
 */
public final class FailureAnalyses {

	private FailureAnalyses() {
	}

	/**
	 * Returns the analysis of a failure.
	 * @param failure the failure
	 * @param context the application that met it, started or not
	 * @return the analysis, never {@code null}
	 */
	public static FailureAnalysis analyze(Throwable failure, ConfigurableApplicationContext context) {
		return analyze(failure, context.getBeanFactory(), context.getEnvironment());
	}

	/**
	 * Returns the analysis of a failure.
	 * @param failure the failure
	 * @param beanFactory the beans of the application that met it
	 * @param environment the properties of the application that met it
	 * @return the analysis, never {@code null}
	 */
	public static FailureAnalysis analyze(Throwable failure, BeanFactory beanFactory, Environment environment) {
		for (FailureAnalyzer analyzer : analyzers(beanFactory, environment)) {
			FailureAnalysis analysis = analyzeQuietly(analyzer, failure);
			if (analysis != null) {
				return analysis;
			}
		}
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getName();
		return new FailureAnalysis(SecretText.mask(message.strip()),
				"Correct what the description names; --debug shows the stack trace.", failure);
	}

	private static List<FailureAnalyzer> analyzers(BeanFactory beanFactory, Environment environment) {
		ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, beanFactory)
			.and(Environment.class, environment);
		return SpringFactoriesLoader.forDefaultResourceLocation(FailureAnalyses.class.getClassLoader())
			.load(FailureAnalyzer.class, arguments,
					SpringFactoriesLoader.FailureHandler.logging(LogFactory.getLog(FailureAnalyses.class)));
	}

	private static FailureAnalysis analyzeQuietly(FailureAnalyzer analyzer, Throwable failure) {
		try {
			return analyzer.analyze(failure);
		}
		catch (RuntimeException ex) {
			// an analyzer that cannot read this failure must not hide it
			return null;
		}
	}

}
