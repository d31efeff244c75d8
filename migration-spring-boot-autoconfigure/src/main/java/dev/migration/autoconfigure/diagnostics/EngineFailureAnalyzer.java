package dev.migration.autoconfigure.diagnostics;

import org.springframework.core.Ordered;

import dev.migration.core.MigrationException;

/**
 * Analyzes every failure of the engine that no more specific analyzer takes (a Flyway or
 * Liquibase history that cannot be taken over, an unmanaged database, a history partway through
 * a squash, applied revisions the code does not declare, a held lock, an invalid migration class
 * or SQL file, a Flyway conflict ...), from the engine's message, whose sentences of advice
 * become the action. It comes last, so the analyzers of particular failures are asked first.
 */
public class EngineFailureAnalyzer extends MigrationFailureAnalyzer<MigrationException> implements Ordered {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
