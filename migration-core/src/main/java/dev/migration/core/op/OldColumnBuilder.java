package dev.migration.core.op;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.migration.core.Operations.IndexSpec;
import dev.migration.core.Operations.OldColumnSpec;
import dev.migration.core.schema.DefaultValue;
import dev.migration.core.schema.QualifiedName;
import dev.migration.core.schema.TableConstraint;

/** Collects an {@link OldColumnSpec} and builds the {@link ColumnShape}. */
final class OldColumnBuilder implements OldColumnSpec {

	private final QualifiedName table;

	private final String column;

	private boolean notNull;

	private DefaultValue defaultValue = DefaultValue.NONE;

	private final List<TableConstraint.Check> checks = new ArrayList<>();

	private final List<CreateIndex> indexes = new ArrayList<>();

	OldColumnBuilder(QualifiedName table, String column) {
		this.table = table;
		this.column = column;
	}

	@Override
	public OldColumnSpec notNull() {
		this.notNull = true;
		return this;
	}

	@Override
	public OldColumnSpec defaultValue(Object value) {
		this.defaultValue = DefaultValue.of(value);
		return this;
	}

	@Override
	public OldColumnSpec defaultExpression(String sql) {
		this.defaultValue = DefaultValue.expression(sql);
		return this;
	}

	@Override
	public OldColumnSpec check(String name, String expression) {
		this.checks.add(new TableConstraint.Check(name, expression, false));
		return this;
	}

	@Override
	public OldColumnSpec index(String name) {
		return index(name, (index) -> index.on(this.column));
	}

	@Override
	public OldColumnSpec index(String name, Consumer<IndexSpec> spec) {
		IndexBuilder builder = new IndexBuilder(name, this.table);
		spec.accept(builder);
		CreateIndex index = builder.build();
		// the downgrade builds it again on a table in use, so without blocking writes
		this.indexes.add(new CreateIndex(index.name(), index.table(), index.elements(), index.unique(), true, false,
				index.method(), index.include(), index.where()));
		return this;
	}

	ColumnShape build() {
		return new ColumnShape(this.notNull, this.defaultValue, this.checks, this.indexes);
	}

}
