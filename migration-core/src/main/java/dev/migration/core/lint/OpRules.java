package dev.migration.core.lint;

import dev.migration.core.op.AddColumn;
import dev.migration.core.op.AddConstraint;
import dev.migration.core.op.AlterColumnNullability;
import dev.migration.core.op.AlterColumnType;
import dev.migration.core.op.BulkInsert;
import dev.migration.core.op.CreateIndex;
import dev.migration.core.op.CommitPoint;
import dev.migration.core.op.CreateTable;
import dev.migration.core.op.DeleteRows;
import dev.migration.core.op.DropColumn;
import dev.migration.core.op.DropIndex;
import dev.migration.core.op.DropTable;
import dev.migration.core.op.OnlineOnlyStep;
import dev.migration.core.op.Op;
import dev.migration.core.op.RenameColumn;
import dev.migration.core.op.RenameTable;
import dev.migration.core.op.UpdateRows;
import dev.migration.core.op.VerifyColumnShape;
import dev.migration.core.op.ValidateConstraint;
import dev.migration.core.schema.Column;
import dev.migration.core.schema.DefaultValue;
import dev.migration.core.schema.TableConstraint;

/**
 * The rules over op records, one explicit {@code instanceof} chain like the dialect's, so a
 * reader goes from an op to the rules that look at it. Raw SQL goes to {@link SqlRules}.
 */
final class OpRules {

	/** More rows than this in one insert is a long data change. */
	static final int LONG_INSERT_ROWS = 1_000;

	private OpRules() {
	}

	static void check(Op op, String statement, Scope scope) {
		if (!(op instanceof BulkInsert || op instanceof UpdateRows || op instanceof DeleteRows
				|| op instanceof OnlineOnlyStep || op instanceof VerifyColumnShape || op instanceof CommitPoint)) {
			scope.hasDdl = true;
			scope.locksExisting = true;
		}
		if (op instanceof OnlineOnlyStep step) {
			scope.report(Rule.ONLINE_CODE, statement, "The online-only step '" + step.description() + "'.");
		}
		else if (op instanceof UpdateRows || op instanceof DeleteRows) {
			// rendered with its values inlined, it is the UPDATE or DELETE the raw SQL rules judge
			SqlRules.check(statement, scope);
		}
		else if (op instanceof CreateTable create) {
			createTable(create, statement, scope);
		}
		else if (op instanceof AddColumn add) {
			Column column = add.column();
			DefaultValue value = column.defaultValue();
			scope.checkAddColumn(add.table().name(), column.name(), TypeName.of(column.type()),
					column.required() && column.identity() == null && column.generatedAs() == null,
					!(value instanceof DefaultValue.None), (value instanceof DefaultValue.Expression expression)
							? expression.sql() : null, statement);
		}
		else if (op instanceof CreateIndex index) {
			scope.createdIndexes.add(Scope.key(index.name()));
			if (!index.concurrently() && !scope.isNew(index.table().name())) {
				scope.report(Rule.INDEX_NOT_CONCURRENT, index.table().name(), statement, null);
			}
		}
		else if (op instanceof DropIndex drop) {
			if (!drop.concurrently() && !scope.isNewIndex(drop.index().name())) {
				scope.report(Rule.DROP_INDEX_NOT_CONCURRENT, scope.schema.facts.indexTable(drop.index().name()).orElse(null),
						statement, null);
			}
		}
		else if (op instanceof AddConstraint add) {
			addConstraint(add, statement, scope);
		}
		else if (op instanceof ValidateConstraint validate) {
			scope.checkValidate(validate.name(), statement);
		}
		else if (op instanceof AlterColumnNullability nullability && !nullability.nullable()) {
			scope.checkSetNotNull(nullability.table().name(), nullability.column(), statement);
		}
		else if (op instanceof AlterColumnType change) {
			TypeName type = TypeName.of(change.type());
			scope.checkStyle(type, statement, change.column());
			scope.checkTypeChange(change.table().name(), change.column(), type,
					(change.previousType() != null) ? TypeName.of(change.previousType()) : null, change.using() != null,
					statement);
		}
		else if (op instanceof RenameColumn rename) {
			if (!scope.isNew(rename.table().name())) {
				scope.report(Rule.RENAME_COLUMN, statement, null);
			}
		}
		else if (op instanceof RenameTable rename) {
			if (!scope.isNew(rename.table().name())) {
				scope.report(Rule.RENAME_TABLE, statement, null);
			}
			scope.renamed(rename.table().name(), rename.newName());
		}
		else if (op instanceof DropColumn drop) {
			if (!scope.isNew(drop.table().name())
					&& !scope.addedColumns.contains(Scope.column(drop.table().name(), drop.column()))) {
				scope.report(Rule.DROP_COLUMN, statement, null);
			}
		}
		else if (op instanceof DropTable drop) {
			if (!scope.isNew(drop.table().name())) {
				scope.report(Rule.DROP_TABLE, statement, null);
			}
		}
		else if (op instanceof BulkInsert insert && insert.rows().size() > LONG_INSERT_ROWS) {
			scope.dataChange(insert.table().name(), statement, "The insert writes " + insert.rows().size() + " rows.");
		}
	}

	private static void createTable(CreateTable create, String statement, Scope scope) {
		String table = create.table().name();
		scope.createdTables.add(Scope.key(table));
		for (Column column : create.columns()) {
			scope.schema.columnTypes.put(Scope.column(table, column.name()), TypeName.of(column.type()));
			scope.checkStyle(TypeName.of(column.type()), statement, column.name());
		}
		for (TableConstraint constraint : create.constraints()) {
			if (constraint instanceof TableConstraint.Check check) {
				scope.noteCheck(table, check.name(), check.expression(), check.notValid());
			}
		}
	}

	private static void addConstraint(AddConstraint add, String statement, Scope scope) {
		String table = add.table().name();
		TableConstraint constraint = add.constraint();
		if (constraint.name() != null) {
			scope.addedConstraints.add(Scope.key(constraint.name()));
		}
		boolean existing = !scope.isNew(table);
		if (constraint instanceof TableConstraint.Check check) {
			scope.noteCheck(table, check.name(), check.expression(), check.notValid());
			if (existing && !check.notValid()) {
				scope.report(Rule.CONSTRAINT_NOT_VALID, table, statement, null);
			}
		}
		else if (constraint instanceof TableConstraint.ForeignKey key) {
			if (existing && !key.notValid()) {
				scope.report(Rule.CONSTRAINT_NOT_VALID, table, statement, null);
			}
		}
		else if (constraint instanceof TableConstraint.Unique unique) {
			if (existing && unique.usingIndex() == null) {
				scope.report(Rule.UNIQUE_WITHOUT_INDEX, table, statement, null);
			}
		}
		else if (constraint instanceof TableConstraint.PrimaryKey key && existing && key.usingIndex() == null) {
			scope.report(Rule.UNIQUE_WITHOUT_INDEX, table, statement, null);
		}
	}

}
