package dev.migration.core.op;

import java.util.List;

/**
 * Which rows an update or delete changes: those matching every condition, or every row of the
 * table when there is none, which the DSL only builds from an explicit {@code allRows()}.
 *
 * @param conditions the conditions, all of which a row must meet
 */
public record RowFilter(List<BoundExpression> conditions) {

	public RowFilter {
		conditions = List.copyOf(conditions);
	}

	/**
	 * Every row of the table.
	 * @return the filter without conditions
	 */
	public static RowFilter everyRow() {
		return new RowFilter(List.of());
	}

	/**
	 * Returns whether every row is changed.
	 * @return whether there is no condition
	 */
	public boolean isEveryRow() {
		return this.conditions.isEmpty();
	}

}
