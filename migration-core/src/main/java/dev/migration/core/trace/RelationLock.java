package dev.migration.core.trace;

/**
 * A lock a traced statement held on a user relation.
 *
 * @param relation the relation
 * @param mode the lock mode
 * @param granted whether it was held, rather than waited for
 */
public record RelationLock(TracedRelation relation, LockMode mode, boolean granted) {

	@Override
	public String toString() {
		return this.mode.sqlName() + " on " + this.relation + (this.granted ? "" : " (waiting)");
	}

}
