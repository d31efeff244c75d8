package dev.migration.core.op;

import java.util.Objects;

import dev.migration.core.schema.QualifiedName;

/**
 * {@code DROP TYPE}.
 *
 * @param type the type
 * @param ifExists whether a missing type is ignored
 * @param cascade whether dependent objects (columns of that type) are dropped too
 */
public record DropType(QualifiedName type, boolean ifExists, boolean cascade) implements Op {

	public DropType {
		Objects.requireNonNull(type, "type");
	}

}
