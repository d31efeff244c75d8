package dev.migration.core.dialect;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migration.core.op.Backfill;
import dev.migration.core.op.ForgetBackfill;
import dev.migration.core.op.ForgetBackfillProgress;
import dev.migration.core.schema.QualifiedName;

/**
 * Renders a {@link Backfill} as one DO block that walks the key in batches and commits after
 * each, with its progress in {@code migration_backfill_progress} updated in the same
 * transaction as the batch: a run that is killed resumes after the last batch it committed,
 * never redoing or skipping one. The progress row records the table's oid and the attnums of
 * the key and of the filled columns, so progress left by a table or column since created anew
 * is never taken for this one's. The block runs the same online and in the offline script.
 */
final class PostgresBackfill {

	/** The table that keeps every backfill's progress, in the first schema of the search path. */
	static final String PROGRESS_TABLE = "migration_backfill_progress";

	/**
	 * Makes the server check every second, while a statement runs, that its client is still
	 * there (PostgreSQL 14 and later): without it the block of a killed client runs on unseen to
	 * its end. The check is armed when a statement starts, so it is set for the session before
	 * the block; later statements of the session only notice a lost client sooner too.
	 */
	private static final SqlStatement CONNECTION_CHECK = new SqlStatement(List.of("DO $check$ BEGIN "
			+ "IF current_setting('server_version_num')::int >= 140000 THEN "
			+ "PERFORM set_config('client_connection_check_interval', '1s', false); END IF; END $check$"), List.of(),
			false, true, null, SqlStatement.Kind.SETTING);

	/** A name in braces, replaced once by {@link #fill}: never inside text already filled in. */
	private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

	/** Creates the progress table, or brings one made by an earlier version up to date. */
	private static final String PROGRESS_TABLE_SQL = """
			    BEGIN
			        CREATE TABLE IF NOT EXISTS migration_backfill_progress (
			            name text PRIMARY KEY,
			            last_key text,
			            end_key text,
			            rows_done bigint NOT NULL DEFAULT 0,
			            done boolean NOT NULL DEFAULT false,
			            updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
			            table_oid oid,
			            key_attnum smallint,
			            attnums smallint[],
			            columns text[],
			            paused text
			        );
			    EXCEPTION WHEN unique_violation OR duplicate_table OR duplicate_object THEN
			        -- another backfill created it at the same moment, which IF NOT EXISTS does not see (its row
			        -- type can clash first: duplicate_object)
			        NULL;
			    END;
			    -- asked first: ALTER TABLE would queue behind every reader of the table even with nothing to add
			    IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'migration_backfill_progress'::regclass
			            AND attname = 'columns' AND NOT attisdropped) THEN
			        ALTER TABLE migration_backfill_progress ADD COLUMN IF NOT EXISTS table_oid oid,
			            ADD COLUMN IF NOT EXISTS key_attnum smallint, ADD COLUMN IF NOT EXISTS attnums smallint[],
			            ADD COLUMN IF NOT EXISTS columns text[];
			    END IF;
			    IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'migration_backfill_progress'::regclass
			            AND attname = 'paused' AND NOT attisdropped) THEN
			        ALTER TABLE migration_backfill_progress ADD COLUMN IF NOT EXISTS paused text;
			    END IF;
			""";

