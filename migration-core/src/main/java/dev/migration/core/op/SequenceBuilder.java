package dev.migration.core.op;

import dev.migration.core.Operations.SequenceSpec;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.QualifiedName;

/** Collects a {@link SequenceSpec} and builds the {@link CreateSequence} operation. */
final class SequenceBuilder implements SequenceSpec {

	private final QualifiedName sequence;

	private ColumnType type;

	private Long startWith;

	private Long incrementBy;

	private Long minValue;

	private Long maxValue;

	private Long cache;

	private boolean cycle;

	private QualifiedName ownedByTable;

	private String ownedByColumn;

	private boolean ifNotExists;

	SequenceBuilder(QualifiedName sequence) {
		this.sequence = sequence;
	}

	@Override
	public SequenceSpec type(ColumnType type) {
		this.type = type;
		return this;
	}

	@Override
	public SequenceSpec startWith(long value) {
		this.startWith = value;
		return this;
	}

	@Override
	public SequenceSpec incrementBy(long value) {
		this.incrementBy = value;
		return this;
	}

	@Override
	public SequenceSpec minValue(long value) {
		this.minValue = value;
		return this;
	}

	@Override
	public SequenceSpec maxValue(long value) {
		this.maxValue = value;
		return this;
	}

	@Override
	public SequenceSpec cache(long values) {
		this.cache = values;
		return this;
	}

	@Override
	public SequenceSpec cycle() {
		this.cycle = true;
		return this;
	}

	@Override
	public SequenceSpec ownedBy(String table, String column) {
		this.ownedByTable = QualifiedName.parse(table);
		this.ownedByColumn = column;
		return this;
	}

	@Override
	public SequenceSpec ifNotExists() {
		this.ifNotExists = true;
		return this;
	}

	CreateSequence build() {
		return new CreateSequence(this.sequence, this.type, this.startWith, this.incrementBy, this.minValue,
				this.maxValue, this.cache, this.cycle, this.ownedByTable, this.ownedByColumn, this.ifNotExists);
	}

}
