package dev.migration.core.op;

import java.util.Objects;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code DELETE} of the rows a data migration names, every value bound; it has no reverse,
 * since the rows are gone.
 *
 * @param table the table
 * @param rows the rows to delete
 * @param expectedRows how many rows it must delete, checked online, or {@code null}
 */
public record DeleteRows(QualifiedName table, RowFilter rows, Integer expectedRows) implements Op {

	public DeleteRows {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(rows, "rows");
		requireCount("delete", table, expectedRows);
	}

	static void requireCount(String what, QualifiedName table, Integer expectedRows) {
		if (expectedRows != null && expectedRows < 0) {
			throw new MigrationException("The " + what + " of " + table + " expects " + expectedRows
					+ " rows; give zero or more.");
		}
	}

}
