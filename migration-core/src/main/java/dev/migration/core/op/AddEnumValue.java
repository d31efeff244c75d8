package dev.migration.core.op;

import java.util.Objects;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code ALTER TYPE ... ADD VALUE}; PostgreSQL cannot remove an enum label, so it has no reverse.
 *
 * @param type the enum type
 * @param value the new label
 * @param before the label to place it before, or {@code null}
 * @param after the label to place it after, or {@code null}
 * @param ifNotExists whether an existing label is left alone
 */
public record AddEnumValue(QualifiedName type, String value, String before, String after, boolean ifNotExists)
		implements Op {

	public AddEnumValue {
		Objects.requireNonNull(type, "type");
		EnumLabels.require(type, value);
		if (before != null && after != null) {
			throw new MigrationException("Enum label '" + value + "' of " + type
					+ " can go before one label or after another, not both.");
		}
		if (before != null) {
			EnumLabels.require(type, before);
		}
		if (after != null) {
			EnumLabels.require(type, after);
		}
	}

}
