package dev.migration.core.snapshot;

import java.util.Locale;

/**
 * The kinds of schema object a {@link SchemaSnapshot} holds, in the order a diff lists them.
 */
public enum ObjectKind {

	/** A schema (namespace). */
	SCHEMA,

	/** A table, plain or partitioned. */
	TABLE,

	/** A column of a table, named {@code table.column}. */
	COLUMN,

	/** A constraint of a table, named {@code table.constraint}. */
	CONSTRAINT,

	/** An index. */
	INDEX,

	/** A view or materialized view. */
	VIEW,

	/** A sequence. */
	SEQUENCE,

	/** A trigger, named {@code table.trigger}. */
	TRIGGER,

	/** A function or procedure, named with its argument types. */
	FUNCTION,

	/** An enum type. */
	ENUM_TYPE;

	/**
	 * Returns the kind as written in a diff, such as {@code enum type}.
	 * @return the readable name
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

}
