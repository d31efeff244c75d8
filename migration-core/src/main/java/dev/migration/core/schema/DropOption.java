package dev.migration.core.schema;

import java.util.Arrays;

/** Options of a {@code DROP} operation. */
public enum DropOption {

	/** Do nothing, instead of failing, when the object does not exist. */
	IF_EXISTS,

	/** Also drop the objects that depend on it. */
	CASCADE,

	/** Drop an index without blocking writes (not inside a transaction). */
	CONCURRENTLY;

	/**
	 * Returns whether {@code option} is among {@code options}.
	 * @param option the option to look for
	 * @param options the options given
	 * @return whether it was given
	 */
	public static boolean isIn(DropOption option, DropOption... options) {
		return Arrays.asList(options).contains(option);
	}

}
