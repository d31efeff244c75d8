package dev.migration.core.op;

import java.util.ArrayList;
import java.util.List;

import dev.migration.core.Operations.UpdateSpec;
import dev.migration.core.schema.QualifiedName;

/** Collects an {@link UpdateSpec} and builds the {@link UpdateRows} operation. */
final class UpdateBuilder implements UpdateSpec {

	private final QualifiedName table;

	private final List<UpdateRows.Assignment> assignments = new ArrayList<>();

	private final RowsBuilder rows;

	UpdateBuilder(QualifiedName table) {
		this.table = table;
		this.rows = new RowsBuilder("update", table);
	}

	@Override
	public UpdateSpec set(String column, Object value) {
		this.assignments.add(new UpdateRows.Assignment(column, BoundExpression.value(value)));
		return this;
	}

	@Override
	public UpdateSpec setExpression(String column, String sql, Object... values) {
		this.assignments.add(new UpdateRows.Assignment(column, BoundExpression.of(sql, values)));
		return this;
	}

	@Override
	public UpdateSpec where(String condition, Object... values) {
		this.rows.where(condition, values);
		return this;
	}

	@Override
	public UpdateSpec allRows() {
		this.rows.allRows();
		return this;
	}

	@Override
	public UpdateSpec expectRows(int rows) {
		this.rows.expectRows(rows);
		return this;
	}

	UpdateRows build() {
		return new UpdateRows(this.table, this.assignments, this.rows.build(), this.rows.expectedRows());
	}

}