	private static final String BACKFILL_SQL = """
			DO $backfill$
			#variable_conflict use_column
			DECLARE
			    bf_name text := {name};
			    bf_table oid := {tableName}::regclass;
			    bf_columns text[] := ARRAY[{columns}]::text[];
			    bf_key_attnum smallint;
			    bf_attnums smallint[];
			    bf_known_table oid;
			    bf_known_key smallint;
			    bf_known_attnums smallint[];
			    bf_last {table}.{key}%TYPE;
			    bf_end {table}.{key}%TYPE;
			    bf_done boolean;
			    bf_batch integer := {batchSize};
			    bf_target double precision := {targetSeconds};
			    bf_started timestamptz;
			    bf_batch_last {table}.{key}%TYPE;
			    bf_changed bigint;
			    bf_took double precision;
			    bf_restart boolean := false;
			    bf_left bigint;
			    bf_first_left text;
			    bf_pass integer := 1;
			    -- the run's guards, as its session carries them; an empty or missing setting is no guard
			    bf_max_lag double precision := nullif(current_setting('migration.backfill_max_replica_lag_ms', true), '')::double precision / 1000;
			    bf_max_wal double precision := nullif(current_setting('migration.backfill_max_wal_bytes_per_second', true), '')::double precision;
			    bf_yield boolean := coalesce(nullif(current_setting('migration.backfill_yield_to_autovacuum', true), '')::boolean, false);
			    bf_wal_start pg_lsn;
			    bf_batch_wal double precision := 0;
			    bf_flushed jsonb := '{}';
			    bf_lag double precision;
			    bf_need double precision;
			    bf_reason text;
			    bf_paused text;
			    bf_quiet double precision;
			BEGIN
			    -- a guard the role cannot see through would never hold a batch back: refuse it instead
			    IF bf_max_lag IS NOT NULL AND NOT pg_has_role('pg_read_all_stats', 'MEMBER') THEN
			        RAISE EXCEPTION 'Backfill % cannot see the replay lag of standbys: role % may not read pg_stat_replication''s lag', {label}, current_user
			            USING HINT = 'GRANT pg_monitor TO the migration user, or unset migrations.backfill.max-replica-lag.';
			    END IF;
			    IF bf_yield AND NOT pg_has_role('pg_read_all_stats', 'MEMBER') THEN
			        RAISE EXCEPTION 'Backfill % cannot see autovacuum workers: role % may not read other sessions in pg_stat_activity', {label}, current_user
			            USING HINT = 'GRANT pg_monitor TO the migration user, or set migrations.backfill.yield-to-autovacuum=false.';
			    END IF;
			    -- keys are kept as text: ISO dates read back the same whatever the session's DateStyle
			    PERFORM set_config('DateStyle', 'ISO', true);
			{progressTable}
			    SELECT a.attnum INTO bf_key_attnum FROM pg_attribute a
			        WHERE a.attrelid = bf_table AND a.attname = {keyName} AND NOT a.attisdropped;
			    SELECT array_agg(a.attnum ORDER BY c.ord) INTO bf_attnums
			        FROM unnest(bf_columns) WITH ORDINALITY c(name, ord)
			        JOIN pg_attribute a ON a.attrelid = bf_table AND a.attname = c.name AND NOT a.attisdropped;
			    INSERT INTO migration_backfill_progress (name, table_oid, key_attnum, attnums, columns)
			        VALUES (bf_name, bf_table, bf_key_attnum, bf_attnums, bf_columns) ON CONFLICT (name) DO NOTHING;
			    SELECT p.last_key, p.end_key, p.done, p.table_oid, p.key_attnum, p.attnums
			        INTO bf_last, bf_end, bf_done, bf_known_table, bf_known_key, bf_known_attnums
			        FROM migration_backfill_progress p WHERE p.name = bf_name;
			    IF bf_known_table IS NULL THEN
			        -- kept by an earlier version, which recorded no identity: it stands for the columns as they are
			        UPDATE migration_backfill_progress SET table_oid = bf_table, key_attnum = bf_key_attnum,
			            attnums = bf_attnums, columns = bf_columns WHERE name = bf_name;
			    ELSIF (bf_known_table, bf_known_key, bf_known_attnums)
			            IS DISTINCT FROM (bf_table, bf_key_attnum, bf_attnums) THEN
			        -- the table or a column was created anew since: that progress counted rows that are gone
			        RAISE NOTICE 'Backfill %: its table or a filled column was created anew, so it starts over', bf_name;
			        bf_restart := true;
			    END IF;
			    IF bf_done AND NOT bf_restart THEN
			        -- proven again: a hand-written downgrade may have reset the values and kept the column
			        SELECT {rowCount} INTO bf_left FROM {target}{fromItems} WHERE {keyRef} <= bf_end AND ({pending});
			        IF bf_left = 0 THEN
			            RETURN;
			        END IF;
			        RAISE NOTICE 'Backfill %: % row(s) match its condition again, so it starts over', bf_name, bf_left;
			        bf_restart := true;
			    END IF;
			    IF bf_restart THEN
			        UPDATE migration_backfill_progress SET last_key = NULL, end_key = NULL, rows_done = 0, done = false,
			            table_oid = bf_table, key_attnum = bf_key_attnum, attnums = bf_attnums, columns = bf_columns,
			            updated_at = clock_timestamp() WHERE name = bf_name;
			        bf_last := NULL;
			        bf_end := NULL;
			    END IF;
			    IF bf_end IS NULL THEN
			        -- ORDER BY, not max(): it works for every key a btree orders (uuid has no max), from the index alone
			        SELECT {key} INTO bf_end FROM {table} WHERE {key} IS NOT NULL ORDER BY {key} DESC LIMIT 1;
			        UPDATE migration_backfill_progress SET end_key = bf_end::text WHERE name = bf_name;
			    END IF;
			    COMMIT;
			    <<passes>>
			    LOOP
			        LOOP
			            -- a crash may lose the last batches with their progress, never one without the other
			            PERFORM set_config('synchronous_commit', 'off', true);
			            -- plans made for each batch's own keys: a generic plan may scan the whole table every batch
			            PERFORM set_config('plan_cache_mode', 'force_custom_plan', true);
			            PERFORM set_config('DateStyle', 'ISO', true);
			            -- the progress row is this backfill's lock: a second run of it (an instance that lost the run's
			            -- lock, the backend of a killed client) waits for the batch in hand, then continues after it
			            LOOP
			                SELECT p.last_key, p.end_key INTO bf_last, bf_end FROM migration_backfill_progress p
			                    WHERE p.name = bf_name FOR UPDATE SKIP LOCKED;
			                EXIT WHEN FOUND;
			                IF NOT EXISTS (SELECT FROM migration_backfill_progress p WHERE p.name = bf_name) THEN
			                    RAISE EXCEPTION 'The progress of backfill % was removed while it ran', bf_name
			                        USING HINT = 'Run the revision again.';
			                END IF;
			                PERFORM pg_sleep(0.05);
			            END LOOP;
			            bf_started := clock_timestamp();
			            bf_wal_start := CASE WHEN bf_max_wal IS NOT NULL OR bf_max_lag IS NOT NULL
			                THEN pg_current_wal_insert_lsn() END;
			            -- the batch's last key from the index alone, then one range update: no join, no key list
			            SELECT bf_key INTO bf_batch_last FROM (
			                SELECT {key} AS bf_key FROM {table}
			                WHERE (bf_last IS NULL OR {key} > bf_last) AND {key} <= bf_end
			                ORDER BY {key} LIMIT bf_batch
			            ) chunk ORDER BY bf_key DESC LIMIT 1;
			            EXIT WHEN bf_batch_last IS NULL;
			            UPDATE {target} SET {assignment}{fromClause}
			                WHERE (bf_last IS NULL OR {keyRef} > bf_last) AND {keyRef} <= bf_batch_last AND ({pending});
			            GET DIAGNOSTICS bf_changed = ROW_COUNT;
			            bf_last := bf_batch_last;
			            UPDATE migration_backfill_progress SET last_key = bf_last::text, rows_done = rows_done + bf_changed,
			                updated_at = clock_timestamp() WHERE name = bf_name;
			            COMMIT;
			            bf_took := greatest(extract(epoch FROM clock_timestamp() - bf_started), 0.001);
			            bf_batch_wal := CASE WHEN bf_wal_start IS NOT NULL
			                THEN pg_wal_lsn_diff(pg_current_wal_insert_lsn(), bf_wal_start) ELSE 0 END;
			            IF bf_target > 0 THEN
			                bf_batch := least(greatest(1, (bf_batch * bf_target / bf_took)::integer), bf_batch * 2, 100000);
			            END IF;
			            PERFORM pg_sleep({pauseSeconds});
			            -- the WAL rate: the batch's WAL over its time and a rest after it stays within the bound; counted
			            -- where it is inserted, as an asynchronous commit leaves the batch's last records unwritten for a while
			            IF bf_max_wal IS NOT NULL THEN
			                bf_quiet := pg_wal_lsn_diff(pg_current_wal_insert_lsn(), bf_wal_start) / bf_max_wal
			                    - extract(epoch FROM clock_timestamp() - bf_started);
			                IF bf_quiet > 0 THEN
			                    PERFORM pg_sleep(bf_quiet);
			                END IF;
			            END IF;
			            -- the rest of the database: no next batch while a standby replays behind or autovacuum works here
			            LOOP
			                bf_reason := NULL;
			                IF bf_max_lag IS NOT NULL THEN
			                    -- a standby that replayed all there is has no lag, whatever replay_lag still shows for a while
			                    SELECT max(CASE WHEN r.replay_lsn >= pg_current_wal_lsn() THEN 0
			                            ELSE coalesce(extract(epoch FROM r.replay_lag), 0) END)
			                        INTO bf_lag FROM pg_stat_replication r;
			                    IF bf_lag > bf_max_lag THEN
			                        bf_reason := format('a standby replays %s s behind, over the bound of %s s',
			                            round(bf_lag::numeric, 1), bf_max_lag);
			                    END IF;
			                    -- the replay lag is the age of the WAL a standby replays now: on a slow link it passes the
			                    -- bound only once the WAL of the bound's first seconds is still on its way, and all written
			                    -- since follows at the link's pace (that alone let a 2 s bound reach 24 s). So also wait while
			                    -- a standby would need longer than the bound to receive what it lacks and one batch more, at
			                    -- the rate it received in its current window (one to two bounds long) or else its last one,
			                    -- and to replay it as far behind its receipt as it replays now. Kept per walsender in
			                    -- bf_flushed: [window start, flush position then, last window's rate]. With no rate yet
			                    -- (the first batch) it waits for the standby to receive something
			                    WITH s AS (
			                        SELECT r.pid::text AS pid, extract(epoch FROM clock_timestamp()) AS read_at,
			                            pg_wal_lsn_diff(r.flush_lsn, '0/0') AS flushed,
			                            pg_wal_lsn_diff(pg_current_wal_insert_lsn(), r.flush_lsn) AS lacking,
			                            greatest(coalesce(extract(epoch FROM r.replay_lag - r.flush_lag), 0), 0) AS trailing,
			                            bf_flushed -> r.pid::text AS since
			                        FROM pg_stat_replication r WHERE r.flush_lsn IS NOT NULL),
			                    rated AS (
			                        SELECT s.*, CASE WHEN s.flushed > (s.since ->> 1)::numeric
			                                THEN (s.flushed - (s.since ->> 1)::numeric) / (s.read_at - (s.since ->> 0)::numeric)
			                                ELSE nullif((s.since ->> 2)::numeric, 0) END AS rate
			                        FROM s)
			                    SELECT max(CASE WHEN rated.lacking <= 0 THEN 0
			                            WHEN rated.rate IS NULL THEN 'Infinity'::double precision
			                            ELSE (rated.lacking + bf_batch_wal) / rated.rate + rated.trailing END),
			                        coalesce(jsonb_object_agg(rated.pid, CASE
			                            WHEN rated.since IS NULL THEN jsonb_build_array(rated.read_at, rated.flushed, 0)
			                            WHEN rated.read_at - (rated.since ->> 0)::numeric >= bf_max_lag
			                                THEN jsonb_build_array(rated.read_at, rated.flushed, coalesce(rated.rate, 0))
			                            ELSE rated.since END), '{}')
			                        INTO bf_need, bf_flushed FROM rated;
			                    IF bf_reason IS NULL AND bf_need = 'Infinity' THEN
			                        bf_reason := 'a standby lacks WAL and has not received any since the backfill began to watch';
			                    -- aimed at three quarters of the bound: a link's pace varies, and the bound is a ceiling
			                    ELSIF bf_reason IS NULL AND bf_need > 0.75 * bf_max_lag THEN
			                        bf_reason := format('a standby needs %s s to receive and replay the WAL it lacks and '
			                            'one batch more, over three quarters of the bound of %s s', round(bf_need::numeric, 1),
			                            bf_max_lag);
			                    END IF;
			                END IF;
			                IF bf_reason IS NULL AND bf_yield AND EXISTS (SELECT FROM pg_stat_progress_vacuum v
			                        JOIN pg_stat_activity a ON a.pid = v.pid
			                        WHERE v.relid = bf_table AND a.backend_type = 'autovacuum worker') THEN
			                    bf_reason := 'autovacuum is working on the table';
			                END IF;
			                EXIT WHEN bf_reason IS NULL;
			                IF bf_reason IS DISTINCT FROM bf_paused THEN
			                    RAISE NOTICE 'Backfill % waits: %', bf_name, bf_reason;
			                    UPDATE migration_backfill_progress SET paused = bf_reason WHERE name = bf_name;
			                    bf_paused := bf_reason;
			                END IF;
			                -- committed before the wait, so the endpoint shows the reason and the wait holds no lock of the batch
			                COMMIT;
			                PERFORM pg_sleep(0.2);
			            END LOOP;
			            IF bf_paused IS NOT NULL THEN
			                RAISE NOTICE 'Backfill % goes on', bf_name;
			                UPDATE migration_backfill_progress SET paused = NULL WHERE name = bf_name;
			                COMMIT;
			                bf_paused := NULL;
			            END IF;
			        END LOOP;
			        -- success must not hide unfilled rows: rows a writer reset behind the walk get one more pass
			        SELECT {rowCount} INTO bf_left FROM {target}{fromItems} WHERE {keyRef} <= bf_end AND ({pending});
			        EXIT passes WHEN bf_left = 0;
			        IF bf_pass = 2 THEN
			            SELECT {keyRef}::text AS bf_first INTO bf_first_left FROM {target}{fromItems}
			                WHERE {keyRef} <= bf_end AND ({pending}) ORDER BY {keyRef} LIMIT 1;
			            RAISE EXCEPTION 'Backfill of % left % row(s) unfilled (the first at key %): they still match its '
			                'condition after a second pass', {label}, bf_left, bf_first_left
			                USING HINT = 'Make the assignment fill every row its condition matches (or narrow the condition), '
			                    'or stop what resets those rows; then run the revision again.';
			        END IF;
			        RAISE NOTICE 'Backfill %: % row(s) still match its condition, so it walks them again', bf_name, bf_left;
			        bf_pass := 2;
			        bf_last := NULL;
			        UPDATE migration_backfill_progress SET last_key = NULL, updated_at = clock_timestamp()
			            WHERE name = bf_name;
			        COMMIT;
			    END LOOP;
			    UPDATE migration_backfill_progress SET done = true, updated_at = clock_timestamp() WHERE name = bf_name;
			    COMMIT;
			END
			$backfill$""";

