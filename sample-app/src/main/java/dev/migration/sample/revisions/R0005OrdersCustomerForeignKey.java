package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ReferentialAction;

/**
 * Foreign key, step one: NOT VALID, so only new rows are checked and the brief lock does
 * not wait for a scan of existing orders.
 */
@Component
@Revision(id = "0005", revises = "0004", message = "orders reference customers, not valid yet")
public class R0005OrdersCustomerForeignKey implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.addForeignKey("fk_orders_customer", "orders", (fk) -> fk.columns("customer_id")
			.references("customer", "id")
			.onDelete(ReferentialAction.RESTRICT)
			.notValid());
	}

}
