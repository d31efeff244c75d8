package dev.migration.core.op;

import java.util.List;
import java.util.Optional;

/**
 * One schema or data operation, recorded as an immutable value when a migration calls
 * {@link dev.migration.core.Operations}; a dialect renders it to SQL.
 */
public sealed interface Op permits CreateSchema, DropSchema, CreateTable, DropTable, RenameTable, AddColumn,
		DropColumn, RenameColumn, AlterColumnType, AlterColumnNullability, AlterColumnDefault, CreateIndex, DropIndex,
		AddConstraint, DropConstraint, ValidateConstraint, CreateView, DropView, CreateSequence, DropSequence,
		CreateEnumType, DropType, AddEnumValue, CommentOnTable, CommentOnColumn, ExecuteSql, BulkInsert, SetNotNullOnline, AddForeignKeyOnline,
		AddUniqueOnline, Backfill, ForgetBackfill, ForgetBackfillProgress, CreateColumnSync, DropColumnSync,
		RenameColumnOnline, FinishRenameColumnOnline, UpdateRows, DeleteRows, CreateFunction, DropFunction,
		CreateTrigger, DropTrigger, TouchOnUpdate, DropTouchOnUpdate, OnlineOnlyStep, VerifyColumnShape,
		CommitPoint {

	/**
	 * Returns the operations that undo this one, in order, or empty when it cannot be undone
	 * without knowing more (a dropped column's data, a replaced view's old definition).
	 * @return the reverse, if there is one
	 */
	default Optional<List<Op>> reverse() {
		return Optional.empty();
	}

}
