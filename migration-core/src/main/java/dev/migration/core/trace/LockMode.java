package dev.migration.core.trace;

import java.util.Locale;

/** A PostgreSQL table-level lock mode, weakest first as PostgreSQL numbers them. */
public enum LockMode {

	ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
	ACCESS_EXCLUSIVE;

	/**
	 * Returns the mode {@code pg_locks.mode} names, such as {@code AccessExclusiveLock}.
	 * @param name the name in {@code pg_locks}
	 * @return the mode
	 */
	public static LockMode ofPgLocks(String name) {
		String bare = name.endsWith("Lock") ? name.substring(0, name.length() - 4) : name;
		return valueOf(bare.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
	}

	/**
	 * Returns whether the mode conflicts with the ACCESS SHARE lock a plain {@code SELECT} takes.
	 * @return whether readers wait
	 */
	public boolean blocksReads() {
		return this == ACCESS_EXCLUSIVE;
	}

	/**
	 * Returns whether the mode conflicts with the ROW EXCLUSIVE lock {@code INSERT},
	 * {@code UPDATE} and {@code DELETE} take.
	 * @return whether writers wait
	 */
	public boolean blocksWrites() {
		return compareTo(SHARE) >= 0;
	}

	/**
	 * Returns the stronger of two modes in PostgreSQL's numbering.
	 * @param other another mode, or {@code null}
	 * @return the stronger one
	 */
	public LockMode max(LockMode other) {
		return (other == null || compareTo(other) >= 0) ? this : other;
	}

	/**
	 * Returns the name as PostgreSQL's documentation writes it, such as {@code ACCESS EXCLUSIVE}.
	 * @return the name
	 */
	public String sqlName() {
		return name().replace('_', ' ');
	}

}
