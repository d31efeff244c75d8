package dev.migration.core.run;

/** What an upgrade does when the revisions have several heads that no merge revision joins. */
public enum UnmergedHeadsPolicy {

	/** Applies them and logs a warning naming the heads. */
	WARN,

	/** Applies nothing and fails, naming the heads. */
	FAIL,

	/** Applies them without a word, for histories kept as separate branches on purpose. */
	ALLOW

}
