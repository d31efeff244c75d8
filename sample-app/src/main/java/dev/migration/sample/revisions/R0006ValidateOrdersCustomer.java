package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ReferentialAction;

/**
 * Foreign key, step two, in a transaction of its own: VALIDATE scans existing rows under a
 * lock that lets reads and writes go on.
 */
@Component
@Revision(id = "0006", revises = "0005", message = "validate orders customer foreign key")
public class R0006ValidateOrdersCustomer implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.validateConstraint("fk_orders_customer", "orders");
	}

	/**
	 * PostgreSQL cannot mark a constraint NOT VALID again, so the downgrade puts back the
	 * constraint of 0005 as it was: dropping it and adding it NOT VALID scans nothing.
	 */
	@Override
	public void downgrade(Operations op) {
		op.dropConstraint("fk_orders_customer", "orders");
		op.addForeignKey("fk_orders_customer", "orders", (fk) -> fk.columns("customer_id")
			.references("customer", "id")
			.onDelete(ReferentialAction.RESTRICT)
			.notValid());
	}

}
