package dev.migration.core.op;

import dev.migration.core.MigrationException;

/** Thrown when a downgrade is derived from an upgrade that holds an operation with no reverse. */
public class IrreversibleOperationException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final transient Op operation;

	IrreversibleOperationException(Op operation, String message) {
		super(message);
		this.operation = operation;
	}

	/**
	 * Returns the first operation that has no reverse.
	 * @return the operation
	 */
	public Op operation() {
		return this.operation;
	}

}
