package dev.migration.sample.revisions;

/**
 * Builds a batched backfill as one DO block that commits after every batch of ids, so no
 * batch holds its row locks for long and a crash keeps the batches already done. It must run
 * outside a transaction: revisions that use it declare {@code transactional = false}.
 */
final class Backfill {

	private static final int BATCH = 1_000;

	private Backfill() {
	}

	/**
	 * Returns the DO block.
	 * @param table the table, with a bigint id primary key
	 * @param assignment the SET clause, such as {@code country = 'ZZ'}
	 * @param pending the condition of rows still to fill, such as {@code country IS NULL}
	 * @return the SQL
	 */
	static String batched(String table, String assignment, String pending) {
		return """
				DO $backfill$
				DECLARE
				    last_id bigint := 0;
				    max_id bigint;
				BEGIN
				    SELECT coalesce(max(id), 0) INTO max_id FROM %1$s;
				    WHILE last_id < max_id LOOP
				        UPDATE %1$s SET %2$s WHERE id > last_id AND id <= last_id + %4$d AND (%3$s);
				        last_id := last_id + %4$d;
				        COMMIT;
				        PERFORM pg_sleep(0.01);
				    END LOOP;
				END
				$backfill$""".formatted(table, assignment, pending, BATCH);
	}

}
