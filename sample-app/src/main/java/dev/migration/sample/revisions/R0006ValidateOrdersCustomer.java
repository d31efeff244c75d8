package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

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

}
