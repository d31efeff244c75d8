package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.AllowUnsafe;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;

/**
 * Renaming a column without breaking running code, expand: {@code name} becomes
 * {@code full_name}. A plain RENAME would break every instance still reading {@code name};
 * instead the new column arrives beside it with a trigger that copies writes both ways.
 */
@Component
@AllowUnsafe(rule = "trigger-on-existing-table", reason = "the sync trigger of expand and contract; migrations.lock-timeout (1s) makes the step fail fast and retry instead of queueing writes on customer")
@Revision(id = "0017", revises = "0016", message = "rename customer name to full_name: expand")
public class R0017RenameCustomerNameExpand implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.addColumn("customer", "full_name", ColumnType.TEXT);
		op.execute(NameSync.CREATE_FUNCTION, NameSync.DROP_FUNCTION);
		op.execute(NameSync.CREATE_TRIGGER, NameSync.DROP_TRIGGER);
	}

	@Override
	public void downgrade(Operations op) {
		// the repeatable view R__customer_order_totals reads full_name: it goes first, and the next upgrade to the
		// heads makes it again
		op.execute("DROP VIEW IF EXISTS customer_order_totals");
		op.execute(NameSync.DROP_TRIGGER);
		op.execute(NameSync.DROP_FUNCTION);
		op.dropColumn("customer", "full_name");
	}

}
