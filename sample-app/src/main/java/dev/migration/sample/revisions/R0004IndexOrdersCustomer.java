package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/**
 * An index on a table that already takes writes: CONCURRENTLY, so inserts and updates go on
 * while it builds. A failed build leaves an INVALID index, which the next run drops first.
 */
@Component
@Revision(id = "0004", revises = "0003", message = "index orders by customer")
public class R0004IndexOrdersCustomer implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createIndex("ix_orders_customer", "orders", (i) -> i.on("customer_id").concurrently());
	}

}
