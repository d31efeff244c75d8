package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code CREATE [OR REPLACE] FUNCTION}; a replacement has no reverse, since the old body is
 * unknown.
 *
 * @param function the function
 * @param orReplace whether an existing function of the same signature is replaced
 */
public record CreateFunction(FunctionDefinition function, boolean orReplace) implements Op {

	public CreateFunction {
		Objects.requireNonNull(function, "function");
	}

	@Override
	public Optional<List<Op>> reverse() {
		if (this.orReplace) {
			return Optional.empty();
		}
		return Optional.of(List.of(new DropFunction(this.function.name(), this.function.argumentTypes(), false, false,
				this.function)));
	}

}
