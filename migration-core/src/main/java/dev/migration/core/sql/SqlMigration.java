package dev.migration.core.sql;

import java.util.List;

import dev.migration.core.Migration;
import dev.migration.core.MigrationException;
import dev.migration.core.Operations;
import dev.migration.core.op.CommitPoint;

/**
 * A revision made of a versioned SQL file, and of its undo file when there is one: each
 * statement runs as written, through the same executor, lock timeouts and history as a Java
 * revision's.
 *
 * @param upgrade the versioned file
 * @param undo the undo file, or {@code null}
 */
public record SqlMigration(SqlScript upgrade, SqlScript undo) implements Migration {

	@Override
	public void upgrade(Operations op) {
		run(this.upgrade, op);
	}

	@Override
	public void downgrade(Operations op) {
		SqlFileName name = SqlFileName.parse(this.upgrade.fileName());
		if (name.kind() == SqlFileName.Kind.REPEATABLE) {
			throw new MigrationException("Revision " + name.revisionId() + " (" + this.upgrade.location()
					+ ") is a repeatable script: it is never reverted. Change the file instead, and the next upgrade "
					+ "applies it again.");
		}
		if (this.undo == null) {
			throw new MigrationException("Revision " + name.revisionId() + " (" + this.upgrade.location()
					+ ") has no undo file, so it cannot be downgraded: add U" + name.version() + "__"
					+ name.description().replace(' ', '_') + ".sql beside it with the statements that revert it.");
		}
		run(this.undo, op);
	}

	private static void run(SqlScript script, Operations op) {
		List<List<String>> transactions = script.transactions();
		for (int i = 0; i < transactions.size(); i++) {
			if (i > 0) {
				op.apply(new CommitPoint());
			}
			transactions.get(i).forEach(op::execute);
		}
	}

}
