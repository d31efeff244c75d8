package dev.migration.core.op;

import java.nio.charset.StandardCharsets;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.QualifiedName;

/** Checks enum labels, which PostgreSQL limits to 63 bytes. */
final class EnumLabels {

	private EnumLabels() {
	}

	static String require(QualifiedName type, String label) {
		if (label == null || label.isEmpty()) {
			throw new MigrationException("Enum type " + type + " has an empty label.");
		}
		if (label.getBytes(StandardCharsets.UTF_8).length > 63 || label.indexOf('\0') >= 0) {
			throw new MigrationException("Enum type " + type + " has label '" + label
					+ "', which is longer than 63 bytes or holds a NUL character.");
		}
		return label;
	}

}
