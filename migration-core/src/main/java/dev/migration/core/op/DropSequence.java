package dev.migration.core.op;

import java.util.Objects;

import dev.migration.core.schema.QualifiedName;

/**
 * {@code DROP SEQUENCE}.
 *
 * @param sequence the sequence
 * @param ifExists whether a missing sequence is ignored
 * @param cascade whether dependent objects (column defaults) are dropped too
 */
public record DropSequence(QualifiedName sequence, boolean ifExists, boolean cascade) implements Op {

	public DropSequence {
		Objects.requireNonNull(sequence, "sequence");
	}

}
