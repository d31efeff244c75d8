package dev.migration.core.trace;

/**
 * A relation whose storage a statement replaced: a table rewritten, an index rebuilt.
 *
 * @param relation the relation
 * @param filenodeBefore its {@code relfilenode} before the statement
 * @param filenodeAfter its {@code relfilenode} after it
 */
public record Rewrite(TracedRelation relation, long filenodeBefore, long filenodeAfter) {

	@Override
	public String toString() {
		return ((this.relation.kind() == 'i') ? "rebuilt " : "rewrote ") + this.relation;
	}

}
