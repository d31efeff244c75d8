package dev.migration.core.op;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code CREATE TYPE ... AS ENUM}.
 *
 * @param type the type
 * @param values the labels, in sort order
 */
public record CreateEnumType(QualifiedName type, List<String> values) implements Op {

	public CreateEnumType {
		Objects.requireNonNull(type, "type");
		values = List.copyOf(values);
		if (new HashSet<>(values).size() != values.size()) {
			throw new MigrationException("Enum type " + type + " lists a label twice: " + values + ".");
		}
		values.forEach((value) -> EnumLabels.require(type, value));
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(new DropType(this.type, false, false)));
	}

}
