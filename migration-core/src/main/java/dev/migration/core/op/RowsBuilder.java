package dev.migration.core.op;

import java.util.ArrayList;
import java.util.List;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.QualifiedName;

/** The part an update and a delete share: which rows, and how many must change. */
final class RowsBuilder {

	private final String what;

	private final QualifiedName table;

	private final List<BoundExpression> conditions = new ArrayList<>();

	private boolean allRows;

	private Integer expectedRows;

	RowsBuilder(String what, QualifiedName table) {
		this.what = what;
		this.table = table;
	}

	void where(String condition, Object... values) {
		this.conditions.add(BoundExpression.of(condition, values));
	}

	void allRows() {
		this.allRows = true;
	}

	void expectRows(int rows) {
		this.expectedRows = rows;
	}

	Integer expectedRows() {
		return this.expectedRows;
	}

	/** A forgotten WHERE would change every row, so every row must be asked for by name. */
	RowFilter build() {
		if (this.allRows && !this.conditions.isEmpty()) {
			throw new MigrationException("The " + this.what + " of " + this.table + " has both where(...) and "
					+ "allRows(); keep one.");
		}
		if (!this.allRows && this.conditions.isEmpty()) {
			throw new MigrationException("The " + this.what + " of " + this.table + " names no rows: add "
					+ "where(condition, values...), or allRows() to change every row.");
		}
		return new RowFilter(this.conditions);
	}

}
