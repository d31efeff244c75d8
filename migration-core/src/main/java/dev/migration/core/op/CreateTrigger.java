package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code CREATE TRIGGER}; its reverse drops it.
 *
 * @param trigger the trigger
 */
public record CreateTrigger(TriggerDefinition trigger) implements Op {

	public CreateTrigger {
		Objects.requireNonNull(trigger, "trigger");
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(new DropTrigger(this.trigger.name(), this.trigger.table(), false, this.trigger)));
	}

}
