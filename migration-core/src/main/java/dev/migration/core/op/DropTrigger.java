package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code DROP TRIGGER name ON table}; reversible when it carries the definition to create again.
 *
 * @param name the trigger
 * @param table its table
 * @param ifExists whether a missing trigger is ignored
 * @param previous the trigger as it was, which makes the drop reversible, or {@code null}
 */
public record DropTrigger(String name, QualifiedName table, boolean ifExists, TriggerDefinition previous)
		implements Op {

	public DropTrigger {
		Names.require("trigger", name);
		Objects.requireNonNull(table, "table");
		if (previous != null && (!previous.name().equals(name) || !previous.table().equals(table))) {
			throw new MigrationException("The definition given to recreate trigger " + name + " on " + table
					+ " is that of trigger " + previous.name() + " on " + previous.table() + ".");
		}
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.ofNullable(this.previous).map((trigger) -> List.of(new CreateTrigger(trigger)));
	}

}
