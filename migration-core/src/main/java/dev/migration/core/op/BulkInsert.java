package dev.migration.core.op;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code INSERT} of literal rows, for reference data; values are bound, never concatenated.
 *
 * @param table the table
 * @param columns the column names
 * @param rows the rows, each with one value per column ({@code null} allowed)
 */
public record BulkInsert(QualifiedName table, List<String> columns, List<List<Object>> rows) implements Op {

	public BulkInsert {
		Objects.requireNonNull(table, "table");
		columns = Names.requireAll("column", columns);
		List<List<Object>> copies = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			List<Object> row = rows.get(i);
			if (row.size() != columns.size()) {
				throw new MigrationException("Row " + (i + 1) + " of the insert into " + table + " has " + row.size()
						+ " values for " + columns.size() + " columns " + columns + ".");
			}
			// List.copyOf would reject the NULLs a row may hold
			copies.add(Collections.unmodifiableList(new ArrayList<>(row)));
		}
		rows = Collections.unmodifiableList(copies);
	}

}
