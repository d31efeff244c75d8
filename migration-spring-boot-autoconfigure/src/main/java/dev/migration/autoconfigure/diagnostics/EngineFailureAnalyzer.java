package dev.migration.autoconfigure.diagnostics;

import dev.migration.core.MigrationException;

/**
 * Analyzes every failure of the engine that no more specific analyzer takes (a Flyway or
 * Liquibase history that cannot be taken over, an unmanaged database, a history partway through
 * a squash, applied revisions the code does not declare, a held lock, an invalid migration class
 * or SQL file, a Flyway conflict ...), from the engine's message, whose sentences of advice
 * become the action. It comes after the analyzers of particular failures, so they are asked first.
 */
public class EngineFailureAnalyzer extends MigrationFailureAnalyzer<MigrationException> {

	@Override
	public int getOrder() {
		return super.getOrder() + 1;
	}

}
