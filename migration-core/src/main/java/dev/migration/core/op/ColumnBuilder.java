package dev.migration.core.op;

import dev.migration.core.Operations.ColumnSpec;
import dev.migration.core.schema.Column;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.DefaultValue;
import dev.migration.core.schema.Identity;

/** Collects a {@link ColumnSpec} and builds the {@link Column} value. */
final class ColumnBuilder implements ColumnSpec {

	private final String name;

	private final ColumnType type;

	private boolean nullable = true;

	private DefaultValue defaultValue = DefaultValue.NONE;

	private Identity identity;

	private String generatedAs;

	private boolean primaryKey;

	private boolean unique;

	private String collation;

	private String comment;

	ColumnBuilder(String name, ColumnType type) {
		this.name = name;
		this.type = type;
	}

	@Override
	public ColumnSpec notNull() {
		this.nullable = false;
		return this;
	}

	@Override
	public ColumnSpec defaultValue(Object value) {
		this.defaultValue = DefaultValue.of(value);
		return this;
	}

	@Override
	public ColumnSpec defaultExpression(String sql) {
		this.defaultValue = DefaultValue.expression(sql);
		return this;
	}

	@Override
	public ColumnSpec identity() {
		this.identity = Identity.BY_DEFAULT;
		return this;
	}

	@Override
	public ColumnSpec identityAlways() {
		this.identity = Identity.ALWAYS;
		return this;
	}

	@Override
	public ColumnSpec generatedAs(String expression) {
		this.generatedAs = expression;
		return this;
	}

	@Override
	public ColumnSpec primaryKey() {
		this.primaryKey = true;
		return this;
	}

	@Override
	public ColumnSpec unique() {
		this.unique = true;
		return this;
	}

	@Override
	public ColumnSpec collation(String collation) {
		this.collation = collation;
		return this;
	}

	@Override
	public ColumnSpec comment(String comment) {
		this.comment = comment;
		return this;
	}

	Column build() {
		return new Column(this.name, this.type, this.nullable, this.defaultValue, this.identity, this.generatedAs,
				this.primaryKey, this.unique, this.collation, this.comment);
	}

}