	private static final String FORGET_COLUMNS_SQL = """
			DO $forget$
			BEGIN
			    IF to_regclass('migration_backfill_progress') IS NOT NULL AND to_regclass({tableName}) IS NOT NULL THEN
			{progressTable}
			        DELETE FROM migration_backfill_progress p WHERE p.table_oid = to_regclass({tableName})
			            AND (p.columns && ARRAY[{columns}]::text[] OR p.attnums && ARRAY(SELECT a.attnum FROM pg_attribute a
			                WHERE a.attrelid = p.table_oid AND a.attname = ANY (ARRAY[{columns}]::text[]) AND NOT a.attisdropped));
			    END IF;
			END
			$forget$""";

	private PostgresBackfill() {
	}

	static List<SqlStatement> render(Backfill backfill) {
		String sql = fill(BACKFILL_SQL, slots(backfill));
		// commit points: the block commits per batch, so it must not run inside the step's transaction
		return List.of(SqlStatement.COMMIT_POINT, CONNECTION_CHECK, SqlStatement.nonTransactional(sql),
				SqlStatement.COMMIT_POINT);
	}

	/** What goes in each slot of the block: names quoted, values as literals, the revision's SQL as written. */
	private static Map<String, String> slots(Backfill backfill) {
		String from = backfill.from();
		String keyReference = keyReference(backfill);
		return Map.ofEntries(Map.entry("name", PostgresLiterals.string(backfill.progressName())),
				Map.entry("label", PostgresLiterals.string(label(backfill))),
				Map.entry("progressTable", PROGRESS_TABLE_SQL.stripTrailing()),
				Map.entry("tableName", tableName(backfill.table())), Map.entry("columns", names(backfill.columns())),
				Map.entry("table", PostgresIdentifiers.quote(backfill.table())),
				Map.entry("key", PostgresIdentifiers.quote(backfill.key())),
				Map.entry("keyName", PostgresLiterals.string(backfill.key())),
				Map.entry("target", target(backfill)), Map.entry("keyRef", keyReference),
				Map.entry("assignment", backfill.assignment()), Map.entry("pending", backfill.pending()),
				Map.entry("fromClause", (from != null) ? "\n                FROM " + from : ""),
				Map.entry("fromItems", (from != null) ? ", " + from : ""),
				// a joined row may repeat a row of the table, which counts once
				Map.entry("rowCount", (from != null) ? "count(DISTINCT " + keyReference + ")" : "count(*)"),
				Map.entry("batchSize", Integer.toString(backfill.batchSize())),
				Map.entry("targetSeconds", seconds(backfill.targetBatchDuration())),
				Map.entry("pauseSeconds", seconds(backfill.pause())));
	}

