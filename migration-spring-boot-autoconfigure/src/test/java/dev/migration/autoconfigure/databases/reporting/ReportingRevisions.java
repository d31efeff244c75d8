package dev.migration.autoconfigure.databases.reporting;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;

/** The revisions of the second database, told apart by their package; their ids may repeat the first's. */
public final class ReportingRevisions {

	private ReportingRevisions() {
	}

	@Revision(id = "1000aa", message = "create daily total")
	public static class CreateDailyTotal implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("daily_total", (t) -> t.column("day", ColumnType.DATE, (c) -> c.primaryKey())
				.column("cents", ColumnType.BIGINT, (c) -> c.notNull()));
		}

	}

	@Revision(id = "r2", revises = "1000aa", message = "seed daily total")
	public static class SeedDailyTotal implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("INSERT INTO daily_total (day, cents) VALUES (DATE '2026-01-01', 100)",
					"DELETE FROM daily_total WHERE day = DATE '2026-01-01'");
		}

	}

}
