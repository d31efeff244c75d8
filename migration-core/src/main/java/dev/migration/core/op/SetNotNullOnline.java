package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * Makes an existing column {@code NOT NULL} without a long lock: a {@code CHECK (col IS NOT
 * NULL) NOT VALID}, its {@code VALIDATE} in a transaction of its own (reads and writes go
 * on), then {@code SET NOT NULL}, which the valid check lets PostgreSQL 12+ do without a
 * scan, and the check is dropped.
 *
 * @param table the table
 * @param column the column
 */
public record SetNotNullOnline(QualifiedName table, String column) implements Op {

	public SetNotNullOnline {
		Objects.requireNonNull(table, "table");
		Names.require("column", column);
		Names.require("check constraint", checkName(table, column));
	}

	/**
	 * Returns the name of the temporary check constraint.
	 * @return the name
	 */
	public String checkName() {
		return checkName(this.table, this.column);
	}

	private static String checkName(QualifiedName table, String column) {
		String name = table.name() + "_" + column + "_not_null";
		// PostgreSQL's limit is 63 bytes; a shortened name stays unique enough for a moment's use
		return (name.length() <= 63) ? name : name.substring(0, 54) + "_" + Integer.toHexString(name.hashCode());
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(new AlterColumnNullability(this.table, this.column, true)));
	}

}
