package dev.migration.core.tenant;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.history.HistoryTable;

/**
 * The table beside the fan-out's history where each tenant's last run is recorded: a failure
 * that rolled back leaves nothing in the tenant's own history, yet must still show after a
 * restart and on every instance.
 */
final class TenantLedger {

	private final JdbcTemplate jdbc;

	private final String table;

	TenantLedger(DataSource dataSource, HistoryTable history) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.table = new PostgresDialect().quote(history.tenants());
	}

	/** Creates the table when missing, before the first tenant runs, so a fan-out that cannot record fails first. */
	void create() {
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS " + this.table + " (tenant text PRIMARY KEY, status text NOT NULL, "
				+ "applied integer NOT NULL, failure text, duration_ms bigint NOT NULL, "
				+ "finished_at timestamptz NOT NULL DEFAULT clock_timestamp())");
	}

	void record(TenantOutcome outcome) {
		this.jdbc.update("INSERT INTO " + this.table + " (tenant, status, applied, failure, duration_ms) "
				+ "VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant) DO UPDATE SET status = excluded.status, "
				+ "applied = excluded.applied, failure = excluded.failure, duration_ms = excluded.duration_ms, "
				+ "finished_at = clock_timestamp()", outcome.tenant(), outcome.status().name(), outcome.applied(),
				outcome.failure(), outcome.durationMs());
	}

	/** Reads every tenant's last run; none before the first fan-out. */
	Map<String, LastRun> read() {
		Map<String, LastRun> runs = new HashMap<>();
		if (Boolean.TRUE.equals(this.jdbc.queryForObject("SELECT to_regclass(?) IS NULL", Boolean.class, this.table))) {
			return runs;
		}
		this.jdbc.query("SELECT tenant, status, failure, finished_at FROM " + this.table, (row) -> {
			runs.put(row.getString(1), new LastRun(TenantOutcome.Status.valueOf(row.getString(2)), row.getString(3),
					row.getObject(4, OffsetDateTime.class)));
		});
		return runs;
	}

	/** How a tenant's last run ended. */
	record LastRun(TenantOutcome.Status status, String failure, OffsetDateTime finishedAt) {

	}

}
