package dev.migration.core.history;

import java.util.ArrayList;
import java.util.List;

import dev.migration.core.dialect.Dialect;
import dev.migration.core.dialect.SqlStatement;

/**
 * The SQL of the progress table: one row per statement of an unfinished step that commits in
 * parts, written in the transaction that made the statement permanent (or around a statement
 * that runs outside one) and removed when the revision's state changes, so only the attempt
 * that will finish the step ever reads it.
 */
public final class ProgressStatements {

	private final String table;

	public ProgressStatements(Dialect dialect, HistoryTable history) {
		this.table = dialect.quote(history.progress());
	}

	/**
	 * Returns the statement that creates the table when missing.
	 * @return the statement
	 */
	public SqlStatement create() {
		return SqlStatement.of("CREATE TABLE IF NOT EXISTS " + this.table + " (\n"
				+ "    revision text NOT NULL,\n"
				+ "    direction text NOT NULL CHECK (direction IN ('upgrade', 'downgrade')),\n"
				+ "    ordinal integer NOT NULL,\n"
				+ "    statement_hash text NOT NULL,\n"
				+ "    done boolean NOT NULL,\n"
				+ "    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),\n"
				+ "    PRIMARY KEY (revision, direction, ordinal)\n)");
	}

	/**
	 * Returns the query of every row, for a run to read once at its start.
	 * @return the SQL
	 */
	public String selectAll() {
		return "SELECT revision, direction, ordinal, statement_hash, done FROM " + this.table;
	}

	/**
	 * Returns the query of the rows of one direction, with the direction bound.
	 * @return the SQL
	 */
	public String selectDirection() {
		return selectAll() + " WHERE direction = ?";
	}

	/**
	 * Returns the query of one step's rows, with revision and direction bound.
	 * @return the SQL
	 */
	public String selectStep() {
		return selectAll() + " WHERE revision = ? AND direction = ?";
	}

	/**
	 * Records statements of a step with whether they finished, replacing what an earlier
	 * attempt recorded at the same positions.
	 * @param revision the revision
	 * @param direction {@code upgrade} or {@code downgrade}
	 * @param ordinals the positions
	 * @param hashes the statements' hashes, one per position
	 * @param done whether they finished
	 * @return the statement
	 */
	public SqlStatement record(String revision, String direction, List<Integer> ordinals, List<String> hashes,
			boolean done) {
		List<String> fragments = new ArrayList<>();
		List<Object> parameters = new ArrayList<>();
		StringBuilder text = new StringBuilder("INSERT INTO " + this.table
				+ " (revision, direction, ordinal, statement_hash, done) VALUES ");
		for (int i = 0; i < ordinals.size(); i++) {
			text.append((i > 0) ? ", (" : "(");
			for (Object value : List.of(revision, direction, ordinals.get(i), hashes.get(i))) {
				fragments.add(text.toString());
				text.setLength(0);
				parameters.add(value);
				text.append(", ");
			}
			text.append(done).append(")");
		}
		fragments.add(text.append("\nON CONFLICT (revision, direction, ordinal) DO UPDATE SET "
				+ "statement_hash = EXCLUDED.statement_hash, done = EXCLUDED.done, recorded_at = clock_timestamp()")
			.toString());
		return new SqlStatement(fragments, parameters, true);
	}

	/**
	 * Forgets every row of a revision, both directions: its state changed, so what an
	 * unfinished attempt kept no longer describes the database.
	 * @param revision the revision
	 * @return the statement, to run in the transaction that changes the state
	 */
	public SqlStatement clear(String revision) {
		return new SqlStatement(List.of("DELETE FROM " + this.table + " WHERE revision = ", ""), List.of(revision),
				true);
	}

}
