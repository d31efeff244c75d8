package dev.migration.core.integration;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.migration.core.Migration;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.execute.Direction;
import dev.migration.core.execute.ExecutionSettings;
import dev.migration.core.execute.StepExecutor;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.sink.JdbcStatementSink;

/** Runs migrations as steps on a real database, each on a connection of its own. */
final class Steps {

	private Steps() {
	}

	/** Runs {@code migration}'s upgrade as a transactional revision with the default settings. */
	static void upgrade(DataSource dataSource, Migration migration) {
		run(dataSource, revision(migration), Direction.UPGRADE, ExecutionSettings.defaults());
	}

	static void downgrade(DataSource dataSource, Migration migration) {
		run(dataSource, revision(migration), Direction.DOWNGRADE, ExecutionSettings.defaults());
	}

	/** Wraps a migration written as a lambda, which has no {@code @Revision}, in a revision. */
	static DeclaredRevision revision(Migration migration) {
		return new DeclaredRevision(RevisionNode.of("test", "integration test"), migration, true);
	}

	static void run(DataSource dataSource, DeclaredRevision revision, Direction direction,
			ExecutionSettings settings) {
		try (Connection connection = dataSource.getConnection()) {
			new StepExecutor(new PostgresDialect(), new JdbcStatementSink(connection), settings).run(revision,
					direction);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
