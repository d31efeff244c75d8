package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/**
 * Validates the check in its own transaction, then sets NOT NULL, which PostgreSQL proves
 * from the valid check without a scan, and drops the check.
 */
@Component
@Revision(id = "0015", revises = "0014", message = "orders total_cents not null")
public class R0015OrdersTotalCentsNotNull implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.validateConstraint("ck_orders_total_cents_not_null", "orders");
		op.setNotNull("orders", "total_cents");
		op.dropConstraint("ck_orders_total_cents_not_null", "orders");
	}

	@Override
	public void downgrade(Operations op) {
		// back to the NOT VALID check of 0014, which also spares the downgrade a full scan
		op.addCheckNotValid("ck_orders_total_cents_not_null", "orders", "total_cents IS NOT NULL");
		op.dropNotNull("orders", "total_cents");
	}

}
