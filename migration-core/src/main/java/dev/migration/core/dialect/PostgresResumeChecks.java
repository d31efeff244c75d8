package dev.migration.core.dialect;

import java.util.List;
import java.util.Optional;

import dev.migration.core.sink.DatabaseReader;

/**
 * Reads the catalog before a concurrent index build or drop runs, so that neither an INVALID
 * index left by any failed build nor an interrupted attempt that already finished stops the
 * next run: the leftover is dropped and built again, the finished work is skipped.
 */
final class PostgresResumeChecks {

	private PostgresResumeChecks() {
	}

	static ResumeCheck check(SqlStatement statement, boolean startedBefore, DatabaseReader reader) {
		Optional<ConcurrentIndexCommand> parsed = ConcurrentIndexCommand.parse(statement.sql());
		if (parsed.isEmpty()) {
			return ResumeCheck.RUN;
		}
		ConcurrentIndexCommand command = parsed.get();
		return command.create() ? beforeBuild(command, startedBefore, reader)
				: beforeDrop(command, startedBefore, reader);
	}

	private static ResumeCheck beforeBuild(ConcurrentIndexCommand command, boolean startedBefore,
			DatabaseReader reader) {
		List<Boolean> valid = reader.query("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
				+ "WHERE c.relname = ? AND i.indrelid = to_regclass(?)", (rows, row) -> rows.getBoolean(1),
				List.of(command.index().name(), PostgresIdentifiers.quote(command.table())));
		if (valid.isEmpty()) {
			return ResumeCheck.RUN;
		}
		if (!valid.get(0)) {
			// a failed or killed build leaves an INVALID index of that name, which makes the build fail again
			return new ResumeCheck(false, List.of(SqlStatement
				.nonTransactional("DROP INDEX CONCURRENTLY IF EXISTS " + PostgresIdentifiers.quote(command.index()))
				.nonBlocking()));
		}
		// a valid index of that name is this step's own finished build only when this step started it
		return startedBefore ? ResumeCheck.DONE : ResumeCheck.RUN;
	}

	private static ResumeCheck beforeDrop(ConcurrentIndexCommand command, boolean startedBefore,
			DatabaseReader reader) {
		if (!startedBefore) {
			return ResumeCheck.RUN;
		}
		List<Boolean> gone = reader.query("SELECT to_regclass(?) IS NULL", (rows, row) -> rows.getBoolean(1),
				List.of(PostgresIdentifiers.quote(command.index())));
		return gone.get(0) ? ResumeCheck.DONE : ResumeCheck.RUN;
	}

}
