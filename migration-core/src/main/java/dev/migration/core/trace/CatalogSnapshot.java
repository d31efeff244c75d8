package dev.migration.core.trace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The user relations the traced session sees, with their storage file and statistics counters,
 * read in the traced session itself: only it sees the catalog rows of its open transaction, and
 * only it sees its own statistics counters not yet sent to the shared statistics.
 *
 * @param relations each user relation by oid
 * @param counters each user table's scan counters by oid
 */
record CatalogSnapshot(Map<Long, RelationState> relations, Map<Long, Counters> counters) {

	/** Schemas of the system and of other sessions' temporary tables stay out. */
	private static final String RELATIONS = "SELECT c.oid, n.nspname, c.relname, c.relkind, c.relfilenode, c.reltuples::bigint"
			+ " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
			+ " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"
			+ " AND n.nspname NOT LIKE 'pg\\_temp%' AND c.relkind IN ('r', 'p', 'i', 'I', 'S', 'v', 'm', 'f')";

	/**
	 * The shared counters plus the session's own pending ones: the sum stays right whether or
	 * not the session has sent its counters yet, which it does only between transactions, and
	 * holds the counts of parallel workers, which send theirs when they exit.
	 */
	private static final String COUNTERS = "SELECT s.relid, s.seq_scan + x.seq_scan,"
			+ " coalesce(s.seq_tup_read, 0) + coalesce(x.seq_tup_read, 0),"
			+ " coalesce(s.idx_scan, 0) + coalesce(x.idx_scan, 0)"
			+ " FROM pg_catalog.pg_stat_user_tables s JOIN pg_catalog.pg_stat_xact_user_tables x ON x.relid = s.relid";

	static CatalogSnapshot read(Connection session) throws SQLException {
		Map<Long, RelationState> relations = new HashMap<>();
		try (PreparedStatement statement = session.prepareStatement(RELATIONS);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				TracedRelation relation = new TracedRelation(rows.getLong(1), rows.getString(2), rows.getString(3),
						rows.getString(4).charAt(0));
				relations.put(relation.oid(), new RelationState(relation, rows.getLong(5), rows.getLong(6)));
			}
		}
		Map<Long, Counters> counters = new HashMap<>();
		// the shared counters are otherwise read once per transaction, missing what parallel workers sent since
		try (PreparedStatement statement = session.prepareStatement("SELECT pg_catalog.pg_stat_clear_snapshot()")) {
			statement.execute();
		}
		try (PreparedStatement statement = session.prepareStatement(COUNTERS);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				counters.put(rows.getLong(1), new Counters(rows.getLong(2), rows.getLong(3), rows.getLong(4)));
			}
		}
		return new CatalogSnapshot(Map.copyOf(relations), Map.copyOf(counters));
	}

	/**
	 * Returns the relations whose storage file differs in a later snapshot.
	 * @param after the later snapshot
	 * @return the rewrites
	 */
	List<Rewrite> rewritesUntil(CatalogSnapshot after) {
		List<Rewrite> rewrites = new ArrayList<>();
		this.relations.forEach((oid, before) -> {
			RelationState now = after.relations.get(oid);
			// partitioned tables, views and mapped catalogs have no file of their own (0)
			if (now != null && before.filenode() != 0 && now.filenode() != 0 && before.filenode() != now.filenode()) {
				rewrites.add(new Rewrite(now.relation(), before.filenode(), now.filenode()));
			}
		});
		return rewrites;
	}

	/**
	 * Returns the relations a later snapshot holds and this one does not; called the other way
	 * round, the relations dropped.
	 * @param after the later snapshot
	 * @return the relations, in oid order
	 */
	List<TracedRelation> createdUntil(CatalogSnapshot after) {
		return after.relations.values()
			.stream()
			.filter((state) -> !this.relations.containsKey(state.relation().oid()))
			.map(RelationState::relation)
			.sorted(Comparator.comparingLong(TracedRelation::oid))
			.toList();
	}

	/**
	 * Returns the tables whose scan counters rose by a later snapshot, with the differences.
	 * @param after the later snapshot
	 * @return the scans
	 */
	List<TableScan> scansUntil(CatalogSnapshot after) {
		List<TableScan> scans = new ArrayList<>();
		after.counters.forEach((oid, now) -> {
			Counters before = this.counters.getOrDefault(oid, Counters.NONE);
			RelationState table = after.relations.get(oid);
			if (table != null && !now.equals(before)) {
				scans.add(new TableScan(table.relation(), now.seqScans() - before.seqScans(),
						now.seqTuplesRead() - before.seqTuplesRead(), now.indexScans() - before.indexScans()));
			}
		});
		return scans;
	}

	/**
	 * Returns a relation by oid from this snapshot or, for one it does not hold, a later one.
	 * @param oid the relation
	 * @param after the later snapshot
	 * @return the relation, or {@code null} when neither sees it
	 */
	RelationState find(long oid, CatalogSnapshot after) {
		RelationState state = this.relations.get(oid);
		return (state != null) ? state : after.relations.get(oid);
	}

	/**
	 * A relation and its storage.
	 *
	 * @param relation the relation
	 * @param filenode its {@code relfilenode}
	 * @param estimatedRows its {@code reltuples}
	 */
	record RelationState(TracedRelation relation, long filenode, long estimatedRows) {
	}

	/**
	 * A table's scan counters.
	 *
	 * @param seqScans sequential scans
	 * @param seqTuplesRead rows read by sequential scans
	 * @param indexScans index scans
	 */
	record Counters(long seqScans, long seqTuplesRead, long indexScans) {

		static final Counters NONE = new Counters(0, 0, 0);

	}

}
