package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.AllowUnsafe;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.Stage;
import dev.migration.core.schema.ColumnType;

/**
 * A destructive change that keeps a backup: the unused notes column is dropped only after
 * its values are copied to a backup table, from which the downgrade restores them. A contract
 * revision: it waits until an operator releases it.
 */
@Component
@AllowUnsafe(rule = "drop-column", reason = "the notes are copied to customer_notes_backup first, and the downgrade restores them")
@Revision(id = "0020", revises = "0019", message = "retire customer notes, keeping a backup",
		stage = Stage.CONTRACT)
public class R0020RetireCustomerNotes implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute("CREATE TABLE customer_notes_backup AS SELECT id AS customer_id, notes FROM customer "
				+ "WHERE notes IS NOT NULL");
		op.dropColumn("customer", "notes");
	}

	@Override
	public void downgrade(Operations op) {
		op.addColumn("customer", "notes", ColumnType.TEXT);
		op.execute("UPDATE customer c SET notes = b.notes FROM customer_notes_backup b WHERE b.customer_id = c.id");
		op.dropTable("customer_notes_backup");
	}

}
