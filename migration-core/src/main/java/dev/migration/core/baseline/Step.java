package dev.migration.core.baseline;

import java.util.Objects;

/**
 * One statement of a baseline's upgrade and, where the downgrade has to undo it on its own,
 * the statement that does: what a dropped table takes with it (its rows, constraints,
 * indexes, triggers and comments) needs none.
 *
 * @param sql the upgrade statement
 * @param undo the downgrade statement, or {@code null}
 */
record Step(String sql, String undo) {

	Step {
		Objects.requireNonNull(sql, "sql");
	}

	static Step of(String sql) {
		return new Step(sql, null);
	}

}
