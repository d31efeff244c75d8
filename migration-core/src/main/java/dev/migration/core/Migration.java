package dev.migration.core;

import dev.migration.core.op.Reversal;

/**
 * One revision's change to the schema: {@link #upgrade} moves forward, {@link #downgrade}
 * moves back. Annotate implementations with {@link Revision}; as Spring beans they are found
 * automatically.
 *
 * <p>Migrations must not inject {@code JdbcTemplate}, {@code JdbcClient} or JPA beans, since
 * those wait for migrations; read the database through {@link Operations} instead.
 */
public interface Migration {

	/**
	 * Applies this revision.
	 * @param op the operations to describe the change with
	 */
	void upgrade(Operations op);

	/**
	 * Reverts this revision. The default replays the reverse of every operation of
	 * {@link #upgrade} in reverse order, and fails naming the first operation that has no
	 * reverse; override it when the upgrade drops data or reads the database.
	 * @param op the operations to describe the change with
	 */
	default void downgrade(Operations op) {
		Reversal.of(this).forEach(op::apply);
	}

}
