package dev.migration.core.op;

import java.util.List;

import dev.migration.core.MigrationException;
import dev.migration.core.Operations.ForeignKeySpec;
import dev.migration.core.schema.QualifiedName;
import dev.migration.core.schema.ReferentialAction;
import dev.migration.core.schema.TableConstraint;

/** Collects a {@link ForeignKeySpec} and builds the constraint value. */
final class ForeignKeyBuilder implements ForeignKeySpec {

	private final String name;

	private List<String> columns = List.of();

	private QualifiedName referencedTable;

	private List<String> referencedColumns = List.of();

	private ReferentialAction onDelete;

	private ReferentialAction onUpdate;

	private boolean deferrable;

	private boolean initiallyDeferred;

	private boolean notValid;

	ForeignKeyBuilder(String name) {
		this.name = name;
	}

	@Override
	public ForeignKeySpec columns(String... columns) {
		this.columns = List.of(columns);
		return this;
	}

	@Override
	public ForeignKeySpec references(String table, String... columns) {
		this.referencedTable = QualifiedName.parse(table);
		this.referencedColumns = List.of(columns);
		return this;
	}

	@Override
	public ForeignKeySpec onDelete(ReferentialAction action) {
		this.onDelete = action;
		return this;
	}

	@Override
	public ForeignKeySpec onUpdate(ReferentialAction action) {
		this.onUpdate = action;
		return this;
	}

	@Override
	public ForeignKeySpec deferrable() {
		this.deferrable = true;
		return this;
	}

	@Override
	public ForeignKeySpec initiallyDeferred() {
		this.deferrable = true;
		this.initiallyDeferred = true;
		return this;
	}

	@Override
	public ForeignKeySpec notValid() {
		this.notValid = true;
		return this;
	}

	TableConstraint.ForeignKey build() {
		if (this.referencedTable == null) {
			throw new MigrationException("Foreign key " + this.name + " needs references(table, columns...).");
		}
		return new TableConstraint.ForeignKey(this.name, this.columns, this.referencedTable, this.referencedColumns,
				this.onDelete, this.onUpdate, this.deferrable, this.initiallyDeferred, this.notValid);
	}

}
