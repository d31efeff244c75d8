package dev.migration.autoconfigure;

import org.springframework.context.ApplicationEvent;

import dev.migration.core.run.RunResult;

/** Published when a run of this application finished, successfully or not. */
public class MigrationRunFinishedEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final transient RunResult result;

	private final transient RuntimeException failure;

	public MigrationRunFinishedEvent(Object source, RunResult result, RuntimeException failure) {
		super(source);
		this.result = result;
		this.failure = failure;
	}

	/**
	 * Returns what the run did, or {@code null} when it failed or was a fan-out over tenants.
	 * @return the result
	 */
	public RunResult getResult() {
		return this.result;
	}

	/**
	 * Returns why the run failed, or {@code null}.
	 * @return the failure
	 */
	public RuntimeException getFailure() {
		return this.failure;
	}

}
