package dev.migration.core.online;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;

/** Revisions written inline, r1, r2, … each revising the one before, and a migrator that runs them. */
final class Revisions {

	private Revisions() {
	}

	/** A migrator over revisions whose downgrades are derived. */
	@SafeVarargs
	static Migrator of(DataSource dataSource, Consumer<Operations>... upgrades) {
		List<Migration> migrations = new ArrayList<>();
		for (Consumer<Operations> upgrade : upgrades) {
			migrations.add(upgrade::accept);
		}
		return of(dataSource, migrations);
	}

	/** A migrator over the given migrations, in order. */
	static Migrator of(DataSource dataSource, List<Migration> migrations) {
		return of(dataSource, migrations, RunSettings.defaults());
	}

	/** A migrator over the given migrations, in order, that does not retry lock timeouts. */
	static Migrator of(DataSource dataSource, List<Migration> migrations, RunSettings settings) {
		List<DeclaredRevision> declared = new ArrayList<>();
		for (int i = 0; i < migrations.size(); i++) {
			RevisionNode node = (i == 0) ? RevisionNode.of("r1", "step 1")
					: RevisionNode.of("r" + (i + 1), "step " + (i + 1), "r" + i);
			declared.add(new DeclaredRevision(node, migrations.get(i), true));
		}
		// the tests make their tables before the first revision, as an application's tables predate migrations
		return new Migrator(dataSource, MigrationCatalog.ofDeclared(declared), new PostgresDialect(),
				settings.withLockRetries(0, Duration.ZERO)).withBaselineOnMigrate("base");
	}

	/** A migration with a hand-written downgrade. */
	static Migration upAndDown(Consumer<Operations> upgrade, Consumer<Operations> downgrade) {
		return new Migration() {

			@Override
			public void upgrade(Operations op) {
				upgrade.accept(op);
			}

			@Override
			public void downgrade(Operations op) {
				downgrade.accept(op);
			}

		};
	}

}
