package dev.migration.core.op;

import java.util.List;
import java.util.Optional;

import dev.migration.core.schema.Names;

/**
 * {@code CREATE SCHEMA}.
 *
 * @param name the schema name
 * @param ifNotExists whether an existing schema is left alone
 */
public record CreateSchema(String name, boolean ifNotExists) implements Op {

	public CreateSchema {
		Names.require("schema", name);
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(new DropSchema(this.name, false, false)));
	}

}
