package dev.migration.core.trace;

import java.time.Duration;

/**
 * A lock that keeps other sessions' reads or writes of a relation waiting, from the statement
 * that first took it to the end of its transaction.
 *
 * @param relation the relation
 * @param mode the mode that began the wait: the first one blocking writes, or the first one
 * blocking reads, of the transaction
 * @param held from the start of the statement (or, for a statement outside a transaction, the
 * first sample that saw the lock) to the commit or rollback
 * @param existedBefore whether the relation existed before the transaction began; a relation
 * made in it is invisible to other sessions, so its locks keep no one waiting
 */
public record LockHold(TracedRelation relation, LockMode mode, Duration held, boolean existedBefore) {

	@Override
	public String toString() {
		return this.mode.sqlName() + " on " + this.relation + " for " + this.held.toMillis() + " ms"
				+ (this.existedBefore ? "" : " (new relation)");
	}

}
