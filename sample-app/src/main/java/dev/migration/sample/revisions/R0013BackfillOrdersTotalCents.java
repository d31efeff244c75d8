package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/** Expand and contract, migrate: copy old totals into cents, in batches of their own transactions. */
@Component
@Revision(id = "0013", revises = "0012", message = "backfill orders total_cents", transactional = false)
public class R0013BackfillOrdersTotalCents implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute(Backfill.batched("orders", "total_cents = round(total * 100)", "total_cents IS NULL"));
	}

	@Override
	public void downgrade(Operations op) {
		// the values go away with the column when 0012 is reverted
	}

}
