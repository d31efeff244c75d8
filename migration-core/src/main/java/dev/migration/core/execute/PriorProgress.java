package dev.migration.core.execute;

import java.util.Map;

/**
 * What earlier attempts of one step made permanent, as its progress rows say: for each
 * statement position, the statement that ran there and whether it is known to have finished.
 *
 * @param entries the recorded statements by position
 */
public record PriorProgress(Map<Integer, Entry> entries) {

	/** No earlier attempt left anything. */
	public static final PriorProgress NONE = new PriorProgress(Map.of());

	public PriorProgress {
		entries = Map.copyOf(entries);
	}

	/**
	 * Returns whether the statement was made permanent by an earlier attempt.
	 * @param mark the statement about to run
	 * @return whether the same statement at the same position finished and committed
	 */
	public boolean done(StatementMark mark) {
		Entry entry = this.entries.get(mark.ordinal());
		return entry != null && entry.done() && entry.hash().equals(mark.hash());
	}

	/**
	 * Returns whether an earlier attempt started this statement outside a transaction without
	 * recording that it finished, so its effect may or may not be there.
	 * @param mark the statement about to run
	 * @return whether it was started and not known to have finished
	 */
	public boolean startedOnly(StatementMark mark) {
		Entry entry = this.entries.get(mark.ordinal());
		return entry != null && !entry.done() && entry.hash().equals(mark.hash());
	}

	/**
	 * Returns whether nothing was recorded.
	 * @return whether there is no progress
	 */
	public boolean isEmpty() {
		return this.entries.isEmpty();
	}

	/**
	 * One recorded statement.
	 *
	 * @param hash the hash of the statement that ran
	 * @param done whether it finished
	 */
	public record Entry(String hash, boolean done) {

	}

}