	static List<SqlStatement> forget(ForgetBackfill forget) {
		String sql = "DO $forget$ BEGIN IF to_regclass('" + PROGRESS_TABLE + "') IS NOT NULL THEN DELETE FROM "
				+ PROGRESS_TABLE + " WHERE name = " + PostgresLiterals.string(forget.progressName())
				+ "; END IF; END $forget$";
		return List.of(SqlStatement.of(sql));
	}

	static List<SqlStatement> forget(ForgetBackfillProgress forget) {
		String sql = fill(FORGET_COLUMNS_SQL, Map.of("tableName", tableName(forget.table()), "columns",
				names(forget.columns()), "progressTable", PROGRESS_TABLE_SQL.indent(4).stripTrailing()));
		return List.of(SqlStatement.of(sql));
	}

	/** Puts each value in its slot in one pass, so a value is never searched for slots itself. */
	private static String fill(String template, Map<String, String> values) {
		Matcher slot = SLOT.matcher(template);
		StringBuilder sql = new StringBuilder();
		while (slot.find()) {
			String value = values.get(slot.group(1));
			if (value == null) {
				throw new IllegalStateException("No value for {" + slot.group(1) + "}");
			}
			slot.appendReplacement(sql, Matcher.quoteReplacement(value));
		}
		return slot.appendTail(sql).toString();
	}

