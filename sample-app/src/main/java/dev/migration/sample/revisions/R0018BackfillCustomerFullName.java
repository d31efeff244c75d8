package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.Stage;

/**
 * Renaming a column, migrate: copy existing names in batches, in the background once the
 * application is ready (the sync trigger already fills both columns on every write).
 */
@Component
@Revision(id = "0018", revises = "0017", message = "backfill customer full_name", stage = Stage.BACKGROUND)
public class R0018BackfillCustomerFullName implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.backfill("customer", (b) -> b.set("full_name = name").where("full_name IS NULL"));
	}

	// the derived downgrade forgets the backfill's progress; the values go with the column

}
