package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Drops the trigger and function of a finished or abandoned rename.
 *
 * @param sync the two columns
 */
public record DropColumnSync(ColumnSync sync) implements Op {

	public DropColumnSync {
		Objects.requireNonNull(sync, "sync");
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(new CreateColumnSync(this.sync)));
	}

}
