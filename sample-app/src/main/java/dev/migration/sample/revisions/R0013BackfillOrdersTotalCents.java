package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.AllowUnsafe;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/** Expand and contract, migrate: copy old totals into cents, in batches of their own transactions. */
@Component
@AllowUnsafe(rule = "backfill-at-startup", reason = "start-up revisions the code needs (0017) come after it in one line; the table is small when it runs")
@Revision(id = "0013", revises = "0012", message = "backfill orders total_cents")
public class R0013BackfillOrdersTotalCents implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.backfill("orders", (b) -> b.set("total_cents = round(total * 100)").where("total_cents IS NULL"));
	}

	// the derived downgrade forgets the backfill's progress; the values go with the column

}
