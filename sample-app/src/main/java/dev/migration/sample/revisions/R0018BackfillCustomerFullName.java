package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/** Renaming a column, migrate: copy existing names in batches. */
@Component
@Revision(id = "0018", revises = "0017", message = "backfill customer full_name", transactional = false)
public class R0018BackfillCustomerFullName implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute(Backfill.batched("customer", "full_name = name", "full_name IS NULL"));
	}

	@Override
	public void downgrade(Operations op) {
		// the values go away with the column when 0017 is reverted
	}

}
