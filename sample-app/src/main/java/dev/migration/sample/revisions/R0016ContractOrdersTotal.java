package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.AllowUnsafe;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/**
 * Expand and contract, contract: once every instance writes total_cents, the trigger goes
 * and the old column is retired. It is renamed, not dropped, so its data stays as a backup
 * until a later revision drops it deliberately; the downgrade brings it back intact.
 */
@Component
@AllowUnsafe(rule = "rename-column", reason = "contract step: released once no instance reads orders.total; the rename keeps the data as a backup")
@Revision(id = "0016", revises = "0015", message = "contract orders total, keeping it as a backup")
public class R0016ContractOrdersTotal implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute(TotalSync.DROP_TRIGGER);
		op.execute(TotalSync.DROP_FUNCTION);
		op.dropNotNull("orders", "total");
		op.renameColumn("orders", "total", "total_retired");
	}

	@Override
	public void downgrade(Operations op) {
		op.renameColumn("orders", "total_retired", "total");
		// rows written since the contract only have cents
		op.execute("UPDATE orders SET total = total_cents / 100.0 WHERE total IS NULL");
		op.setNotNull("orders", "total");
		op.execute(TotalSync.CREATE_FUNCTION);
		op.execute(TotalSync.CREATE_TRIGGER);
	}

}
