package dev.migration.core.op;

import dev.migration.core.Operations.DeleteSpec;
import dev.migration.core.schema.QualifiedName;

/** Collects a {@link DeleteSpec} and builds the {@link DeleteRows} operation. */
final class DeleteBuilder implements DeleteSpec {

	private final QualifiedName table;

	private final RowsBuilder rows;

	DeleteBuilder(QualifiedName table) {
		this.table = table;
		this.rows = new RowsBuilder("delete", table);
	}

	@Override
	public DeleteSpec where(String condition, Object... values) {
		this.rows.where(condition, values);
		return this;
	}

	@Override
	public DeleteSpec allRows() {
		this.rows.allRows();
		return this;
	}

	@Override
	public DeleteSpec expectRows(int rows) {
		this.rows.expectRows(rows);
		return this;
	}

	DeleteRows build() {
		return new DeleteRows(this.table, this.rows.build(), this.rows.expectedRows());
	}

}
