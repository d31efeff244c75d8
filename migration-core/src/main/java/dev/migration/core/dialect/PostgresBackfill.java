package dev.migration.core.dialect;

import java.time.Duration;
import java.util.List;

import dev.migration.core.op.Backfill;
import dev.migration.core.op.ForgetBackfill;

/**
 * Renders a {@link Backfill} as one DO block that walks the key in batches and commits after
 * each, with its progress in {@code migration_backfill_progress} updated in the same
 * transaction as the batch: a run that is killed resumes after the last batch it committed,
 * never redoing or skipping one. The block runs the same online and in the offline script.
 */
final class PostgresBackfill {

	/** The table that keeps every backfill's progress, in the first schema of the search path. */
	static final String PROGRESS_TABLE = "migration_backfill_progress";

	private PostgresBackfill() {
	}

	static List<SqlStatement> render(Backfill backfill) {
		String table = PostgresIdentifiers.quote(backfill.table());
		String key = PostgresIdentifiers.quote(backfill.key());
		String sql = """
				DO $backfill$
				#variable_conflict use_column
				DECLARE
				    bf_name text := %1$s;
				    bf_last %2$s.%3$s%%TYPE;
				    bf_end %2$s.%3$s%%TYPE;
				    bf_done boolean;
				    bf_batch integer := %4$d;
				    bf_target double precision := %5$s;
				    bf_started timestamptz;
				    bf_batch_last %2$s.%3$s%%TYPE;
				    bf_changed bigint;
				    bf_took double precision;
				BEGIN
				    -- keys are kept as text: ISO dates read back the same whatever the session's DateStyle
				    PERFORM set_config('DateStyle', 'ISO', true);
				    CREATE TABLE IF NOT EXISTS %8$s (
				        name text PRIMARY KEY,
				        last_key text,
				        end_key text,
				        rows_done bigint NOT NULL DEFAULT 0,
				        done boolean NOT NULL DEFAULT false,
				        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
				    );
				    INSERT INTO %8$s (name) VALUES (bf_name) ON CONFLICT (name) DO NOTHING;
				    SELECT p.last_key, p.end_key, p.done INTO bf_last, bf_end, bf_done FROM %8$s p WHERE p.name = bf_name;
				    IF bf_done THEN
				        RETURN;
				    END IF;
				    IF bf_end IS NULL THEN
				        -- ORDER BY, not max(): it works for every key a btree orders (uuid has no max), from the index alone
				        SELECT %3$s INTO bf_end FROM %2$s WHERE %3$s IS NOT NULL ORDER BY %3$s DESC LIMIT 1;
				        UPDATE %8$s SET end_key = bf_end::text WHERE name = bf_name;
				    END IF;
				    COMMIT;
				    LOOP
				        -- a crash may lose the last batches with their progress, never one without the other
				        PERFORM set_config('synchronous_commit', 'off', true);
				        -- plans made for each batch's own keys: a generic plan may scan the whole table every batch
				        PERFORM set_config('plan_cache_mode', 'force_custom_plan', true);
				        PERFORM set_config('DateStyle', 'ISO', true);
				        bf_started := clock_timestamp();
				        -- the batch's last key from the index alone, then one range update: no join, no key list
				        SELECT bf_key INTO bf_batch_last FROM (
				            SELECT %3$s AS bf_key FROM %2$s
				            WHERE (bf_last IS NULL OR %3$s > bf_last) AND %3$s <= bf_end
				            ORDER BY %3$s LIMIT bf_batch
				        ) chunk ORDER BY bf_key DESC LIMIT 1;
				        EXIT WHEN bf_batch_last IS NULL;
				        UPDATE %2$s SET %6$s
				            WHERE (bf_last IS NULL OR %3$s > bf_last) AND %3$s <= bf_batch_last AND (%7$s);
				        GET DIAGNOSTICS bf_changed = ROW_COUNT;
				        bf_last := bf_batch_last;
				        UPDATE %8$s SET last_key = bf_last::text, rows_done = rows_done + bf_changed,
				            updated_at = clock_timestamp() WHERE name = bf_name;
				        COMMIT;
				        bf_took := greatest(extract(epoch FROM clock_timestamp() - bf_started), 0.001);
				        IF bf_target > 0 THEN
				            bf_batch := least(greatest(1, (bf_batch * bf_target / bf_took)::integer), bf_batch * 2, 100000);
				        END IF;
				        PERFORM pg_sleep(%9$s);
				    END LOOP;
				    UPDATE %8$s SET done = true, updated_at = clock_timestamp() WHERE name = bf_name;
				    COMMIT;
				END
				$backfill$""".formatted(PostgresLiterals.string(backfill.progressName()), table, key,
				backfill.batchSize(), seconds(backfill.targetBatchDuration()), backfill.assignment(), backfill.pending(),
				PROGRESS_TABLE, seconds(backfill.pause()));
		// commit points: the block commits per batch, so it must not run inside the step's transaction
		return List.of(SqlStatement.COMMIT_POINT, SqlStatement.nonTransactional(sql), SqlStatement.COMMIT_POINT);
	}

	static List<SqlStatement> forget(ForgetBackfill forget) {
		String sql = "DO $forget$ BEGIN IF to_regclass('" + PROGRESS_TABLE + "') IS NOT NULL THEN DELETE FROM "
				+ PROGRESS_TABLE + " WHERE name = " + PostgresLiterals.string(forget.progressName())
				+ "; END IF; END $forget$";
		return List.of(SqlStatement.of(sql));
	}

	private static String seconds(Duration duration) {
		return String.valueOf(duration.toMillis() / 1000.0);
	}

}
