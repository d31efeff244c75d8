package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.AllowUnsafe;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.Stage;
import dev.migration.core.schema.ColumnType;

/**
 * Renaming a column, contract, a later clean-up revision that waits until an operator
 * releases it ({@code migrations.release} or the endpoint) once no instance reads {@code name}: the trigger, its function and the old column go. The downgrade rebuilds the
 * old column from the new one, so no data is lost either way.
 */
@Component
@AllowUnsafe(rule = "drop-column", reason = "contract step: released once no instance reads customer.name; full_name holds the same data")
@Revision(id = "0019", revises = "0018", message = "rename customer name to full_name: contract",
		stage = Stage.CONTRACT)
public class R0019RenameCustomerNameContract implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute(NameSync.DROP_TRIGGER);
		op.execute(NameSync.DROP_FUNCTION);
		op.dropColumn("customer", "name");
	}

	@Override
	public void downgrade(Operations op) {
		op.addColumn("customer", "name", ColumnType.TEXT);
		op.execute("UPDATE customer SET name = full_name");
		op.setNotNull("customer", "name");
		op.execute(NameSync.CREATE_FUNCTION);
		op.execute(NameSync.CREATE_TRIGGER);
	}

}
