package dev.migration.core.op;

import java.util.Objects;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code DROP INDEX [CONCURRENTLY]}.
 *
 * @param index the index, optionally schema-qualified
 * @param concurrently whether it is dropped without blocking reads and writes (outside a transaction)
 * @param ifExists whether a missing index is ignored
 * @param cascade whether dependent objects are dropped too
 */
public record DropIndex(QualifiedName index, boolean concurrently, boolean ifExists, boolean cascade) implements Op {

	public DropIndex {
		Objects.requireNonNull(index, "index");
		if (concurrently && cascade) {
			throw new MigrationException("Index " + index + " cannot be dropped CONCURRENTLY with CASCADE; "
					+ "PostgreSQL does not support the combination. Drop the dependent objects first.");
		}
	}

}
