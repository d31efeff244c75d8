package dev.migration.core.execute;

import java.util.List;

import dev.migration.core.dialect.SqlStatement;

/**
 * Records, in the database itself, which statements of a step that commits in parts are
 * permanent: in the same transaction as the statements, or around a statement that cannot
 * run in one, so a run killed at any point leaves a record the next run can trust.
 */
public interface StepJournal {

	/** Records nothing and knows of no earlier attempt, as offline scripts need. */
	StepJournal NONE = new StepJournal() {

		@Override
		public PriorProgress prior() {
			return PriorProgress.NONE;
		}

		@Override
		public List<SqlStatement> starting(StatementMark mark) {
			return List.of();
		}

		@Override
		public List<SqlStatement> done(List<StatementMark> marks) {
			return List.of();
		}

	};

	/**
	 * Returns what earlier attempts of the step made permanent.
	 * @return the progress
	 */
	PriorProgress prior();

	/**
	 * Returns the statements that record a statement about to run outside a transaction.
	 * @param mark the statement
	 * @return the statements, run on their own before it
	 */
	List<SqlStatement> starting(StatementMark mark);

	/**
	 * Returns the statements that record statements as finished.
	 * @param marks the statements
	 * @return the statements, run in the transaction that made them permanent, or right after
	 * one that ran outside a transaction
	 */
	List<SqlStatement> done(List<StatementMark> marks);

}
