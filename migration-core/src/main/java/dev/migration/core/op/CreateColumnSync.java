package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates the trigger and function that copy every write of one column into the other, both
 * ways, while a rename is under way.
 *
 * @param sync the two columns
 */
public record CreateColumnSync(ColumnSync sync) implements Op {

	public CreateColumnSync {
		Objects.requireNonNull(sync, "sync");
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(new DropColumnSync(this.sync)));
	}

}