	/** The table as the UPDATE names it, with the alias the revision's SQL uses. */
	private static String target(Backfill backfill) {
		String table = PostgresIdentifiers.quote(backfill.table());
		return (backfill.alias() != null) ? table + " AS " + PostgresIdentifiers.quote(backfill.alias()) : table;
	}

	/** The key qualified, so a table of the FROM list with a column of the same name leaves no doubt. */
	private static String keyReference(Backfill backfill) {
		String table = (backfill.alias() != null) ? PostgresIdentifiers.quote(backfill.alias())
				: PostgresIdentifiers.quote(backfill.table());
		return table + "." + PostgresIdentifiers.quote(backfill.key());
	}

	/** Names what a backfill fills for its messages: {@code orders.total_cents}, or {@code orders (a, b)}. */
	private static String label(Backfill backfill) {
		List<String> columns = backfill.columns();
		return (columns.size() == 1) ? backfill.table() + "." + columns.get(0)
				: backfill.table() + " (" + String.join(", ", columns) + ")";
	}

	/** The table's name as text that {@code regclass} reads back. */
	private static String tableName(QualifiedName table) {
		return PostgresLiterals.string(PostgresIdentifiers.quote(table));
	}

	private static String names(List<String> names) {
		return names.stream().map(PostgresLiterals::string).collect(Collectors.joining(", "));
	}

	private static String seconds(Duration duration) {
		return String.valueOf(duration.toMillis() / 1000.0);
	}

}
