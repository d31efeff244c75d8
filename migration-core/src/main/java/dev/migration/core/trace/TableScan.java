package dev.migration.core.trace;

/**
 * How a statement read a table, from the table's statistics counters before and after it.
 *
 * @param table the table
 * @param seqScans sequential scans started
 * @param seqTuplesRead rows the sequential scans read
 * @param indexScans index scans started
 */
public record TableScan(TracedRelation table, long seqScans, long seqTuplesRead, long indexScans) {

	/**
	 * Returns whether the statement read the whole table at least once.
	 * @return whether a sequential scan ran
	 */
	public boolean isFullScan() {
		return this.seqScans > 0;
	}

	@Override
	public String toString() {
		return this.table + ": " + this.seqScans + " seq scan(s) reading " + this.seqTuplesRead + " row(s), "
				+ this.indexScans + " index scan(s)";
	}

}
