package dev.migration.core.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migration.core.dialect.SqlStatement;
import dev.migration.core.execute.Direction;
import dev.migration.core.execute.PriorProgress;
import dev.migration.core.execute.StatementMark;
import dev.migration.core.execute.StepJournal;
import dev.migration.core.history.ProgressStatements;
import dev.migration.core.sink.DatabaseReader;

/** The journal of one online step, kept in the history's progress table. */
record ProgressJournal(ProgressStatements statements, String revision, Direction direction, PriorProgress prior)
		implements StepJournal {

	@Override
	public List<SqlStatement> starting(StatementMark mark) {
		return List.of(this.statements.record(this.revision, this.direction.word(), List.of(mark.ordinal()),
				List.of(mark.hash()), false));
	}

	@Override
	public List<SqlStatement> done(List<StatementMark> marks) {
		return List.of(this.statements.record(this.revision, this.direction.word(),
				marks.stream().map(StatementMark::ordinal).toList(), marks.stream().map(StatementMark::hash).toList(),
				true));
	}

	/**
	 * Reads what unfinished steps of one direction left, for a run to read once at its start.
	 * @param reader the run's connection
	 * @param statements the progress table's SQL
	 * @param direction the run's direction
	 * @return the progress by revision id
	 */
	static Map<String, PriorProgress> readAll(DatabaseReader reader, ProgressStatements statements,
			Direction direction) {
		Map<String, Map<Integer, PriorProgress.Entry>> rows = new HashMap<>();
		reader.query(statements.selectDirection(), (row, index) -> rows
			.computeIfAbsent(row.getString("revision"), (id) -> new HashMap<>())
			.put(row.getInt("ordinal"), entry(row)), List.of(direction.word()));
		Map<String, PriorProgress> progress = new HashMap<>();
		rows.forEach((revision, entries) -> progress.put(revision, new PriorProgress(entries)));
		return progress;
	}

	/**
	 * Reads what one step's earlier attempts left, as a retry needs.
	 * @param reader the run's connection
	 * @param statements the progress table's SQL
	 * @param revision the revision
	 * @param direction the step's direction
	 * @return the progress
	 */
	static PriorProgress read(DatabaseReader reader, ProgressStatements statements, String revision,
			Direction direction) {
		Map<Integer, PriorProgress.Entry> entries = new HashMap<>();
		reader.query(statements.selectStep(), (row, index) -> entries.put(row.getInt("ordinal"), entry(row)),
				List.of(revision, direction.word()));
		return new PriorProgress(entries);
	}

	private static PriorProgress.Entry entry(ResultSet row) throws SQLException {
		return new PriorProgress.Entry(row.getString("statement_hash"), row.getBoolean("done"));
	}

}
