package dev.migration.core.op;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code UPDATE} of the rows a data migration names, every value bound; it has no reverse,
 * since the values it overwrites are gone.
 *
 * @param table the table
 * @param assignments the columns set and their new values, in order
 * @param rows the rows to change
 * @param expectedRows how many rows it must change, checked online, or {@code null}
 */
public record UpdateRows(QualifiedName table, List<Assignment> assignments, RowFilter rows, Integer expectedRows)
		implements Op {

	public UpdateRows {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(rows, "rows");
		assignments = List.copyOf(assignments);
		if (assignments.isEmpty()) {
			throw new MigrationException("The update of " + table + " sets no column: add set(column, value).");
		}
		Set<String> seen = new HashSet<>();
		for (Assignment assignment : assignments) {
			if (!seen.add(assignment.column())) {
				throw new MigrationException("The update of " + table + " sets column " + assignment.column()
						+ " twice; set it once.");
			}
		}
		DeleteRows.requireCount("update", table, expectedRows);
	}

	/**
	 * One column of an update and the expression that computes its new value.
	 *
	 * @param column the column
	 * @param value its new value: a bound value, or an expression with bound values
	 */
	public record Assignment(String column, BoundExpression value) {

		public Assignment {
			Names.require("column", column);
			Objects.requireNonNull(value, "value");
		}

	}

}
