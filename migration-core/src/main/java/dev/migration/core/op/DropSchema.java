package dev.migration.core.op;

import dev.migration.core.schema.Names;

/**
 * {@code DROP SCHEMA}.
 *
 * @param name the schema name
 * @param ifExists whether a missing schema is ignored
 * @param cascade whether the objects in it are dropped too
 */
public record DropSchema(String name, boolean ifExists, boolean cascade) implements Op {

	public DropSchema {
		Names.require("schema", name);
	}

}
