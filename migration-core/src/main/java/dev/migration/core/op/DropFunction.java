package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code DROP FUNCTION name(types)}; reversible when it carries the definition to create
 * again.
 *
 * @param name the function
 * @param argumentTypes the types of its arguments, which with the name identify it
 * @param ifExists whether a missing function is ignored
 * @param cascade whether what depends on it (a trigger) is dropped too
 * @param previous the function as it was, which makes the drop reversible, or {@code null}
 */
public record DropFunction(QualifiedName name, List<ColumnType> argumentTypes, boolean ifExists, boolean cascade,
		FunctionDefinition previous) implements Op {

	public DropFunction {
		Objects.requireNonNull(name, "name");
		argumentTypes = List.copyOf(argumentTypes);
		if (previous != null && (!previous.name().equals(name) || !previous.argumentTypes().equals(argumentTypes))) {
			throw new MigrationException("The definition given to recreate function " + name + " is that of "
					+ previous.name() + " with arguments " + previous.argumentTypes() + ".");
		}
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.ofNullable(this.previous).map((function) -> List.of(new CreateFunction(function, false)));
	}

}
