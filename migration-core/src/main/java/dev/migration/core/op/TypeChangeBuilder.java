package dev.migration.core.op;

import dev.migration.core.Operations.TypeChangeSpec;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.QualifiedName;

/** Collects a {@link TypeChangeSpec} and builds the {@link AlterColumnType} operation. */
final class TypeChangeBuilder implements TypeChangeSpec {

	private final QualifiedName table;

	private final String column;

	private final ColumnType type;

	private String using;

	private ColumnType previousType;

	private String previousUsing;

	TypeChangeBuilder(QualifiedName table, String column, ColumnType type) {
		this.table = table;
		this.column = column;
		this.type = type;
	}

	@Override
	public TypeChangeSpec using(String expression) {
		this.using = expression;
		return this;
	}

	@Override
	public TypeChangeSpec from(ColumnType previousType) {
		this.previousType = previousType;
		return this;
	}

	@Override
	public TypeChangeSpec reverseUsing(String expression) {
		this.previousUsing = expression;
		return this;
	}

	AlterColumnType build() {
		return new AlterColumnType(this.table, this.column, this.type, this.using, this.previousType,
				this.previousUsing);
	}

}
