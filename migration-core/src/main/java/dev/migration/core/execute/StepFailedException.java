package dev.migration.core.execute;

import dev.migration.core.MigrationException;

/** Thrown when a revision's upgrade or downgrade fails; says what was kept and what to do. */
public class StepFailedException extends MigrationException {

	private static final long serialVersionUID = 1L;

	/** The SQLSTATE PostgreSQL reports when {@code lock_timeout} expires. */
	public static final String LOCK_NOT_AVAILABLE = "55P03";

	private final String revision;

	private final Direction direction;

	private final boolean rolledBack;

	private final int statementsRun;

	private final Fault fault;

	StepFailedException(String revision, Direction direction, boolean rolledBack, int statementsRun, Fault fault,
			String message, Throwable cause) {
		super(message, cause);
		this.revision = revision;
		this.direction = direction;
		this.rolledBack = rolledBack;
		this.statementsRun = statementsRun;
		this.fault = fault;
	}

	/**
	 * Returns this failure with more said about it, such as how often it was retried.
	 * @param detail the sentence to add
	 * @return the failure
	 */
	public StepFailedException withDetail(String detail) {
		StepFailedException failure = new StepFailedException(this.revision, this.direction, this.rolledBack,
				this.statementsRun, this.fault, getMessage() + " " + detail, getCause());
		failure.setStackTrace(getStackTrace());
		return failure;
	}

	/**
	 * Returns whose fault the failure is: the revision's, or the infrastructure's.
	 * @return the fault
	 */
	public Fault fault() {
		return this.fault;
	}

	/**
	 * Returns the id of the revision that failed.
	 * @return the revision id
	 */
	public String revision() {
		return this.revision;
	}

	/**
	 * Returns whether the failure happened while upgrading or downgrading.
	 * @return the direction
	 */
	public Direction direction() {
		return this.direction;
	}

	/**
	 * Returns whether the step's transaction was rolled back, leaving no trace.
	 * @return whether nothing of the step remains
	 */
	public boolean rolledBack() {
		return this.rolledBack;
	}

	/**
	 * Returns how many statements of a non-transactional step ran and were kept.
	 * @return the count; 0 when rolled back
	 */
	public int statementsRun() {
		return this.statementsRun;
	}


	/**
	 * Returns whether a statement failed because it waited longer than the lock timeout.
	 * @return whether the cause was a lock timeout
	 */
	public boolean isLockTimeout() {
		return this.fault == Fault.LOCK_TIMEOUT;
	}

}
