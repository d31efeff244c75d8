package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.AllowUnsafe;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/**
 * Data migration, kept apart from schema changes: fill the country from the email's domain
 * in batches, each its own short transaction, throttled and resumable.
 */
@Component
@AllowUnsafe(rule = "backfill-at-startup", reason = "start-up revisions the code needs (0012 and 0017) come after it in one line; the table is small when it runs")
@Revision(id = "0008", revises = "0007", message = "backfill customer country")
public class R0008BackfillCustomerCountry implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.backfill("customer", (b) -> b.set("country = CASE WHEN email LIKE '%.fr' THEN 'FR' WHEN email LIKE '%.de' THEN 'DE' ELSE 'ZZ' END").where("country IS NULL"));
	}

	// the derived downgrade forgets the backfill's progress; the values go with the column

}
