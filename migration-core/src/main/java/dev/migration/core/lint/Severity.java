package dev.migration.core.lint;

/**
 * How much a finding matters: only errors fail the gate.
 */
public enum Severity {

	/** Blocks traffic or breaks running code. */
	ERROR,

	/** A style that costs later, such as {@code json} instead of {@code jsonb}. */
	WARNING,

	/** Something the linter could not check. */
	INFO

}
