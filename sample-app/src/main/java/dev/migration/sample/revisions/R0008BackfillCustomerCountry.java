package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/**
 * Data migration, kept apart from schema changes: fill the country from the email's domain
 * in batches of its own transactions.
 */
@Component
@Revision(id = "0008", revises = "0007", message = "backfill customer country", transactional = false)
public class R0008BackfillCustomerCountry implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute(Backfill.batched("customer",
				"country = CASE WHEN email LIKE '%.fr' THEN 'FR' WHEN email LIKE '%.de' THEN 'DE' ELSE 'ZZ' END",
				"country IS NULL"));
	}

	@Override
	public void downgrade(Operations op) {
		// the values go away with the column when 0007 is reverted
	}

}
