package dev.migration.core.op;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.migration.core.Operations.ColumnSpec;
import dev.migration.core.Operations.ForeignKeySpec;
import dev.migration.core.Operations.TableSpec;
import dev.migration.core.schema.Column;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.QualifiedName;
import dev.migration.core.schema.TableConstraint;

/** Collects a {@link TableSpec} and builds the {@link CreateTable} operation. */
final class TableBuilder implements TableSpec {

	private final QualifiedName table;

	private final List<Column> columns = new ArrayList<>();

	private final List<TableConstraint> constraints = new ArrayList<>();

	private boolean ifNotExists;

	private String comment;

	TableBuilder(QualifiedName table) {
		this.table = table;
	}

	@Override
	public TableSpec column(String name, ColumnType type) {
		return column(name, type, (column) -> {
		});
	}

	@Override
	public TableSpec column(String name, ColumnType type, Consumer<ColumnSpec> spec) {
		ColumnBuilder builder = new ColumnBuilder(name, type);
		spec.accept(builder);
		this.columns.add(builder.build());
		return this;
	}

	@Override
	public TableSpec primaryKey(String... columns) {
		return constraint(new TableConstraint.PrimaryKey(null, List.of(columns), null));
	}

	@Override
	public TableSpec primaryKeyNamed(String name, String... columns) {
		return constraint(new TableConstraint.PrimaryKey(name, List.of(columns), null));
	}

	@Override
	public TableSpec unique(String name, String... columns) {
		return constraint(new TableConstraint.Unique(name, List.of(columns), null, false));
	}

	@Override
	public TableSpec check(String name, String expression) {
		return constraint(new TableConstraint.Check(name, expression, false));
	}

	@Override
	public TableSpec foreignKey(String name, Consumer<ForeignKeySpec> spec) {
		ForeignKeyBuilder builder = new ForeignKeyBuilder(name);
		spec.accept(builder);
		return constraint(builder.build());
	}

	@Override
	public TableSpec constraint(TableConstraint constraint) {
		this.constraints.add(constraint);
		return this;
	}

	@Override
	public TableSpec ifNotExists() {
		this.ifNotExists = true;
		return this;
	}

	@Override
	public TableSpec comment(String comment) {
		this.comment = comment;
		return this;
	}

	CreateTable build() {
		return new CreateTable(this.table, this.columns, this.constraints, this.ifNotExists, this.comment);
	}

}
