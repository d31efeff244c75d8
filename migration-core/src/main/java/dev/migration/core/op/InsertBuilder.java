package dev.migration.core.op;

import java.util.ArrayList;
import java.util.List;

import dev.migration.core.MigrationException;
import dev.migration.core.Operations.InsertSpec;
import dev.migration.core.schema.QualifiedName;

/** Collects an {@link InsertSpec} and builds a {@link BulkInsert} of its one row. */
final class InsertBuilder implements InsertSpec {

	private final QualifiedName table;

	private final List<String> columns = new ArrayList<>();

	private final List<Object> values = new ArrayList<>();

	InsertBuilder(QualifiedName table) {
		this.table = table;
	}

	@Override
	public InsertSpec value(String column, Object value) {
		if (this.columns.contains(column)) {
			throw new MigrationException("The insert into " + this.table + " gives column " + column
					+ " twice; give it once.");
		}
		this.columns.add(column);
		this.values.add(value);
		return this;
	}

	BulkInsert build() {
		if (this.columns.isEmpty()) {
			throw new MigrationException("The insert into " + this.table + " gives no value: add value(column, value).");
		}
		return new BulkInsert(this.table, this.columns, List.of(this.values));
	}

}
