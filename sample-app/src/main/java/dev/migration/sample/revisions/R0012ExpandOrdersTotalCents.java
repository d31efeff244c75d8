package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.AllowUnsafe;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;

/**
 * Expand and contract, expand: money moves from {@code total numeric} to {@code total_cents
 * bigint}. The new column comes nullable, and a trigger keeps the two in step whichever one
 * the running code writes, so old and new application versions can run side by side.
 */
@Component
@AllowUnsafe(rule = "trigger-on-existing-table", reason = "the sync trigger of expand and contract; migrations.lock-timeout (1s) makes the step fail fast and retry instead of queueing writes on orders")
@Revision(id = "0012", revises = "0011", message = "expand orders with total_cents")
public class R0012ExpandOrdersTotalCents implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.addColumn("orders", "total_cents", ColumnType.BIGINT);
		op.execute(TotalSync.CREATE_FUNCTION, TotalSync.DROP_FUNCTION);
		op.execute(TotalSync.CREATE_TRIGGER, TotalSync.DROP_TRIGGER);
	}

}
